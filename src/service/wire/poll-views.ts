import { z } from 'zod';
import { openObject } from '../../graph/index.js';
import { EXECUTION_STATUSES, NODE_STATUSES } from '../../engine/index.js';

// The cheap status of an execution: ours (MCP, CLI, the client) and the compat one REST answers.

export const ExecutionStatusSchema = z.enum(EXECUTION_STATUSES).describe('QUEUED → RUNNING → COMPLETED | FAILED | CANCELLED');
export const NodeStatusSchema = z.enum(NODE_STATUSES).describe('PENDING → RUNNING → COMPLETED | FAILED | SKIPPED | CANCELLED');

const NodeStateSchema = openObject({
  nodeId: z.string().describe('Node id in the graph'),
  label: z.string().describe('Node label'),
  status: NodeStatusSchema,
  error: z.string().nullable().describe('Why the node failed'),
  outputUrl: z.string().nullable().describe('The first file output (image, video, audio) as a URL'),
  outputUrls: z.array(z.string()).nullable().describe('Every file output as URLs'),
  text: z.string().nullable().describe('The text output, if any'),
  progress: z.number().nullable().describe('0–1 while running, when the node reports it'),
});

/** What our own faces read (poll_execution, the CLI, the client); REST answers it as CompatPollView. */
export const PollViewSchema = z.object({
  executionId: z.string().describe('Execution id (exec_…)'),
  status: ExecutionStatusSchema,
  nodeStates: z.array(NodeStateSchema).describe('Every node, in graph order'),
  finalOutput: z.record(z.string(), z.unknown()).nullable().describe('Outputs of the output nodes once COMPLETED'),
  error: z.string().nullable().describe('Why the execution failed'),
});
export type PollView = z.infer<typeof PollViewSchema>;

/**
 * compat: `GET /workflows/executions/{id}/poll`, top level. Hosted clients wait for COMPLETED or
 * FAILED only, so a cancelled execution reads FAILED, flagged `cancelled`, with a coded error.
 */
const CompatPollViewSchema = z.union([
  PollViewSchema.extend({ status: ExecutionStatusSchema.exclude(['CANCELLED']), cancelled: z.never().optional() }),
  PollViewSchema.omit({ status: true, error: true }).extend({
    status: z.literal('FAILED'),
    cancelled: z.literal(true),
    error: z.object({ code: z.literal('cancelled'), message: z.string() }),
  }),
]);
export type CompatPollView = z.infer<typeof CompatPollViewSchema>;
