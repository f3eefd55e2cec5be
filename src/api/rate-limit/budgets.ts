import type { Principal, UsageService } from '../../service/index.js';
import { type Budget, rateLimited, spend } from './charge.js';
import type { RateLimiter } from './limiter.js';

interface BudgetOptions {
  limiter: RateLimiter;
  usage: UsageService;
}

/** A key's requests per minute, at its plan's limit or the operator's (`usage.limitsFor`). */
export function keyBudget(usage: UsageService, principal: Pick<Principal, 'keyId' | 'plan'>): Budget {
  return { key: `key:${principal.keyId}`, perMinute: usage.limitsFor(principal.plan).requestsPerMinute, unit: 'requests' };
}

/** An account's executions per minute, shared by its keys and its webhooks. */
export function accountBudget(usage: UsageService, owner: Pick<Principal, 'accountId' | 'plan'>, points = 1): Budget {
  return { key: `exec:${owner.accountId}`, perMinute: usage.limitsFor(owner.plan).executionsPerMinute, unit: 'executions', points };
}

/**
 * For work counted outside the REST chain, where there is no response to put headers on: MCP over
 * HTTP spends one request per tool call, and `execute_workflow` one execution of the account, the
 * same budgets as REST. Throws `rate_limited`, having spent nothing, when the budget is spent.
 */
export function spendRequest({ limiter, usage }: BudgetOptions, principal: Principal): Promise<void> {
  return spendOne(limiter, keyBudget(usage, principal));
}

/** See `spendRequest`. */
export function spendExecution({ limiter, usage }: BudgetOptions, principal: Pick<Principal, 'accountId' | 'plan'>): Promise<void> {
  return spendOne(limiter, accountBudget(usage, principal));
}

async function spendOne(limiter: RateLimiter, budget: Budget): Promise<void> {
  const { binding, refused } = await spend(limiter, [budget]);
  if (refused && binding !== undefined) throw rateLimited(binding.budget, binding.verdict);
}
