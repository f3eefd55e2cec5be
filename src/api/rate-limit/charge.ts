import type { Context } from 'hono';
import { PipewrightError } from '../../errors/index.js';
import type { AppEnv } from '../env.js';
import type { RateLimitDecision, RateLimiter } from './limiter.js';

/** One budget a request counts against. */
export interface Budget {
  key: string;
  perMinute: number;
  /** What is counted, for the 429 message: "requests", "executions", … */
  unit: string;
  /** How many units this request spends (a batch run spends one per execution). */
  points?: number;
}

/**
 * Counts the request against each budget in turn, stopping at the first that is spent. The
 * `X-RateLimit-*` headers describe the budget that binds: the one that refused, else the one
 * with the least left. Set before anything can fail, so every response carries them.
 */
export async function charge(c: Context<AppEnv>, limiter: RateLimiter, budgets: Budget[]): Promise<void> {
  let binding: { budget: Budget; verdict: RateLimitDecision } | undefined;
  for (const budget of budgets) {
    const verdict = await limiter.consume(budget.key, budget.perMinute, budget.points);
    if (binding === undefined || !verdict.allowed || verdict.remaining < binding.verdict.remaining) binding = { budget, verdict };
    if (!verdict.allowed) break;
  }
  if (binding === undefined) return;
  const { budget, verdict } = binding;
  for (const [name, value] of Object.entries(rateLimitHeaders(verdict))) c.header(name, value);
  if (!verdict.allowed) throw rateLimited(budget, verdict);
}

export function rateLimitHeaders(verdict: RateLimitDecision): Record<string, string> {
  return { 'X-RateLimit-Limit': String(verdict.limit), 'X-RateLimit-Remaining': String(verdict.remaining), 'X-RateLimit-Reset': String(verdict.resetAt) };
}

/** The refusal of a spent budget, with when to retry. */
export function rateLimited(budget: Budget, verdict: RateLimitDecision): PipewrightError {
  return new PipewrightError('rate_limited', `Rate limit of ${verdict.limit} ${budget.unit} per minute exceeded; retry in ${verdict.retryAfter}s`, {
    details: { retryAfter: verdict.retryAfter },
  });
}
