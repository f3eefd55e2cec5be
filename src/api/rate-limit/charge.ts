import type { Context } from 'hono';
import { PipewrightError } from '../../errors/index.js';
import type { AppEnv } from '../env.js';
import type { RateLimitDecision, RateLimiter } from './limiter.js';

/** One budget a request counts against. */
export interface Budget {
  key: string;
  /** null: unlimited (an operator's `unlimited`), so nothing is counted and no headers describe it. */
  perMinute: number | null;
  /** What is counted, for the 429 message: "requests", "executions", … */
  unit: string;
  /** How many units this request spends (a batch run spends one per execution). */
  points?: number;
}

interface Verdict {
  budget: Budget & { perMinute: number };
  verdict: RateLimitDecision;
}

/**
 * Spends every budget or none: the first that refuses gives back what the others took. The
 * binding budget is the one that refused, else the one with the least left.
 */
export async function spend(limiter: RateLimiter, budgets: Budget[]): Promise<{ binding?: Verdict; refused: boolean }> {
  const spent: Verdict[] = [];
  let binding: Verdict | undefined;
  for (const budget of budgets) {
    const { perMinute } = budget;
    if (perMinute === null) continue;
    const verdict = await limiter.consume(budget.key, perMinute, budget.points);
    if (binding === undefined || !verdict.allowed || verdict.remaining < binding.verdict.remaining) binding = { budget: { ...budget, perMinute }, verdict };
    if (!verdict.allowed) {
      for (const done of spent) await limiter.refund(done.budget.key, done.budget.perMinute, done.budget.points ?? 1);
      return { binding, refused: true };
    }
    spent.push({ budget: { ...budget, perMinute }, verdict });
  }
  return { ...(binding && { binding }), refused: false };
}

/**
 * Counts the request against its budgets, all or nothing, and throws `rate_limited` when one is
 * spent. The `X-RateLimit-*` headers describe the budget that binds; set before anything can fail,
 * so every response carries them (none when every budget is unlimited).
 */
export async function charge(c: Context<AppEnv>, limiter: RateLimiter, budgets: Budget[]): Promise<void> {
  const { binding, refused } = await spend(limiter, budgets);
  if (binding === undefined) return;
  setHeaders(c, binding.verdict);
  if (refused) throw rateLimited(binding.budget, binding.verdict);
}

/** Sets the headers of a budget as it stands, spending nothing and refusing nothing. */
export async function report(c: Context<AppEnv>, limiter: RateLimiter, budget: Budget): Promise<RateLimitDecision | undefined> {
  const { binding } = await spend(limiter, [{ ...budget, points: 0 }]);
  if (binding !== undefined) setHeaders(c, binding.verdict);
  return binding?.verdict;
}

function setHeaders(c: Context<AppEnv>, verdict: RateLimitDecision): void {
  for (const [name, value] of Object.entries(rateLimitHeaders(verdict))) c.header(name, value);
}

export function rateLimitHeaders(verdict: RateLimitDecision): Record<string, string> {
  return { 'X-RateLimit-Limit': String(verdict.limit), 'X-RateLimit-Remaining': String(verdict.remaining), 'X-RateLimit-Reset': String(verdict.resetAt) };
}

/** The refusal of a spent budget, with when to retry. */
export function rateLimited(budget: Budget, verdict: RateLimitDecision): PipewrightError {
  const points = budget.points ?? 1;
  const wanted = points > 1 ? `: ${points} ${budget.unit} asked for, ${verdict.remaining} left` : '';
  return new PipewrightError('rate_limited', `Rate limit of ${verdict.limit} ${budget.unit} per minute exceeded${wanted}; retry in ${verdict.retryAfter}s`, {
    details: { retryAfter: verdict.retryAfter },
  });
}
