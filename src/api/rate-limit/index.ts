import type { MiddlewareHandler } from 'hono';
import { PipewrightError } from '../../errors/index.js';
import type { UsageService } from '../../service/index.js';
import type { AppEnv } from '../env.js';
import { clientIp } from './client-ip.js';
import type { RateLimiter } from './limiter.js';

export { flexibleRateLimiter, memoryRateLimiter } from './limiter.js';
export type { LimiterFactory, RateLimitDecision, RateLimiter } from './limiter.js';

interface RateLimitOptions {
  limiter: RateLimiter;
  usage: UsageService;
  anonymousPerMinute: number;
}

/**
 * Per key at the plan's requests-per-minute; per client IP at a fixed budget when there is no
 * valid key. Sets the three headers before anything can fail, so every response carries them.
 */
export function rateLimit({ limiter, usage, anonymousPerMinute }: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.get('caller');
    const [key, perMinute] = 'principal' in caller
      ? [`key:${caller.principal.keyId}`, usage.limitsFor(caller.principal.plan).requestsPerMinute]
      : [`ip:${clientIp(c)}`, anonymousPerMinute];
    const verdict = await limiter.consume(key, perMinute);
    c.header('X-RateLimit-Limit', String(verdict.limit));
    c.header('X-RateLimit-Remaining', String(verdict.remaining));
    c.header('X-RateLimit-Reset', String(verdict.resetAt));
    if (!verdict.allowed) {
      c.header('Retry-After', String(verdict.retryAfter));
      throw new PipewrightError('rate_limited', `Rate limit of ${verdict.limit} requests per minute exceeded; retry in ${verdict.retryAfter}s`, {
        details: { retryAfter: verdict.retryAfter },
      });
    }
    await next();
  };
}
