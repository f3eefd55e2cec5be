import { BASE_PATH } from '../settings.js';

/**
 * The routes that start executions, which spend the execution budget instead of the request
 * budget (docs/api.md: "The execution limit applies to execute, run, retry and webhook
 * triggers; the request limit to all else"). The global limiter runs before routing, so it
 * recognises them by path; they charge their own budget in their route middleware.
 */
const under = (pattern: string) => new RegExp(`^${BASE_PATH}${pattern}$`);
const STARTS_EXECUTION = [under('/workflows/[^/]+/(?:execute|run)'), under('/workflows/executions/[^/]+/retry')];
const TRIGGER = under('/workflow/[^/]+/trigger');
const HEALTH = under('/healthz');

export type RouteBudget = 'request' | 'execution' | 'trigger' | 'health';

export function routeBudget(method: string, path: string): RouteBudget {
  if ((method === 'GET' || method === 'HEAD') && HEALTH.test(path)) return 'health';
  if (method !== 'POST') return 'request';
  if (TRIGGER.test(path)) return 'trigger';
  return STARTS_EXECUTION.some((pattern) => pattern.test(path)) ? 'execution' : 'request';
}
