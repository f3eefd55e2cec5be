import type {
  CatalogEntry,
  EstimateView,
  ExecuteAccepted,
  ExecuteBody,
  ExecutionDetail,
  ExecutionListQuery,
  ExecutionSummary,
  LintBody,
  LintResult,
  Page,
  PollView,
  SaveBody,
  SaveResult,
  ScratchExecuteBody,
  UsageView,
  WorkflowListQuery,
  WorkflowSummary,
  WorkflowView,
} from '../service/index.js';

/**
 * What the MCP server (and any other client-side face) needs from pipewright. Two
 * implementations: embedded (the service layer over the local store under PIPEWRIGHT_HOME) and
 * remote (the REST client against PIPEWRIGHT_API_URL). Choosing one is configuration, not a code
 * path: nothing above this interface knows which it has. Inputs arrive parsed, by the face, with
 * the wire's schemas (src/service/wire/). Failures are PipewrightError values with the
 * contract's codes, whichever side they came from.
 */
export interface Backend {
  listNodeTypes(): Promise<CatalogEntry[]>;
  listWorkflows(query: WorkflowListQuery): Promise<Page<WorkflowSummary>>;
  getWorkflow(id: string): Promise<WorkflowView>;
  validateWorkflow(graph: LintBody): Promise<LintResult>;
  /** Creates when `id` is absent, else replaces (a new version). */
  saveWorkflow(input: { id?: string; workflow: SaveBody }): Promise<SaveResult>;
  deleteWorkflow(id: string): Promise<{ id: string; deleted: true }>;
  estimateWorkflow(id: string, body: ExecuteBody): Promise<EstimateView>;
  /**
   * With `id`, `body` is the execute body of docs/api.md (inputs, nodes/edges, targetNodeId,
   * force, dryRun). Without it, `body` must carry `nodes`/`edges` (and may carry `name`): that
   * graph is saved as a workflow tagged `scratch`, then run. With `idempotencyKey`, the same key
   * and body replay the first answer (the same execution, no second scratch workflow); the same
   * key with another body is `idempotency_key_reused`.
   */
  executeWorkflow(id: string | undefined, body: ScratchExecuteBody, options?: { idempotencyKey?: string; signal?: AbortSignal }): Promise<ExecuteAccepted>;
  pollExecution(id: string, options?: { signal?: AbortSignal }): Promise<PollView>;
  getExecution(id: string): Promise<ExecutionDetail>;
  listExecutions(query: ExecutionListQuery): Promise<Page<ExecutionSummary>>;
  cancelExecution(id: string): Promise<{ executionId: string; status: string }>;
  getUsage(): Promise<UsageView>;
  /** Bytes of an output file (an artifact URL from an execution's outputs). */
  readArtifact(id: string): Promise<{ bytes: Uint8Array; contentType: string }>;
  /** A `file://` URL of an output file when this backend keeps it on this machine (embedded); else undefined. */
  artifactFileUrl(id: string): Promise<string | undefined>;
  close(): Promise<void>;
}
