// The Backend the MCP server (and other client-side faces) talk to, how one is chosen, and the
// shapes and constants of its answers: faces above import from here, never from the layers below.

export type { Backend } from './backend.js';
export { createEmbeddedBackend, servicesBackend } from './embedded.js';
export type { EmbeddedBackendOptions, ServicesBackendOptions } from './embedded.js';
export { localCatalog, openLocalRuntime, startUp } from './local-services.js';
export { localNodeListing } from './node-listing.js';
export type { NodeListing } from './node-listing.js';
export type { LocalRuntime } from './local-services.js';
export { createRemoteBackend } from './remote.js';
export { chooseBackend, createBackend, describeBackend, embeddedChoice } from './config.js';
export type { BackendChoice, LocalHome } from './config.js';
export { SCRATCH_TAG } from './scratch.js';
export { waitForExecution } from './wait-for-execution.js';
export { eventStreamUnavailable, followExecution } from './follow-execution.js';
export type { NodeChange } from './follow-execution.js';
export { executionViewerUrl } from './viewer-url.js';
// Pure graph helpers the MCP face applies to what callers send, as the REST face does.
export { formatTextPath, illFormedTextAt, jsonObject } from '../graph/index.js';

export { EXECUTION_STATUSES, NODE_STATUSES, FINISHED_EXECUTION_STATUSES, FINISHED_NODE_STATUSES, renderArtifactRefs, visitStrings } from '../service/index.js';
export type {
  ArtifactUrlRenderer,
  CatalogEntry,
  EstimateView,
  ExecuteAccepted,
  ExecutionDetail,
  ExecutionEvent,
  ExecutionStatus,
  ExecutionSummary,
  LintResult,
  NodeStatus,
  Page,
  PollView,
  SaveResult,
  UsageView,
  WorkflowSummary,
  WorkflowView,
} from '../service/index.js';
