import type { ExecutionStatus, NodeStatus } from '../engine/index.js';
import type { Page } from './contracts.js';
import type { Principal } from './principal.js';

/**
 * The execution use cases (docs/execution.md and the execution routes of §3). Shapes marked compat are
 * what hosted clients read: keep them exactly. Every method parses its `unknown` body with one
 * zod schema, checks scope and ownership (another account's id is `not_found`), and throws
 * PipewrightError values with the contract's codes.
 */

/** compat: `POST /workflows/{id}/execute` answers this at the top level (201 + Location). */
export interface ExecuteAccepted {
  executionId: string;
  workflowId: string | null;
  status: ExecutionStatus;
  executionRuns: Array<{ id: string; status: ExecutionStatus }>;
}

/** compat: `POST /workflows/{id}/run` (202). A batch has `batchId` and one run per input set. */
export interface RunAccepted {
  executionId: string;
  status: ExecutionStatus;
  data: { executionId: string; status: ExecutionStatus };
  batchId?: string;
  executionRuns?: Array<{ id: string; status: ExecutionStatus }>;
}

export interface RunDescription {
  workflowId: string;
  workflowName: string;
  inputs: Array<{ nodeId: string; label: string; type: string; required: boolean; default: unknown }>;
  endpoint: string;
  method: 'POST';
  example: { inputs: Record<string, unknown> };
}

export interface EstimateView {
  estimatedCredits: number;
  availableCredits: number;
  sufficient: boolean;
  /** False when a fan-out's length is only known at run time: `estimatedCredits` is then a lower bound. */
  estimateComplete: boolean;
  fanOutNodes: string[];
  breakdown: Array<{ nodeId: string; nodeLabel: string; nodeType: string; credits: number; iterations?: number }>;
}

/** The cheap status our own faces read (MCP, CLI); REST answers it as CompatPollView. */
export interface PollView {
  executionId: string;
  status: ExecutionStatus;
  nodeStates: Array<{
    nodeId: string;
    label: string;
    status: NodeStatus;
    error: string | null;
    outputUrl: string | null;
    outputUrls: string[] | null;
    text: string | null;
    progress: number | null;
  }>;
  finalOutput: Record<string, unknown> | null;
  error: string | null;
}

/**
 * compat: `GET /workflows/executions/{id}/poll`, top level. Hosted clients wait for COMPLETED or
 * FAILED only, so a cancelled execution reads FAILED, flagged `cancelled`, with a coded error.
 */
export type CompatPollView =
  | (PollView & { status: Exclude<ExecutionStatus, 'CANCELLED'>; cancelled?: never })
  | (Omit<PollView, 'status' | 'error'> & { status: 'FAILED'; cancelled: true; error: { code: 'cancelled'; message: string } });

export interface ExecutionDetail {
  id: string;
  workflowId: string | null;
  workflowVersion: number | null;
  status: ExecutionStatus;
  trigger: string;
  batchId: string | null;
  retryOf: string | null;
  inputs: Record<string, unknown>;
  credits: number;
  finalOutput: Record<string, unknown> | null;
  error: Record<string, unknown> | null;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  nodes: Array<{
    nodeId: string;
    label: string;
    nodeType: string;
    status: NodeStatus;
    startedAt: string | null;
    endedAt: string | null;
    durationMs: number | null;
    attempts: number;
    credits: number;
    cached: boolean;
    output: Record<string, unknown> | null;
    error: { code: string; message: string } | null;
    logs: string[];
    skipReason?: string;
    iterations?: unknown[];
  }>;
}

export type ExecutionSummary = Omit<ExecutionDetail, 'nodes' | 'inputs'>;

export interface ExecutionService {
  execute(principal: Principal, workflowId: string, body: unknown): Promise<ExecuteAccepted>;
  describeRun(principal: Principal, workflowId: string): Promise<RunDescription>;
  run(principal: Principal, workflowId: string, body: unknown): Promise<RunAccepted>;
  estimate(principal: Principal, workflowId: string, body: unknown): Promise<EstimateView>;
  poll(principal: Principal, executionId: string): Promise<PollView>;
  detail(principal: Principal, executionId: string): Promise<ExecutionDetail>;
  list(principal: Principal, query: { workflowId?: string; status?: string; limit?: number; cursor?: string }): Promise<Page<ExecutionSummary>>;
  /** `not_cancellable` (409) once finished. */
  cancel(principal: Principal, executionId: string): Promise<{ executionId: string; status: ExecutionStatus }>;
  /** A new execution re-running the failed and skipped nodes, reusing every completed output. */
  retry(principal: Principal, executionId: string): Promise<ExecuteAccepted>;
  /**
   * No key: the webhook id is the credential. An unknown id is `not_found` and reveals nothing.
   * `beforeStart` runs once the body, the inputs, credits and the daily cap have passed, just
   * before the run is recorded: a face charges its budget there, so a refused trigger spends none.
   */
  trigger(webhookId: string, body: unknown, options?: { beforeStart?: () => Promise<void> }): Promise<{ executionId: string; status: 'queued'; message: string }>;
  describeTrigger(webhookId: string): Promise<{ workflowId: string; name: string; isActive: boolean; message: string }>;
  rotateWebhook(principal: Principal, workflowId: string): Promise<{ workflowId: string; webhookId: string; webhookUrl: string }>;
  /** Owner only; another account's artifact is `not_found`. */
  artifact(principal: Principal, artifactId: string): Promise<{ bytes: Uint8Array; contentType: string }>;
  /** The owner's `file://` URL of it when the artifact store keeps files on this machine (the CLI shows it); else undefined. */
  artifactFile(principal: Principal, artifactId: string): Promise<string | undefined>;
  /** Resumes what a dead process left QUEUED or RUNNING. Called once at start. */
  resumeUnfinished(): Promise<number>;
  /** Stops taking work and waits (bounded) for running executions to reach a stored state. */
  shutdown(): Promise<void>;
}

export interface IdempotencyService {
  /**
   * Claims an Idempotency-Key for a request: `run` to go ahead, `replay` with the stored
   * response, or throws `idempotency_key_in_use` (409), `idempotency_key_reused` (422),
   * `idempotency_key_invalid` (400).
   */
  begin(accountId: string, key: string, request: { method: string; path: string; body: string }): Promise<{ kind: 'run'; claim: string } | { kind: 'replay'; status: number; headers: Record<string, string>; body: string }>;
  /**
   * `claim` is the one `begin` answered: then only that claim is completed or released, never
   * one a retry took over after this one was abandoned. (Optional only for callers not yet
   * passing it, which act on whichever claim holds the key.)
   */
  complete(accountId: string, key: string, response: { status: number; headers: Record<string, string>; body: string }, claim?: string): Promise<void>;
  release(accountId: string, key: string, claim?: string): Promise<void>;
}
