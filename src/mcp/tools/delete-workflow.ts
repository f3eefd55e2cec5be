import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend } from '../../backend/index.js';
import { toolConfig } from '../tool-config.js';
import { guarded } from '../tool-handler.js';
import { toolResult } from '../tool-result.js';

export const NAME = 'delete_workflow';

export const inputSchema = {
  workflowId: z.string().min(1).describe('Workflow id (wf_…) to delete'),
};

export const outputSchema = {
  workflowId: z.string().describe('The deleted workflow'),
  deleted: z.literal(true).describe('Always true on success'),
};

export const config = toolConfig({
  title: 'Delete a workflow',
  description:
    'Deletes a saved workflow and its version history; its past executions are kept and stay readable. Only do this when the user asks, ' +
    'or to tidy up "scratch" workflows you created. It cannot be undone.',
  inputSchema,
  outputSchema,
  hints: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
});

export function registerDeleteWorkflowTool(server: McpServer, backend: Backend): void {
  server.registerTool(
    NAME,
    config,
    guarded(server, async ({ workflowId }) => {
      const result = await backend.deleteWorkflow(workflowId);
      return toolResult({ workflowId: result.id, deleted: result.deleted }, `Deleted ${result.id}.`);
    }),
  );
}
