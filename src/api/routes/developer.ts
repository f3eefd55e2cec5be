import type { Hono } from 'hono';
import { requireKey } from '../auth/index.js';
import type { AppEnv } from '../env.js';
import type { RouteDeps } from './deps.js';

/**
 * `GET /developer/usage`: balance, today's use, history and the plan's limits.
 * `GET /developer/callback-secret` (admin): the `whsec_…` secret completion callbacks are signed with;
 * `POST /developer/callback-secret/rotate` (admin) replaces it, the old one signing beside it for a day.
 */
export function registerDeveloperRoutes(api: Hono<AppEnv>, { services, body }: RouteDeps): void {
  api.get('/developer/usage', requireKey('usage:read'), async (c) => c.json({ data: await services.usage.usage(c.var.principal) }));
  api.get('/developer/callback-secret', requireKey('admin'), async (c) => c.json({ data: await services.callbacks.secret(c.var.principal) }));
  api.post('/developer/callback-secret/rotate', requireKey('admin'), body, async (c) =>
    c.json({ data: await services.callbacks.rotateSecret(c.var.principal) }),
  );
}
