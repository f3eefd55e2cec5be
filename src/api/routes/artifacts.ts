import type { Hono } from 'hono';
import { requireKey } from '../auth/index.js';
import type { AppEnv } from '../env.js';
import type { RouteDeps } from './deps.js';

/**
 * `GET /artifacts/{id}`: the bytes of a stored output, to its owner only (another account's id is
 * a 404). Private to the caller's cache, and never sniffed into something executable.
 */
export function registerArtifactRoutes(api: Hono<AppEnv>, { services }: RouteDeps): void {
  api.get('/artifacts/:id', requireKey('executions:read'), async (c) => {
    const { bytes, contentType } = await services.executions.artifact(c.var.principal, c.req.param('id'));
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': contentType,
      'Cache-Control': 'private, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
