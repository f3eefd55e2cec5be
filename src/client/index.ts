// The client's public surface: a typed REST client for a pipewright (or compatible) API.

export { createClient } from './create-client.js';
export type { PipewrightClient } from './create-client.js';
export type { ClientOptions, PollingOptions, RetryDelayOptions } from './options.js';
export type { RetryEvent } from './retry-policy.js';
export type { WorkflowsApi, WorkflowVersion, WebhookRotation } from './workflows.js';
export type { ExecutionsApi } from './executions.js';
export type { EventsOptions } from './execution-events.js';
export type { WaitOptions, PollInfo } from './wait-for.js';
export type { ArtifactsApi, ArtifactContent } from './artifacts.js';
export type { RequestOptions, PostOptions, WorkflowInput, NodePatch, ExecuteBody, RunBody, WorkflowListQuery, ExecutionListQuery, Health } from './types.js';
export type {
  CatalogEntry,
  EstimateView,
  ExecuteAccepted,
  ExecutionDetail,
  ExecutionEvent,
  ExecutionSummary,
  LintResult,
  Page,
  PollView,
  RunAccepted,
  RunDescription,
  SaveResult,
  UsageView,
  WorkflowSummary,
  WorkflowView,
} from '../service/index.js';
export type { Violation } from '../graph/index.js';
export { PipewrightError, isPipewrightError } from '../errors/index.js';
export { RemoteError } from './remote-error.js';
export type { ErrorCategory, ErrorCode, ErrorKind } from '../errors/index.js';
