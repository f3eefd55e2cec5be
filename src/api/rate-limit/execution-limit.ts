import type { Context, MiddlewareHandler } from 'hono';
import type { Plan, UsageService } from '../../service/index.js';
import type { AppEnv } from '../env.js';
import { type Budget, charge, rateLimitHeaders, rateLimited } from './charge.js';
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

interface TriggerLimitOptions extends ExecutionLimitOptions {
  /** Runs one webhook may start per minute: its own budget, on top of its owner's executions per minute. */
  perWebhook: number;
  /** Per client IP: anonymous calls, and refused triggers of a known webhook. */
  anonymousPerMinute: number;
}

/**
 * Anyone holding a webhook URL may POST to it, so nothing is spent before a trigger is judged.
 * An id that resolves to no owner is counted per IP like any anonymous call, then answered 404.
 * For a known webhook, a trigger that is refused (its body, its inputs, an inactive workflow, no
 * credits) counts against its client IP's budget of refusals, and an IP that has spent it gets 429
 * before its body is read; a trigger that starts a run spends the webhook's own budget and, as
 * every execution does, one of its owner's executions per minute (`spendTrigger`, called by the use
 * case once every check has passed). Refused triggers never touch the owner's budget.
 */
export function triggerGuard({ limiter, anonymousPerMinute }: TriggerLimitOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const ip = clientIp(c);
    if (c.get('webhookOwner') === undefined) {
      await charge(c, limiter, [{ key: `ip:${ip}`, perMinute: anonymousPerMinute, unit: 'requests' }]);
      return next();
    }
    const refusals: Budget = { key: `hook-refused:${ip}`, perMinute: anonymousPerMinute, unit: 'refused webhook triggers' };
    // Zero points: whether the IP may still be heard, without spending anything.
    const seen = await limiter.consume(refusals.key, refusals.perMinute, 0);
    for (const [name, value] of Object.entries(rateLimitHeaders(seen))) c.header(name, value);
    if (!seen.allowed || seen.remaining === 0) {
      throw rateLimited(refusals, { ...seen, retryAfter: Math.max(1, seen.retryAfter, seen.resetAt - Math.floor(Date.now() / 1000)) });
    }
    await next();
    const { status } = c.res;
    if (status < 400 || status >= 500 || status === 429) return;
    const spent = await limiter.consume(refusals.key, refusals.perMinute);
    for (const [name, value] of Object.entries(rateLimitHeaders(spent))) c.res.headers.set(name, value);
  };
}

/**
 * Spends one run of the webhook's own budget and one of its owner's executions per minute: 429
 * `rate_limited` when either is spent, and then neither is charged (each is looked at with zero
 * points first, so a full owner budget does not cost the webhook a run) and nothing starts.
 */
export async function spendTrigger({ limiter, usage, perWebhook }: TriggerLimitOptions, c: Context<AppEnv>): Promise<void> {
  const budgets: Budget[] = [{ key: `hook:${c.req.param('webhookId') ?? ''}`, perMinute: perWebhook, unit: 'runs of this webhook' }];
  const owner = c.get('webhookOwner');
  if (owner !== undefined) budgets.push(accountBudget(usage, owner));
  for (const budget of budgets) {
    const seen = await limiter.consume(budget.key, budget.perMinute, 0);
    if (!seen.allowed || seen.remaining === 0) await charge(c, limiter, [budget]);
  }
  await charge(c, limiter, budgets);
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
