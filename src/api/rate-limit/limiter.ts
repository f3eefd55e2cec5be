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
 * Counts against one-minute budgets: in this process (`memoryRateLimiter`), or in the store every
 * process on it shares (`storeRateLimiter`), through `flexibleRateLimiter` either way.
 */
export interface RateLimiter {
  /**
   * Counts `points` (default 1) against `key`'s budget of `perMinute`, all or nothing: a refused
   * request spends none of it, so a batch refused whole leaves the budget as it found it. 0 points
   * only looks.
   */
  consume(key: string, perMinute: number, points?: number): Promise<RateLimitDecision>;
  /** Gives back points spent on work that then did not start (the rest of a batch the service refused). */
  refund(key: string, perMinute: number, points: number): Promise<void>;
}

/** Builds a rate-limiter-flexible limiter for a budget; one is kept per distinct budget. */
export type LimiterFactory = (points: number) => RateLimiterAbstract;

/** Runs one call on a limiter's backend: where the backend must be held while it is used (the SQLite store). */
export type BackendCall = <T>(call: () => Promise<T>) => Promise<T>;

export function flexibleRateLimiter(factory: LimiterFactory, onBackend: BackendCall = (call) => call()): RateLimiter {
  const byBudget = new Map<number, RateLimiterAbstract>();
  const limiterFor = (points: number): RateLimiterAbstract => {
    let limiter = byBudget.get(points);
    if (limiter === undefined) byBudget.set(points, (limiter = factory(points)));
    return limiter;
  };
  return {
    async consume(key, perMinute, points = 1) {
      const limiter = limiterFor(perMinute);
      try {
        return decision(await onBackend(() => limiter.consume(key, points)), perMinute, true);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw backendFailed(rejection);
        // The refused attempt was counted: take it back, so that it spends nothing.
        return decision((await giveBack(limiter, key, points, onBackend)) ?? rejection, perMinute, false);
      }
    },
    async refund(key, perMinute, points) {
      await giveBack(limiterFor(perMinute), key, points, onBackend);
    },
  };
}

/**
 * Returns up to `points` to the current window, never more than it holds: points spent in a window
 * that has since ended are not owed, and giving them back would lift the next window above its limit.
 */
async function giveBack(limiter: RateLimiterAbstract, key: string, points: number, onBackend: BackendCall): Promise<RateLimiterRes | null> {
  try {
    const current = await onBackend(() => limiter.get(key));
    const owed = Math.min(points, current?.consumedPoints ?? 0);
    return owed > 0 ? await onBackend(() => limiter.reward(key, owed)) : current;
  } catch (error) {
    throw backendFailed(error);
  }
}

export function memoryRateLimiter(): RateLimiter {
  return flexibleRateLimiter((points) => new RateLimiterMemory({ points, duration: 60, keyPrefix: `rpm${points}` }));
}

/** The store's own refusals (`store_busy`, with its `Retry-After`) are answered as they are. */
function backendFailed(cause: unknown): PipewrightError {
  if (cause instanceof PipewrightError) return cause;
  return new PipewrightError('unavailable', 'Rate limiter backend failed', { cause });
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
