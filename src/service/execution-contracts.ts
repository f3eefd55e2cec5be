import type { ExecutionStatus } from '../engine/index.js';
import type { Page } from './contracts.js';
import type { Principal } from './principal.js';
import type * as wire from './wire/index.js';

/**
 * The execution use cases (docs/execution.md, and docs/api.md "Execution routes"). Shapes marked
 * compat are what hosted clients read: keep them exactly (./wire/ holds them). Every method takes its input
 * parsed by the face with the wire's schema, checks scope and ownership (another account's id is
 * `not_found`), and throws PipewrightError values with the contract's codes.
 */

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

export interface ExecutionService {
  execute(principal: Principal, workflowId: string, body: wire.ExecuteBody): Promise<wire.ExecuteAccepted>;
  describeRun(principal: Principal, workflowId: string): Promise<RunDescription>;
  run(principal: Principal, workflowId: string, body: wire.RunBody): Promise<RunAccepted>;
  estimate(principal: Principal, workflowId: string, body: wire.ExecuteBody): Promise<wire.EstimateView>;
  poll(principal: Principal, executionId: string): Promise<wire.PollView>;
  /**
   * The execution's events after `after`, as they happen, read from the store (any process may
   * be running it); ends after the run's final event, or when `signal` aborts. `not_found` before
   * anything is streamed for another account's execution (docs/events.md).
   */
  events(principal: Principal, executionId: string, options: { after: number; signal: AbortSignal }): Promise<AsyncIterable<wire.ExecutionEvent>>;
  detail(principal: Principal, executionId: string): Promise<wire.ExecutionDetail>;
  list(principal: Principal, query: wire.ExecutionListQuery): Promise<Page<wire.ExecutionSummary>>;
  /** `not_cancellable` (409) once finished. */
  cancel(principal: Principal, executionId: string): Promise<{ executionId: string; status: ExecutionStatus }>;
  /** A new execution re-running the failed and skipped nodes, reusing every completed output. */
  retry(principal: Principal, executionId: string, body?: wire.RetryBody): Promise<wire.ExecuteAccepted>;
  /**
   * No key: the webhook id is the credential. An unknown id is `not_found` and reveals nothing.
   * `beforeStart` runs once the body, the inputs, credits and the daily cap have passed, just
   * before the run is recorded: a face charges its budget there, so a refused trigger spends none.
   * `callbackUrl` comes from the trigger URL's query (the body is the caller's data).
   */
  trigger(
    webhookId: string,
    body: wire.TriggerBody,
    options?: { beforeStart?: () => Promise<void>; callbackUrl?: string | undefined },
  ): Promise<{ executionId: string; status: 'queued'; message: string }>;
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
  begin(
    accountId: string,
    key: string,
    request: { method: string; path: string; body: string },
  ): Promise<{ kind: 'run'; claim: string } | { kind: 'replay'; status: number; headers: Record<string, string>; body: string }>;
  /**
   * `claim` is the one `begin` answered: then only that claim is completed or released, never
   * one a retry took over after this one was abandoned. (Optional only for callers not yet
   * passing it, which act on whichever claim holds the key.)
   */
  complete(accountId: string, key: string, response: { status: number; headers: Record<string, string>; body: string }, claim?: string): Promise<void>;
  release(accountId: string, key: string, claim?: string): Promise<void>;
}
