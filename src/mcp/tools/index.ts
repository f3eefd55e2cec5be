import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Backend } from '../../backend/index.js';
import type { PendingWork } from '../pending-work.js';
import { registerCancelExecutionTool } from './cancel-execution.js';
import { registerDeleteWorkflowTool } from './delete-workflow.js';
import { registerDescribeNodeTypeTool } from './describe-node-type.js';
import { registerEstimateWorkflowTool } from './estimate-workflow.js';
import { registerExecuteWorkflowTool } from './execute-workflow.js';
import { registerGetExecutionTool } from './get-execution.js';
import { registerGetUsageTool } from './get-usage.js';
import { registerGetWorkflowTool } from './get-workflow.js';
import { registerListNodeTypesTool } from './list-node-types.js';
import { registerListWorkflowsTool } from './list-workflows.js';
import { registerPollExecutionTool } from './poll-execution.js';
import { registerRetryExecutionTool } from './retry-execution.js';
import { registerSaveWorkflowTool } from './save-workflow.js';
import { registerValidateWorkflowTool } from './validate-workflow.js';

/** The tools of docs/mcp.md, in the order a model meets them: discover, draft, run, follow. */
export function registerTools(server: McpServer, backend: Backend, pending: PendingWork): void {
  registerListNodeTypesTool(server, backend);
  registerDescribeNodeTypeTool(server, backend);
  registerListWorkflowsTool(server, backend);
  registerGetWorkflowTool(server, backend);
  registerValidateWorkflowTool(server, backend);
  registerSaveWorkflowTool(server, backend);
  registerDeleteWorkflowTool(server, backend);
  registerEstimateWorkflowTool(server, backend);
  registerExecuteWorkflowTool(server, backend, pending);
  registerPollExecutionTool(server, backend);
  registerGetExecutionTool(server, backend);
  registerCancelExecutionTool(server, backend);
  registerRetryExecutionTool(server, backend, pending);
  registerGetUsageTool(server, backend);
}
