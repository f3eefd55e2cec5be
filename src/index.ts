export { Engine, MemoryOutputCache, MemoryRecorder, DEFAULT_CONCURRENCY } from './engine/index.js';
export type {
  EngineOptions,
  ExecuteRequest,
  ExecutionHandle,
  ExecutionRecorder,
  OutputCache,
  CachedOutcome,
  EngineEvent,
  ExecutionState,
  NodeState,
} from './engine/index.js';
export { validateGraph, compileOrThrow } from './graph/index.js';
export type { Violation, CompiledGraph, Workflow } from './graph/index.js';
export { createBuiltinRegistry, NodeRegistry, defineNodeType } from './nodes/index.js';
export type { NodeType, NodeContext, NodeOutputs } from './nodes/index.js';
export { LocalArtifactStore } from './store/index.js';
export type { ArtifactStore, Artifact } from './artifacts/index.js';
export { policyFor } from './net/index.js';
export type { SecurityPolicy } from './net/index.js';
export { PipewrightError, isPipewrightError } from './errors/index.js';
export type { ErrorCategory, ErrorCode, ErrorKind } from './errors/index.js';
export { createClient } from './client/index.js';
export type {
  PipewrightClient,
  ClientOptions,
  PollingOptions,
  RetryDelayOptions,
  RetryEvent,
  RequestOptions,
  PostOptions,
  WaitOptions,
  PollInfo,
  WorkflowInput,
  NodePatch,
  ExecuteBody,
  RunBody,
  WorkflowListQuery,
  ExecutionListQuery,
  Health,
  ArtifactContent,
  WorkflowView,
  WorkflowSummary,
  SaveResult,
  LintResult,
  Page,
  PollView,
  ExecuteAccepted,
  RunAccepted,
  RunDescription,
  EstimateView,
  ExecutionDetail,
  ExecutionSummary,
  UsageView,
  CatalogEntry,
} from './client/index.js';
export { createRemoteBackend } from './backend/index.js';
export type { Backend } from './backend/index.js';
