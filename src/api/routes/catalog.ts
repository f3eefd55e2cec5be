import type { Hono } from 'hono';
import { requireKey } from '../auth/index.js';
import type { AppEnv } from '../env.js';
import type { RouteDeps } from './deps.js';

/** `GET /nodes` (compat shape `{nodes:[…]}`): any valid key may read the catalog. */
export function registerCatalogRoutes(api: Hono<AppEnv>, { services }: RouteDeps): void {
  api.get('/nodes', requireKey(), (c) => c.json(services.catalog.nodes()));
}
