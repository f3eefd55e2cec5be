import { registerAppTool } from '@modelcontextprotocol/ext-apps/server';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend } from '../../backend/index.js';
import { PollViewSchema } from '../../service/index.js';
import { withExecutionApp } from '../execution-app.js';
import { artifactLinks } from '../artifact-links.js';
import { summarizeExecution } from '../execution-summary.js';
import { READ_ONLY, toolConfig } from '../tool-config.js';
import { guarded } from '../tool-handler.js';
import { ViewerUrlOutput } from '../viewer-link.js';
import { toolResult } from '../tool-result.js';

export const NAME = 'poll_execution';

export const inputSchema = {
  executionId: z.string().min(1).describe('Execution id (exec_…) from execute_workflow'),
};

export const outputSchema = { ...PollViewSchema.shape, viewerUrl: ViewerUrlOutput };

export const config = toolConfig({
  title: 'Poll an execution',
  description:
    "Cheap status of an execution: its status, each node's status, error and outputs, and finalOutput once COMPLETED. Stored output files come back as resource links. " +
    'Call it every few seconds while status is QUEUED or RUNNING; when FAILED, get_execution has per-node errors and logs.',
  inputSchema,
  outputSchema,
  hints: READ_ONLY,
});

export function registerPollExecutionTool(server: McpServer, backend: Backend): void {
  registerAppTool(
    server,
    NAME,
    withExecutionApp(config),
    guarded(server, async ({ executionId }, extra) => {
      const view = await backend.pollExecution(executionId, { signal: extra.signal });
      return toolResult({ ...view }, summarizeExecution(view), artifactLinks(view));
    }),
  );
}
