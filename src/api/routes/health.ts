import type { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import type { RouteDeps } from './deps.js';

/**
 * `GET /healthz`, no key: 200 when the store answers, 503 when it does not. The body is the
 * probe's verdict, not an error envelope, so load balancers and humans read it the same way.
 */
export function registerHealthRoutes(api: Hono<AppEnv>, { services }: RouteDeps): void {
  api.get('/healthz', async (c) => {
    const { ok, store } = await services.health.check();
    return c.json({ status: ok ? 'ok' : 'unavailable', store }, ok ? 200 : 503);
  });
}
