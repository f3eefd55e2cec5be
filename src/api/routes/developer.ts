import type { Hono } from 'hono';
import { requireKey } from '../auth/index.js';
import type { AppEnv } from '../env.js';
import type { RouteDeps } from './deps.js';

/**
 * `GET /developer/usage`: balance, today's use, history and the plan's limits.
 * `GET /developer/callback-secret` (admin): the `whsec_…` secret completion callbacks are signed with.
 */
export function registerDeveloperRoutes(api: Hono<AppEnv>, { services }: RouteDeps): void {
  api.get('/developer/usage', requireKey('usage:read'), async (c) => c.json({ data: await services.usage.usage(c.var.principal) }));
  api.get('/developer/callback-secret', requireKey('admin'), async (c) => c.json({ data: await services.callbacks.secret(c.var.principal) }));
}
