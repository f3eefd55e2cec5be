import type { Hono } from 'hono';
import { DuplicateBodySchema, parseBody, SaveBodySchema } from '../../service/index.js';
import { requireKey } from '../auth/index.js';
import type { AppEnv } from '../env.js';
import type { RouteDeps } from './deps.js';
import { locationOf } from './location.js';
import { listQuery } from './params.js';

const read = requireKey('workflows:read');
const write = requireKey('workflows:write');

/** Workflows: list, create, get (unwrapped, compat), replace, delete, duplicate (compat). */
export function registerWorkflowRoutes(api: Hono<AppEnv>, { services, body }: RouteDeps): void {
  const workflows = services.workflows;

  api.get('/workflows', read, async (c) => c.json(await workflows.list(c.var.principal, listQuery(c.req.query()))));

  api.post('/workflows', write, body, async (c) => {
    const { workflow, meta } = await workflows.create(c.var.principal, parseBody(SaveBodySchema, c.var.body));
    c.header('Location', locationOf('workflows', workflow.id));
    return c.json({ data: workflow, meta }, 201);
  });

  api.get('/workflows/:id', read, async (c) => c.json(await workflows.get(c.var.principal, c.req.param('id'))));

  api.put('/workflows/:id', write, body, async (c) => {
    const { workflow, meta } = await workflows.replace(c.var.principal, c.req.param('id'), parseBody(SaveBodySchema, c.var.body));
    return c.json({ data: workflow, meta });
  });

  api.delete('/workflows/:id', write, async (c) => c.json({ data: await workflows.delete(c.var.principal, c.req.param('id')) }));

  api.post('/workflows/:id/duplicate', write, body, async (c) => {
    const copy = await workflows.duplicate(c.var.principal, c.req.param('id'), parseBody(DuplicateBodySchema, c.var.body ?? {}));
    c.header('Location', locationOf('workflows', copy.id));
    return c.json({ data: copy }, 201);
  });
}
