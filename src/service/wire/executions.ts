import { z } from 'zod';
import { EXECUTION_STATUSES } from '../../engine/index.js';
import { jsonObject } from '../../graph/index.js';
import { EdgesSchema, NodesSchema, PageLimitSchema, WorkflowNameSchema } from './workflows.js';

// What the execution routes take (docs/api.md "Execution routes"), and the same fields
// execute_workflow and estimate_workflow publish to a model (docs/mcp.md).

/** Where the server POSTs, signed, when the execution ends (docs/events.md, "Completion callbacks"). */
export const CallbackUrlSchema = z
  .url({ protocol: /^https?$/, error: 'callbackUrl must be an absolute http: or https: URL' })
  .max(2048)
  .describe('An http(s) URL the server POSTs to, signed per Standard Webhooks, when the execution ends');

const Inputs = jsonObject().describe('Values for input nodes by node id, e.g. {"prompt": "a red sneaker"}');

const ExecuteFields = z.strictObject({
  inputs: Inputs.optional(),
  nodes: NodesSchema.optional(),
  edges: EdgesSchema.optional(),
  targetNodeId: z.string().min(1).optional().describe('Run only this node and the ancestors without a cached output'),
  force: z.boolean().optional().describe('Ignore cached node outputs and run everything again'),
  dryRun: z.boolean().optional().describe('Call no provider: model nodes return marked placeholders at 0 credits. Use it to check wiring before spending'),
  version: z.number().int().positive().optional().describe('Run this past version of the workflow instead of the current one'),
  callbackUrl: CallbackUrlSchema.optional(),
});

interface GraphChoice {
  nodes?: unknown[] | undefined;
  edges?: unknown[] | undefined;
  version?: number | undefined;
}

/** Rules across the fields of an execute body: a schema built from those fields (execute_workflow's) checks them too. */
export const executeBodyRules = [
  z.refine<GraphChoice>((body) => body.edges === undefined || body.nodes !== undefined, {
    message: 'edges were sent without nodes',
    path: ['edges'],
  }),
  z.refine<GraphChoice>((body) => body.version === undefined || body.nodes === undefined, {
    message: 'send either version or an inline graph, not both',
    path: ['version'],
  }),
];

/** `POST /workflows/{id}/execute`, and `…/estimate`, which takes what execute takes; `{}` when there is no body. */
export const ExecuteBodySchema = ExecuteFields.check(...executeBodyRules);
export type ExecuteBody = z.infer<typeof ExecuteBodySchema>;

/**
 * A Backend's execute (execute_workflow, `pipewright run <file>`): without a workflow id, `nodes`
 * and `edges` are a graph saved first as a workflow tagged `scratch`, under `name`.
 */
export const ScratchExecuteBodySchema = ExecuteFields.omit({ version: true })
  .extend({ name: WorkflowNameSchema.optional().describe('Name for the scratch workflow an inline graph is saved as') })
  .check(...executeBodyRules);
export type ScratchExecuteBody = z.infer<typeof ScratchExecuteBodySchema>;

/** `POST /workflows/{id}/run`. */
export const RunBodySchema = z.strictObject({
  inputs: z
    .union([Inputs, z.array(Inputs)])
    .optional()
    .describe('One input set, or an array of them to start a batch.'),
  version: ExecuteFields.shape.version,
  dryRun: ExecuteFields.shape.dryRun,
  callbackUrl: ExecuteFields.shape.callbackUrl,
});
export type RunBody = z.infer<typeof RunBodySchema>;

/** `POST /workflows/executions/{id}/retry`; `{}` when there is no body. */
export const RetryBodySchema = z.strictObject({ callbackUrl: ExecuteFields.shape.callbackUrl });
export type RetryBody = z.infer<typeof RetryBodySchema>;

/** Input sets in one batch (docs/execution.md). */
export const MAX_BATCH = 100;

/** `POST /workflow/{webhookId}/trigger`: any JSON object, kept as `triggerData`. */
export const TriggerBodySchema = jsonObject();
export type TriggerBody = z.infer<typeof TriggerBodySchema>;

/**
 * `POST /workflow/{webhookId}/trigger` (query): the body is the caller's own data, so the callback
 * URL rides on the query, where a system that only lets its user paste a URL can still set it.
 */
export const TriggerQuerySchema = z.object({ callbackUrl: ExecuteFields.shape.callbackUrl });
export type TriggerQuery = z.infer<typeof TriggerQuerySchema>;

/** A webhook body, serialised (docs/api.md, "Webhooks"). */
export const MAX_TRIGGER_BYTES = 256 * 1024;

const statusFilter = { error: `status must be one of ${EXECUTION_STATUSES.join(', ')}` };

/** `GET /workflows/executions` (query). */
export const ExecutionListQuerySchema = z.object({
  workflowId: z.string().optional(),
  limit: PageLimitSchema.optional(),
  status: z.enum(EXECUTION_STATUSES, statusFilter).optional(),
  cursor: z.string().optional(),
});
export type ExecutionListQuery = z.infer<typeof ExecutionListQuerySchema>;
