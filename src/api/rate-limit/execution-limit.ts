import type { MiddlewareHandler } from 'hono';
import type { Plan, UsageService } from '../../service/index.js';
import type { AppEnv } from '../env.js';
import { type Budget, charge, rateLimited } from './charge.js';
import { clientIp } from './client-ip.js';
import type { RateLimiter } from './limiter.js';

interface ExecutionLimitOptions {
  limiter: RateLimiter;
  usage: UsageService;
}

/** An account's executions per minute, shared by its keys and its webhooks. */
function accountBudget(usage: UsageService, owner: { accountId: string; plan: Plan }, points = 1): Budget {
  return { key: `exec:${owner.accountId}`, perMinute: usage.limitsFor(owner.plan).executionsPerMinute, unit: 'executions', points };
}

/**
 * On execute, run and retry, before the key's scope is checked (so a 403 carries the headers
 * too). A caller without a valid key was already counted per IP by the global limiter.
 */
export function executionLimit({ limiter, usage }: ExecutionLimitOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.get('caller');
    if ('principal' in caller) await charge(c, limiter, [accountBudget(usage, caller.principal)]);
    await next();
  };
}

/**
 * After the body of `POST /run` is read: a batch starts one execution per input set and each
 * counts (docs/execution.md); the first was counted by `executionLimit`.
 */
export function batchLimit({ limiter, usage }: ExecutionLimitOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const inputs = (c.var.body as { inputs?: unknown } | undefined)?.inputs;
    if (Array.isArray(inputs) && inputs.length > 1) await charge(c, limiter, [accountBudget(usage, c.var.principal, inputs.length - 1)]);
    await next();
  };
}

/**
 * Webhook triggers spend the webhook's own budget, then its owner's execution budget. An id that
 * resolves to no owner is counted per IP like any anonymous call, then answered 404.
 */
export function triggerLimit(options: ExecutionLimitOptions & { perWebhook: number; anonymousPerMinute: number }): MiddlewareHandler<AppEnv> {
  const { limiter, usage, perWebhook, anonymousPerMinute } = options;
  return async (c, next) => {
    const owner = c.get('webhookOwner');
    const budgets: Budget[] = owner === undefined
      ? [{ key: `ip:${clientIp(c)}`, perMinute: anonymousPerMinute, unit: 'requests' }]
      : [{ key: `hook:${c.req.param('webhookId')}`, perMinute: perWebhook, unit: 'triggers of this webhook' }, accountBudget(usage, owner)];
    await charge(c, limiter, budgets);
    await next();
  };
}

/**
 * The same account budget for executions started outside the REST routes (MCP over HTTP runs
 * `execute_workflow` through the services): refused with `rate_limited` when it is spent.
 */
export async function spendExecution({ limiter, usage }: ExecutionLimitOptions, owner: { accountId: string; plan: Plan }): Promise<void> {
  const budget = accountBudget(usage, owner);
  const verdict = await limiter.consume(budget.key, budget.perMinute, budget.points);
  if (!verdict.allowed) throw rateLimited(budget, verdict);
}
