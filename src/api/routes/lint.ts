import type { Hono } from 'hono';
import { requireKey } from '../auth/index.js';
import type { AppEnv } from '../env.js';
import type { RouteDeps } from './deps.js';

/**
 * `POST /workflows/lint` answers 200 even for a broken graph (compat): the verdict is the
 * payload. Only a body that is not JSON at all is an error.
 */
export function registerLintRoute(api: Hono<AppEnv>, { services, body }: RouteDeps): void {
  api.post('/workflows/lint', requireKey('workflows:read'), body, (c) => c.json({ data: services.workflows.lint(c.var.body) }));
}
