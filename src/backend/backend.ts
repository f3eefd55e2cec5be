import type * as service from '../service/index.js';

/**
 * What the MCP server (and any other client-side face) needs from pipewright. Two
 * implementations: embedded (the service layer over the local store under PIPEWRIGHT_HOME) and
 * remote (the REST client against PIPEWRIGHT_API_URL). Choosing one is configuration, not a code
 * path: nothing above this interface knows which it has. Inputs arrive parsed, by the face, with
 * the wire's schemas (src/service/wire/). Failures are PipewrightError values with the
 * contract's codes, whichever side they came from.
 */
export interface Backend {
  listNodeTypes(): Promise<service.CatalogEntry[]>;
  listWorkflows(query: service.WorkflowListQuery): Promise<service.Page<service.WorkflowSummary>>;
  getWorkflow(id: string): Promise<service.WorkflowView>;
  validateWorkflow(graph: service.LintBody): Promise<service.LintResult>;
  /** Creates when `id` is absent, else replaces (a new version). */
  saveWorkflow(input: { id?: string; workflow: service.SaveBody }): Promise<service.SaveResult>;
  deleteWorkflow(id: string): Promise<{ id: string; deleted: true }>;
  estimateWorkflow(id: string, body: service.ExecuteBody): Promise<service.EstimateView>;
  /**
   * With `id`, `body` is the execute body of docs/api.md (inputs, nodes/edges, targetNodeId,
   * force, dryRun). Without it, `body` must carry `nodes`/`edges` (and may carry `name`): that
   * graph is saved as a workflow tagged `scratch`, then run. With `idempotencyKey`, the same key
   * and body replay the first answer (the same execution, no second scratch workflow); the same
   * key with another body is `idempotency_key_reused`.
   */
  executeWorkflow(
    id: string | undefined,
    body: service.ScratchExecuteBody,
    options?: { idempotencyKey?: string; signal?: AbortSignal },
  ): Promise<service.ExecuteAccepted>;
  pollExecution(id: string, options?: { signal?: AbortSignal }): Promise<service.PollView>;
  /**
   * The execution's events after `lastEventId` as they happen (docs/events.md), ending after the
   * run's final event. A remote server without the stream answers 404 or 405 (see followExecution).
   */
  executionEvents(id: string, options?: { lastEventId?: number; signal?: AbortSignal }): AsyncIterable<service.ExecutionEvent>;
  getExecution(id: string): Promise<service.ExecutionDetail>;
  listExecutions(query: service.ExecutionListQuery): Promise<service.Page<service.ExecutionSummary>>;
  cancelExecution(id: string): Promise<{ executionId: string; status: string }>;
  /** A new execution of a finished one that keeps its COMPLETED nodes and runs the rest (`POST /workflows/executions/{id}/retry`). */
  retryExecution(id: string): Promise<service.ExecuteAccepted>;
  getUsage(): Promise<service.UsageView>;
  /** Bytes of an output file (an artifact URL from an execution's outputs). */
  readArtifact(id: string): Promise<{ bytes: Uint8Array; contentType: string }>;
  /** A `file://` URL of an output file when this backend keeps it on this machine (embedded); else undefined. */
  artifactFileUrl(id: string): Promise<string | undefined>;
  close(): Promise<void>;
}
