import type { Hono } from 'hono';
import { requireKey } from '../auth/index.js';
import type { AppEnv } from '../env.js';
import type { RouteDeps } from './deps.js';

/** `GET /developer/usage`: balance, today's use, history and the plan's limits. */
export function registerDeveloperRoutes(api: Hono<AppEnv>, { services }: RouteDeps): void {
  api.get('/developer/usage', requireKey('usage:read'), async (c) => c.json({ data: await services.usage.usage(c.var.principal) }));
}
