import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Backend } from '../../backend/index.js';
import { registerExecutionAppResource } from '../execution-app.js';
import { registerArtifactResources } from './artifacts.js';
import { registerExecutionResources } from './executions.js';
import { registerNodesResource } from './nodes.js';
import { registerTemplateResources } from './templates.js';
import { registerWorkflowResources } from './workflows.js';

export function registerResources(server: McpServer, backend: Backend, templatesDir: string | undefined): void {
  registerNodesResource(server, backend);
  registerWorkflowResources(server, backend);
  registerExecutionResources(server, backend);
  registerArtifactResources(server, backend);
  registerExecutionAppResource(server);
  if (templatesDir !== undefined) registerTemplateResources(server, templatesDir);
}
