import type { MiddlewareHandler } from 'hono';
import type { UsageService } from '../../service/index.js';
import type { AppEnv } from '../env.js';
import { keyBudget } from './budgets.js';
import { type Budget, charge, report } from './charge.js';
import { clientIp } from './client-ip.js';
import { routeBudget, type RouteBudget } from './execution-routes.js';
import type { RateLimiter } from './limiter.js';

export { flexibleRateLimiter, memoryRateLimiter } from './limiter.js';
export { storeRateLimiter, type StoreRateLimiter } from './store-limiter.js';
export type { LimiterFactory, RateLimitDecision, RateLimiter } from './limiter.js';
export { batchLimit, executionLimit, spendTrigger, triggerGuard } from './execution-limit.js';
export { spendExecution, spendRequest } from './budgets.js';

interface RateLimitOptions {
  limiter: RateLimiter;
  usage: UsageService;
  anonymousPerMinute: number;
  healthChecksPerMinute: number;
  /**
   * Paths whose handler spends the key's request budget itself, per unit of work rather than per
   * HTTP request (`/mcp`: one per tool call). A keyed request there is only reported in the headers.
   */
  chargedPerCall: ReadonlySet<string>;
}

/**
 * Per key at the plan's requests-per-minute; per client IP at a fixed budget when there is no
 * valid key; `/healthz` per client IP at a budget of its own, key or no key. Routes that start
 * executions are left to their own budget (./execution-limit.ts): a keyed call to them, and every
 * webhook trigger, passes through uncounted here, as does a keyed call to a path charged per call.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.get('caller');
    const route = routeBudget(c.req.method, c.req.path);
    if (route === 'trigger' || (route === 'execution' && 'principal' in caller)) return next();
    const budget = budgetFor(options, route, caller, clientIp(c));
    if ('principal' in caller && options.chargedPerCall.has(c.req.path)) await report(c, options.limiter, budget);
    else await charge(c, options.limiter, [budget]);
    await next();
  };
}

function budgetFor(options: RateLimitOptions, route: RouteBudget, caller: AppEnv['Variables']['caller'], ip: string): Budget {
  if (route === 'health') return { key: `health:${ip}`, perMinute: options.healthChecksPerMinute, unit: 'health checks' };
  if ('principal' in caller) return keyBudget(options.usage, caller.principal);
  return { key: `ip:${ip}`, perMinute: options.anonymousPerMinute, unit: 'requests' };
}
