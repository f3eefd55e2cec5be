import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend } from '../../backend/index.js';
import { PipewrightError } from '../../errors/index.js';
import { toolConfig } from '../tool-config.js';
import { guarded } from '../tool-handler.js';
import { toolResult } from '../tool-result.js';

export const NAME = 'delete_workflow';

export const inputSchema = {
  workflowId: z.string().min(1).describe('Workflow id (wf_…) to delete'),
};

export const outputSchema = {
  workflowId: z.string().describe('The workflow named'),
  deleted: z.boolean().describe('true when this call deleted it; false when there was no such workflow (already deleted, or never saved)'),
};

export const config = toolConfig({
  title: 'Delete a workflow',
  description:
    'Deletes a saved workflow and its version history; its past executions are kept and stay readable. Only do this when the user asks, ' +
    'or to tidy up "scratch" workflows you created. It cannot be undone. Deleting one that is already gone succeeds with deleted: false, so a retried call is safe.',
  inputSchema,
  outputSchema,
  hints: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
});

export function registerDeleteWorkflowTool(server: McpServer, backend: Backend): void {
  server.registerTool(
    NAME,
    config,
    guarded(server, async ({ workflowId }) => {
      // Idempotent as annotated: a client that retries a delete whose answer it lost must not
      // read an error for a workflow that is gone as asked. The REST DELETE keeps its 404.
      const deleted = await backend.deleteWorkflow(workflowId).then(
        () => true,
        (error: unknown) => {
          if (error instanceof PipewrightError && error.code === 'not_found') return false;
          throw error;
        },
      );
      const text = deleted
        ? `Deleted ${workflowId}.`
        : `No workflow ${workflowId}: already deleted, or never saved (list_workflows shows what exists). Nothing changed.`;
      return toolResult({ workflowId, deleted }, text);
    }),
  );
}
