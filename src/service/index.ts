// The service layer's public surface: the use cases the faces call and how to build them.

export { createServices } from './create-services.js';
export type { CreateServicesOptions } from './create-services.js';
/** The store's connection, for the API's per-minute counters shared by every process on the store. */
export type { StoreConnection } from '../store/index.js';
export { DEFAULT_ARTIFACT_URL_TTL_SECONDS, DEFAULT_PLAN_LIMITS } from './settings.js';
export { renderArtifactRefs, visitStrings } from './artifacts/index.js';
export type { ArtifactUrlRenderer } from './artifacts/index.js';
export { artifactIdOf } from '../artifacts/index.js';
export type { ServiceSettings } from './settings.js';
export { OPERATOR_LIMIT_VARIABLES, operatorLimitsFromEnv, parseOperatorLimits } from './operator-limits.js';
export type { Links } from './workflows/links.js';
export { requireScope } from './principal.js';
export type { Scope, Plan, Principal } from './principal.js';
export { DEFAULT_KEY_SCOPES } from './auth/issue-key.js';
export type { Services, AuthService, ApiKeyView, SaveResult, LintResult, Page, UsageService, ArtifactLinkService } from './contracts.js';
export type { RunAccepted, RunDescription, IdempotencyService } from './execution-contracts.js';
// The wire: the schemas of what the faces receive and answer, and the one way each face parses.
export {
  parseBody,
  parseQuery,
  CatalogEntrySchema,
  DuplicateBodySchema,
  EstimateViewSchema,
  ExecuteBodySchema,
  ExecutionDetailSchema,
  ExecutionEventSchema,
  ExecutionListQuerySchema,
  FINAL_EVENT_TYPES,
  LastEventIdSchema,
  ExecutionStatusSchema,
  MAX_TRIGGER_BYTES,
  PatchNodeBodySchema,
  PollViewSchema,
  RunBodySchema,
  SaveBodySchema,
  ScratchExecuteBodySchema,
  TriggerBodySchema,
  UsageViewSchema,
  WorkflowListQuerySchema,
  WorkflowSummarySchema,
  WorkflowViewSchema,
  executeBodyRules,
} from './wire/index.js';
export type {
  CatalogEntry,
  CompatPollView,
  DuplicateBody,
  ErrorBody,
  EstimateView,
  ExecuteAccepted,
  ExecuteBody,
  ExecutionDetail,
  ExecutionEvent,
  ExecutionListQuery,
  ExecutionSummary,
  LintBody,
  PlanLimits,
  PollView,
  SaveBody,
  ScratchExecuteBody,
  UsageView,
  WorkflowListQuery,
  WorkflowSummary,
  WorkflowView,
} from './wire/index.js';
export type { ExecutionQueue, LeaseTimes } from './executions/index.js';
export { ApiOnlyQueue, InProcessQueue, leaseSettingsFromEnv, NotifyCancelFeed, PgBossQueue, StorePollQueue } from './executions/index.js';
export { lintWarnings } from './workflows/lint-warnings.js';
export { compatPoll } from './executions/compat-poll.js';
export { RetryBodySchema, TriggerQuerySchema } from './wire/index.js';
export type { RetryBody, TriggerQuery } from './wire/index.js';
export { callbackSettingsFromEnv } from './callbacks/index.js';
export type { CallbackService, CallbackSettings } from './callbacks/index.js';
export { createIdempotencyService, createWebhookOwners } from './idempotency/index.js';
export type { WebhookOwner, WebhookOwners } from './idempotency/index.js';
export { accountPrincipal, importTemplates, importTemplatesOnFirstStart } from './templates/index.js';
export type { ImportTemplatesResult } from './templates/index.js';
// Executions and node runs report these statuses: they are part of every view above.
export { EXECUTION_STATUSES, NODE_STATUSES, FINISHED_EXECUTION_STATUSES, FINISHED_NODE_STATUSES } from '../engine/index.js';
export type { ExecutionStatus, NodeStatus } from '../engine/index.js';
