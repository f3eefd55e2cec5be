import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { PipewrightError } from '../../errors/index.js';

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix seconds at which the current window ends. */
  resetAt: number;
  /** Whole seconds to wait before a retry can succeed (0 when allowed). */
  retryAfter: number;
}

/**
 * Counts `points` (default 1) against `key`'s budget of `perMinute`. The seam for shared backends:
 * a Redis or PostgreSQL limiter from rate-limiter-flexible plugs in through
 * `flexibleRateLimiter` without touching the middleware.
 */
export interface RateLimiter {
  consume(key: string, perMinute: number, points?: number): Promise<RateLimitDecision>;
}

/** Builds a rate-limiter-flexible limiter for a budget; one is kept per distinct budget. */
export type LimiterFactory = (points: number) => RateLimiterAbstract;

export function flexibleRateLimiter(factory: LimiterFactory): RateLimiter {
  const byBudget = new Map<number, RateLimiterAbstract>();
  const limiterFor = (points: number): RateLimiterAbstract => {
    let limiter = byBudget.get(points);
    if (limiter === undefined) byBudget.set(points, (limiter = factory(points)));
    return limiter;
  };
  return {
    async consume(key, perMinute, points = 1) {
      try {
        return decision(await limiterFor(perMinute).consume(key, points), perMinute, true);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return decision(rejection, perMinute, false);
        throw new PipewrightError('unavailable', 'Rate limiter backend failed', { cause: rejection });
      }
    },
  };
}

export function memoryRateLimiter(): RateLimiter {
  return flexibleRateLimiter((points) => new RateLimiterMemory({ points, duration: 60, keyPrefix: `rpm${points}` }));
}

function decision(res: RateLimiterRes, limit: number, allowed: boolean): RateLimitDecision {
  const waitMs = Math.max(0, res.msBeforeNext);
  return {
    allowed,
    limit,
    remaining: Math.max(0, res.remainingPoints),
    resetAt: Math.ceil((Date.now() + waitMs) / 1000),
    retryAfter: allowed ? 0 : Math.max(1, Math.ceil(waitMs / 1000)),
  };
}
