import { z } from 'zod';
import { openObject } from '../../graph/index.js';
import { ExecutionStatusSchema, NodeStatusSchema } from './poll-views.js';

// An execution's record, what starting one answers, and what it would cost.

const Outputs = z.record(z.string(), z.unknown());

const NodeRecordSchema = openObject({
  nodeId: z.string().describe('Node id'),
  label: z.string().describe('Node label'),
  nodeType: z.string().describe('Node type'),
  status: NodeStatusSchema,
  startedAt: z.string().nullable().describe('ISO start time'),
  endedAt: z.string().nullable().describe('ISO end time'),
  durationMs: z.number().nullable().describe('Run time in ms'),
  attempts: z.number().describe('Attempts made (retries + 1)'),
  credits: z.number().describe('Credits charged'),
  cached: z.boolean().describe('Served from cache'),
  output: Outputs.nullable().describe('Outputs by port'),
  error: openObject({ code: z.string().describe('Stable error code'), message: z.string().describe('What failed') })
    .nullable()
    .describe('Why it failed'),
  logs: z.array(z.string()).describe('Log lines'),
  skipReason: z.string().optional().describe('Why a SKIPPED node did not run'),
  iterations: z.array(z.unknown()).optional().describe('Per item, when the node fanned out over a list'),
});

const CallbackAttemptSchema = openObject({
  at: z.string().describe('ISO time the attempt started'),
  status: z.number().nullable().describe('HTTP status answered; null when none came'),
  error: z.string().nullable().describe('Why it did not count as delivered'),
  durationMs: z.number().describe('How long the attempt took'),
});

/** One completion callback of an execution (docs/events.md, "Completion callbacks"). */
const CallbackDeliverySchema = openObject({
  id: z.string().describe('The webhook-id every attempt sends (msg_…)'),
  url: z.string().describe('Where it is POSTed'),
  state: z.enum(['waiting', 'delivered', 'failed']).describe('waiting (for the end of the run or the next attempt), delivered, or failed (gave up)'),
  attempts: z.array(CallbackAttemptSchema).describe('Every attempt so far, oldest first'),
  nextAttemptAt: z.string().nullable().describe('When the next attempt is due, while waiting'),
});

/** `GET /workflows/executions/{id}` and get_execution: the full record, per node. */
export const ExecutionDetailSchema = openObject({
  id: z.string().describe('Execution id'),
  workflowId: z.string().nullable().describe('Workflow run'),
  workflowVersion: z.number().nullable().describe('Version run'),
  status: ExecutionStatusSchema,
  trigger: z.string().describe('What started it: api, mcp, webhook, retry…'),
  batchId: z.string().nullable().describe('The batch of a run started with several input sets'),
  retryOf: z.string().nullable().describe('The execution this one retries'),
  inputs: Outputs.describe('Inputs by input node id'),
  credits: z.number().describe('Credits charged in total'),
  finalOutput: Outputs.nullable().describe('Outputs of the output nodes'),
  error: Outputs.nullable().describe('Why it failed'),
  createdAt: z.string().describe('ISO time queued'),
  startedAt: z.string().nullable().describe('ISO time started'),
  endedAt: z.string().nullable().describe('ISO time finished'),
  durationMs: z.number().nullable().describe('Total run time in ms'),
  nodes: z.array(NodeRecordSchema).describe('Per-node records'),
  callbacks: z.array(CallbackDeliverySchema).optional().describe('Completion callbacks asked for with callbackUrl, with their attempts'),
});
export type ExecutionDetail = z.infer<typeof ExecutionDetailSchema>;

/** An execution in a list: the record without its inputs and nodes. */
const ExecutionSummarySchema = ExecutionDetailSchema.omit({ inputs: true, nodes: true, callbacks: true });
export type ExecutionSummary = z.infer<typeof ExecutionSummarySchema>;

/** compat: `POST /workflows/{id}/execute` (and retry) answers this at the top level (201 + Location). */
const ExecuteAcceptedSchema = z.object({
  executionId: z.string(),
  workflowId: z.string().nullable(),
  status: ExecutionStatusSchema,
  executionRuns: z.array(z.object({ id: z.string(), status: ExecutionStatusSchema })),
});
export type ExecuteAccepted = z.infer<typeof ExecuteAcceptedSchema>;

/** `POST /workflows/{id}/estimate` and estimate_workflow. */
export const EstimateViewSchema = z.object({
  estimatedCredits: z.number().describe('Predicted credits for a real (not dry) run'),
  availableCredits: z.number().describe('The account balance'),
  sufficient: z.boolean().describe('Whether the balance covers it; a run that does not fit is refused before anything runs'),
  estimateComplete: z.boolean().describe('false when a fan-out length is only known at run time: estimatedCredits is then a lower bound'),
  fanOutNodes: z.array(z.string()).describe('Nodes whose cost multiplies by a list length known only at run time'),
  breakdown: z
    .array(
      openObject({
        nodeId: z.string().describe('Node id'),
        nodeLabel: z.string().describe('Node label'),
        nodeType: z.string().describe('Node type'),
        credits: z.number().describe('Credits for this node'),
        iterations: z.number().optional().describe('Runs of this node when it fans out over a list'),
      }),
    )
    .describe('Credits per node'),
});
export type EstimateView = z.infer<typeof EstimateViewSchema>;
