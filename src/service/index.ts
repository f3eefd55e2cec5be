// The service layer's public surface: the use cases the faces call and how to build them.

export { createServices } from './create-services.js';
export type { CreateServicesOptions } from './create-services.js';
export { DEFAULT_ARTIFACT_URL_TTL_SECONDS, DEFAULT_PLAN_LIMITS, DEFAULT_STARTING_CREDITS, DEFAULT_PLAN, limitsFor } from './settings.js';
export { renderArtifactRefs, visitStrings } from './artifacts/index.js';
export type { ArtifactUrlRenderer } from './artifacts/index.js';
export { artifactIdOf, artifactRef } from '../artifacts/index.js';
export type { ServiceSettings } from './settings.js';
export type { Links } from './workflows/links.js';
export { SCOPES, PLANS, requireScope } from './principal.js';
export type { Scope, Plan, Principal } from './principal.js';
export { DEFAULT_KEY_SCOPES } from './auth/issue-key.js';
export type {
  Services,
  AuthService,
  KeyService,
  ApiKeyView,
  AccountService,
  WorkflowService,
  WorkflowView,
  WorkflowSummary,
  SaveResult,
  LintResult,
  ListQuery,
  Page,
  CatalogService,
  PlanLimits,
  UsageView,
  UsageService,
  HealthService,
  ArtifactLinkService,
  ArtifactSignature,
} from './contracts.js';
export type {
  ExecutionService,
  ExecuteAccepted,
  RunAccepted,
  RunDescription,
  EstimateView,
  PollView,
  CompatPollView,
  ExecutionDetail,
  ExecutionSummary,
  IdempotencyService,
} from './execution-contracts.js';
export { InProcessQueue, DEFAULT_RUNNING_EXECUTIONS, ExecuteBodySchema, RunBodySchema, MAX_BATCH, MAX_TRIGGER_BYTES } from './executions/index.js';
export type { ExecutionQueue } from './executions/index.js';
export { lintWarnings } from './workflows/lint-warnings.js';
export { SaveBodySchema, PatchNodeBodySchema } from './workflows/bodies.js';
export { createIdempotencyService, createWebhookOwners } from './idempotency/index.js';
export type { IdempotencyOptions, WebhookOwner, WebhookOwners } from './idempotency/index.js';
export { accountPrincipal, importTemplates, importTemplatesOnFirstStart } from './templates/index.js';
export type { ImportTemplatesOptions, ImportTemplatesResult } from './templates/index.js';
export type { CatalogEntry } from '../nodes/index.js';
// Executions and node runs report these statuses: they are part of every view above.
export { EXECUTION_STATUSES, NODE_STATUSES, FINISHED_EXECUTION_STATUSES, FINISHED_NODE_STATUSES } from '../engine/index.js';
export type { ExecutionStatus, NodeStatus } from '../engine/index.js';
