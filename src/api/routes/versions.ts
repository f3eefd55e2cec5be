import type { Hono } from 'hono';
import { requireKey } from '../auth/index.js';
import type { AppEnv } from '../env.js';
import type { RouteDeps } from './deps.js';
import { versionParam } from './params.js';

/** Version history, one past version (unwrapped, like `GET /workflows/{id}`), and restore. */
export function registerVersionRoutes(api: Hono<AppEnv>, { services, body }: RouteDeps): void {
  const workflows = services.workflows;

  api.get('/workflows/:id/versions', requireKey('workflows:read'), async (c) => c.json({ data: await workflows.versions(c.var.principal, c.req.param('id')) }));

  api.get('/workflows/:id/versions/:v', requireKey('workflows:read'), async (c) =>
    c.json(await workflows.version(c.var.principal, c.req.param('id'), versionParam(c.req.param('v')))),
  );

  // Restore takes no body, but one sent is still held to the body rules (JSON, size, depth).
  api.post('/workflows/:id/versions/:v/restore', requireKey('workflows:write'), body, async (c) =>
    c.json({ data: await workflows.restore(c.var.principal, c.req.param('id'), versionParam(c.req.param('v'))) }),
  );
}
