import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend } from '../../backend/index.js';
import { WorkflowViewSchema } from '../../service/index.js';
import { READ_ONLY, toolConfig } from '../tool-config.js';
import { guarded } from '../tool-handler.js';
import { toolResult } from '../tool-result.js';

export const NAME = 'get_workflow';

export const inputSchema = {
  workflowId: z.string().min(1).describe('Workflow id (wf_…) from list_workflows or save_workflow'),
};

export const outputSchema = {
  workflow: WorkflowViewSchema.describe('The workflow with its graph (React Flow JSON)'),
};

export const config = toolConfig({
  title: 'Get a workflow',
  description:
    'Returns a saved workflow with its nodes and edges. Use it to inspect or edit a workflow: change the graph and send it back with save_workflow ' +
    '(pass updatedAt as baseUpdatedAt so a concurrent edit is not overwritten).',
  inputSchema,
  outputSchema,
  hints: READ_ONLY,
});

export function registerGetWorkflowTool(server: McpServer, backend: Backend): void {
  server.registerTool(
    NAME,
    config,
    guarded(server, async ({ workflowId }) => {
      const workflow = await backend.getWorkflow(workflowId);
      return toolResult({ workflow }, `${workflow.name} (${workflow.id}), version ${workflow.version}, ${workflow.nodes.length} node(s).`);
    }),
  );
}
