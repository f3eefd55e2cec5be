import { z } from 'zod';
import { ExecutionStatusSchema, PollViewSchema } from '../../service/index.js';
import { ViewerUrlOutput } from '../viewer-link.js';

/** How long execute_workflow and retry_execution wait for the run they start. */
export const WaitSecondsInput = z
  .number()
  .min(0)
  .max(300)
  .optional()
  .describe('0 (default): return at once with the executionId. 1–300: wait up to this long for the result, streaming per-node progress');

/** What execute_workflow and retry_execution answer about the execution they started (or replayed). */
export const RunOutput = {
  executionId: z.string().describe('Execution id: pass to poll_execution, get_execution or cancel_execution'),
  workflowId: z.string().nullable().describe('The workflow that ran'),
  finished: z.boolean().describe('true when the execution has reached COMPLETED, FAILED or CANCELLED'),
  status: ExecutionStatusSchema,
  nodeStates: PollViewSchema.shape.nodeStates
    .optional()
    .describe('Per-node state at the end of the wait, or now for a replayed idempotencyKey (absent when it returned at once)'),
  finalOutput: PollViewSchema.shape.finalOutput.optional(),
  error: PollViewSchema.shape.error.optional(),
  viewerUrl: ViewerUrlOutput,
};
