import type { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { registerCatalogRoutes } from './catalog.js';
import type { RouteDeps } from './deps.js';
import { registerDeveloperRoutes } from './developer.js';
import { registerHealthRoutes } from './health.js';
import { registerLintRoute } from './lint.js';
import { registerVersionRoutes } from './versions.js';
import { registerWorkflowNodeRoutes } from './workflow-nodes.js';
import { registerWorkflowRoutes } from './workflows.js';

export type { RouteDeps } from './deps.js';

export function registerRoutes(api: Hono<AppEnv>, deps: RouteDeps): void {
  registerLintRoute(api, deps);
  registerWorkflowRoutes(api, deps);
  registerWorkflowNodeRoutes(api, deps);
  registerVersionRoutes(api, deps);
  registerCatalogRoutes(api, deps);
  registerDeveloperRoutes(api, deps);
  registerHealthRoutes(api, deps);
}
