import type { Hono } from 'hono';
import { ExecuteBodySchema, parseBody, RunBodySchema } from '../../service/index.js';
import { requireKey } from '../auth/index.js';
import type { AppEnv } from '../env.js';
import type { RouteDeps } from './deps.js';
import { locationOf } from './location.js';

const execute = requireKey('workflows:execute');
const read = requireKey('workflows:read');

/**
 * Starting a saved (or inline) workflow: execute (201, compat top-level body), the headless run
 * (described by GET, started by POST: 202, one execution per input set), and the estimate.
 * The limit middleware comes before the key check so that even a 403 carries the budget's headers.
 */
export function registerWorkflowRunRoutes(api: Hono<AppEnv>, deps: RouteDeps): void {
  const { services, body, executionLimit, batchLimit } = deps;
  const executions = services.executions;

  api.post('/workflows/:id/execute', executionLimit, execute, body, async (c) => {
    const accepted = await executions.execute(c.var.principal, c.req.param('id'), parseBody(ExecuteBodySchema, c.var.body ?? {}));
    c.header('Location', locationOf('workflows', 'executions', accepted.executionId));
    return c.json(accepted, 201);
  });

  api.get('/workflows/:id/run', read, async (c) => c.json({ data: await executions.describeRun(c.var.principal, c.req.param('id')) }));

  api.post('/workflows/:id/run', executionLimit, execute, body, batchLimit, async (c) =>
    c.json(await executions.run(c.var.principal, c.req.param('id'), parseBody(RunBodySchema, c.var.body ?? {})), 202),
  );

  api.post('/workflows/:id/estimate', execute, body, async (c) =>
    c.json({ data: await executions.estimate(c.var.principal, c.req.param('id'), parseBody(ExecuteBodySchema, c.var.body ?? {})) }),
  );
}
