import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend } from '../../backend/index.js';
import { ExecutionStatusSchema } from '../../service/index.js';
import { toolConfig } from '../tool-config.js';
import { guarded } from '../tool-handler.js';
import { toolResult } from '../tool-result.js';

export const NAME = 'cancel_execution';

export const inputSchema = {
  executionId: z.string().min(1).describe('Execution id (exec_…) to cancel'),
};

export const outputSchema = {
  executionId: z.string().describe('The execution'),
  status: ExecutionStatusSchema,
};

export const config = toolConfig({
  title: 'Cancel an execution',
  description:
    'Stops a QUEUED or RUNNING execution: running nodes are aborted, remote provider jobs asked to stop, pending nodes marked CANCELLED. Completed outputs stay cached. ' +
    'A finished execution cannot be cancelled (not_cancellable). Then poll_execution shows the final state.',
  inputSchema,
  outputSchema,
  hints: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
});

export function registerCancelExecutionTool(server: McpServer, backend: Backend): void {
  server.registerTool(
    NAME,
    config,
    guarded(server, async ({ executionId }) => {
      const result = await backend.cancelExecution(executionId);
      return toolResult({ ...result }, `Execution ${result.executionId}: ${result.status}. Call poll_execution to see it stop.`);
    }),
  );
}
