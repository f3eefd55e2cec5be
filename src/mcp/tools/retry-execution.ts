import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend } from '../../backend/index.js';
import { followRun } from '../follow-run.js';
import type { PendingWork } from '../pending-work.js';
import { RunOutput, WaitSecondsInput } from '../schemas/run.js';
import { toolConfig } from '../tool-config.js';
import { guarded } from '../tool-handler.js';

export const NAME = 'retry_execution';

export const inputSchema = {
  executionId: z.string().min(1).describe('A finished execution (exec_…), usually one that FAILED or was CANCELLED'),
  waitSeconds: WaitSecondsInput,
};

export const outputSchema = {
  ...RunOutput,
  retryOf: z.string().describe('The execution retried'),
};

export const config = toolConfig({
  title: 'Retry an execution',
  description:
    'Starts a new execution of a finished one with the same graph version, inputs and options: nodes that COMPLETED are kept (not run or charged again) and the rest run. ' +
    'Use it after fixing the cause of a failure outside the graph (a provider key, credits, a flaky provider); to change the graph, save_workflow and execute_workflow instead. ' +
    'Each call starts another execution that may call paid providers. Refused with not_retryable while the execution is still running.',
  inputSchema,
  outputSchema,
  hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
});

export function registerRetryExecutionTool(server: McpServer, backend: Backend, pending: PendingWork): void {
  server.registerTool(
    NAME,
    config,
    guarded(server, async ({ executionId, waitSeconds }, extra) => {
      const accepted = await backend.retryExecution(executionId);
      return followRun({
        backend,
        pending,
        extra,
        accepted,
        waitSeconds: waitSeconds ?? 0,
        replayable: false,
        fields: { retryOf: executionId },
        note: ` It retries ${executionId}.`,
        started: `Started execution ${accepted.executionId} (${accepted.status}), retrying ${executionId}. Call poll_execution to follow it.`,
      });
    }),
  );
}
