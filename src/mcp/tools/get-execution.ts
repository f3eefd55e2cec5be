import { registerAppTool } from '@modelcontextprotocol/ext-apps/server';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend } from '../../backend/index.js';
import { ExecutionDetailSchema } from '../../service/index.js';
import { withExecutionApp } from '../execution-app.js';
import { artifactLinks } from '../artifact-links.js';
import { READ_ONLY, toolConfig } from '../tool-config.js';
import { guarded } from '../tool-handler.js';
import { toolResult } from '../tool-result.js';

export const NAME = 'get_execution';

export const inputSchema = {
  executionId: z.string().min(1).describe('Execution id (exec_…)'),
};

export const outputSchema = {
  execution: ExecutionDetailSchema.describe('The full execution record'),
};

export const config = toolConfig({
  title: 'Get an execution',
  description:
    'The full record of an execution: inputs, credits, timing, and per node its type, status, attempts, cost, cache hit, outputs, error and logs. ' +
    'Use it to explain a failure or report what a run cost; for a quick status use poll_execution.',
  inputSchema,
  outputSchema,
  hints: READ_ONLY,
});

export function registerGetExecutionTool(server: McpServer, backend: Backend): void {
  registerAppTool(
    server,
    NAME,
    withExecutionApp(config),
    guarded(server, async ({ executionId }) => {
      const execution = await backend.getExecution(executionId);
      const failed = execution.nodes.filter((node) => node.status === 'FAILED').map((node) => `${node.nodeId}: ${node.error?.message ?? 'failed'}`);
      const summary = `Execution ${execution.id} ${execution.status}, ${execution.credits} credit${execution.credits === 1 ? '' : 's'}, ${execution.durationMs ?? 0} ms.${failed.length ? ` Failed: ${failed.join('; ')}.` : ''}`;
      return toolResult({ execution }, summary, artifactLinks(execution.finalOutput));
    }),
  );
}
