import type { Hono } from 'hono';
import { requireKey } from '../auth/index.js';
import type { AppEnv } from '../env.js';
import { compatPoll, parseBody, RetryBodySchema } from '../../service/index.js';
import type { RouteDeps } from './deps.js';
import { locationOf } from './location.js';
import { executionListQuery } from './params.js';

const read = requireKey('executions:read');
const execute = requireKey('workflows:execute');

/**
 * Executions, read from the store: list, poll (compat top-level), detail, cancel (202) and
 * retry (201, like execute). Registered before `/workflows/{id}` so that `executions` is never
 * taken for a workflow id.
 */
export function registerExecutionRoutes(api: Hono<AppEnv>, { services, body, executionLimit }: RouteDeps): void {
  const executions = services.executions;

  api.get('/workflows/executions', read, async (c) => c.json(await executions.list(c.var.principal, executionListQuery(c.req.query()))));

  api.get('/workflows/executions/:id/poll', read, async (c) => c.json(compatPoll(await executions.poll(c.var.principal, c.req.param('id')))));

  api.get('/workflows/executions/:id', read, async (c) => c.json({ data: await executions.detail(c.var.principal, c.req.param('id')) }));

  api.post('/workflows/executions/:id/cancel', execute, body, async (c) => c.json({ data: await executions.cancel(c.var.principal, c.req.param('id')) }, 202));

  api.post('/workflows/executions/:id/retry', executionLimit, execute, body, async (c) => {
    const accepted = await executions.retry(c.var.principal, c.req.param('id'), parseBody(RetryBodySchema, c.var.body ?? {}));
    c.header('Location', locationOf('workflows', 'executions', accepted.executionId));
    return c.json(accepted, 201);
  });
}
