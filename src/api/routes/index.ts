import type { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { registerArtifactRoutes } from './artifacts.js';
import { registerCatalogRoutes } from './catalog.js';
import type { RouteDeps } from './deps.js';
import { registerDeveloperRoutes } from './developer.js';
import { registerExecutionEventRoute } from './execution-events.js';
import { registerExecutionRoutes } from './executions.js';
import { registerHealthRoutes } from './health.js';
import { registerLintRoute } from './lint.js';
import { registerVersionRoutes } from './versions.js';
import { registerWebhookRoutes } from './webhooks.js';
import { registerWorkflowNodeRoutes } from './workflow-nodes.js';
import { registerWorkflowRunRoutes } from './workflow-runs.js';
import { registerWorkflowRoutes } from './workflows.js';

export type { RouteDeps } from './deps.js';

/**
 * Order matters where paths overlap: Hono tries matching routes in registration order, so the
 * literal `/workflows/lint` and `/workflows/executions…` come before `/workflows/{id}…`.
 */
export function registerRoutes(api: Hono<AppEnv>, deps: RouteDeps): void {
  registerLintRoute(api, deps);
  registerExecutionEventRoute(api, deps);
  registerExecutionRoutes(api, deps);
  registerWorkflowRoutes(api, deps);
  registerWorkflowNodeRoutes(api, deps);
  registerVersionRoutes(api, deps);
  registerWorkflowRunRoutes(api, deps);
  registerWebhookRoutes(api, deps);
  registerArtifactRoutes(api, deps);
  registerCatalogRoutes(api, deps);
  registerDeveloperRoutes(api, deps);
  registerHealthRoutes(api, deps);
}
