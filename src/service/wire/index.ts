// The wire: one zod schema per request and response that REST, the client, MCP and the CLI
// share. Each face parses what it receives with these, once; the use cases take the result.

export { parseBody, parseQuery } from './parse.js';
export { DuplicateBodySchema, PatchNodeBodySchema, SaveBodySchema, WorkflowListQuerySchema } from './workflows.js';
export type { DuplicateBody, LintBody, PatchNodeBody, SaveBody, WorkflowListQuery } from './workflows.js';
export {
  ExecuteBodySchema,
  ExecutionListQuerySchema,
  MAX_BATCH,
  MAX_TRIGGER_BYTES,
  RetryBodySchema,
  RunBodySchema,
  ScratchExecuteBodySchema,
  TriggerBodySchema,
  TriggerQuerySchema,
  executeBodyRules,
} from './executions.js';
export type { ExecuteBody, ExecutionListQuery, RetryBody, RunBody, ScratchExecuteBody, TriggerBody, TriggerQuery } from './executions.js';
export { WorkflowSummarySchema, WorkflowViewSchema } from './workflow-views.js';
export type { WorkflowSummary, WorkflowView } from './workflow-views.js';
export { ExecutionStatusSchema, PollViewSchema } from './poll-views.js';
export type { CompatPollView, PollView } from './poll-views.js';
export { EstimateViewSchema, ExecutionDetailSchema } from './execution-views.js';
export type { EstimateView, ExecuteAccepted, ExecutionDetail, ExecutionSummary } from './execution-views.js';
export { ExecutionEventSchema, FINAL_EVENT_TYPES, LastEventIdSchema } from './execution-events.js';
export type { ExecutionEvent } from './execution-events.js';
export { UsageViewSchema } from './usage.js';
export type { PlanLimits, UsageView } from './usage.js';
export type { ErrorBody } from './error-body.js';
export { CatalogEntrySchema } from '../../nodes/index.js';
export type { CatalogEntry } from '../../nodes/index.js';
