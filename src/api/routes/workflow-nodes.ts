import type { Hono } from 'hono';
import { PatchNodeBodySchema, parseBody } from '../../service/index.js';
import { requireKey } from '../auth/index.js';
import type { AppEnv } from '../env.js';
import type { RouteDeps } from './deps.js';

/** `PATCH /workflows/{id}/nodes/{nodeId}`: merge config/params, replace label/position. */
export function registerWorkflowNodeRoutes(api: Hono<AppEnv>, { services, body }: RouteDeps): void {
  api.patch('/workflows/:id/nodes/:nodeId', requireKey('workflows:write'), body, async (c) => {
    const patched = await services.workflows.patchNode(c.var.principal, c.req.param('id'), c.req.param('nodeId'), parseBody(PatchNodeBodySchema, c.var.body));
    return c.json({ data: patched });
  });
}
