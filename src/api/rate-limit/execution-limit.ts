import type { Context, MiddlewareHandler } from 'hono';
import { PipewrightError } from '../../errors/index.js';
import type { UsageService } from '../../service/index.js';
import type { AppEnv } from '../env.js';
import { accountBudget } from './budgets.js';
import { type Budget, charge, rateLimitHeaders, rateLimited, report } from './charge.js';
import { clientIp } from './client-ip.js';
import type { RateLimiter } from './limiter.js';

interface ExecutionLimitOptions {
  limiter: RateLimiter;
  usage: UsageService;
}

/**
 * On execute, run and retry, before the key's scope is checked (so a 403 carries the headers
 * too): one execution. A caller without a valid key was already counted per IP by the global limiter.
 */
export function executionLimit({ limiter, usage }: ExecutionLimitOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.get('caller');
    if ('principal' in caller) await charge(c, limiter, [accountBudget(usage, caller.principal)]);
    await next();
  };
}

/**
 * After the body of `POST /run` is read: a batch starts one execution per input set, each counted
 * (docs/api.md "Rate limits"), and is judged whole before anything starts. Refused by the limit —
 * larger than it could ever be (400), or more than is left this minute (429) — it spends nothing,
 * not even the execution `executionLimit` counted on arrival. Refused by the service (credits, the
 * daily cap, an input), nothing started: its other executions come back, and the request counts as one.
 */
export function batchLimit({ limiter, usage }: ExecutionLimitOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const inputs = (c.var.body as { inputs?: unknown } | undefined)?.inputs;
    const size = Array.isArray(inputs) ? inputs.length : 1;
    if (size <= 1) return next();
    const first = accountBudget(usage, c.var.principal);
    const rest = accountBudget(usage, c.var.principal, size - 1);
    try {
      if (first.perMinute !== null && size > first.perMinute) throw neverFits(size, first.perMinute);
      await charge(c, limiter, [rest]);
    } catch (error) {
      await giveBack(c, limiter, first);
      throw error;
    }
    await next();
    if (c.res.status >= 400) await giveBack(c, limiter, rest);
  };
}

async function giveBack(c: Context<AppEnv>, limiter: RateLimiter, budget: Budget): Promise<void> {
  if (budget.perMinute === null) return;
  await limiter.refund(budget.key, budget.perMinute, budget.points ?? 1);
  await report(c, limiter, budget);
}

/** Waiting would not help: the request must change, so it is a 400, not a 429 a client would retry forever. */
function neverFits(size: number, perMinute: number): PipewrightError {
  return new PipewrightError(
    'invalid_field',
    `This batch starts ${size} executions, more than the ${perMinute} per minute this account may start, so it can never run: send at most ${perMinute} input sets per call`,
    { details: { field: 'inputs' } },
  );
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
    const refusals = { key: `hook-refused:${ip}`, perMinute: anonymousPerMinute, unit: 'refused webhook triggers' };
    const seen = await report(c, limiter, refusals);
    if (seen !== undefined && (!seen.allowed || seen.remaining === 0)) {
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
 * `rate_limited` when either is spent, and then neither is charged and nothing starts.
 */
export async function spendTrigger({ limiter, usage, perWebhook }: TriggerLimitOptions, c: Context<AppEnv>): Promise<void> {
  const budgets: Budget[] = [{ key: `hook:${c.req.param('webhookId') ?? ''}`, perMinute: perWebhook, unit: 'runs of this webhook' }];
  const owner = c.get('webhookOwner');
  if (owner !== undefined) budgets.push(accountBudget(usage, owner));
  await charge(c, limiter, budgets);
}
