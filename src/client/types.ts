import type { z } from 'zod';
import type { SaveBodySchema, PatchNodeBodySchema } from '../service/workflows/bodies.js';

/** Accepted by every method. */
export interface RequestOptions {
  /** Aborts the call, retries and waits included; the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Per HTTP attempt, in ms; overrides the client's `timeoutMs`. */
  timeoutMs?: number;
}

/** Accepted by every method that POSTs. */
export interface PostOptions extends RequestOptions {
  /** Sent as `Idempotency-Key`; a random UUID when absent. Reuse one to make a repeated call start nothing new. */
  idempotencyKey?: string;
}

/** `POST /workflows` and `PUT /workflows/{id}`: a workflow; a fetched one may be sent back as is. */
export type WorkflowInput = z.input<typeof SaveBodySchema>;

/** `PATCH /workflows/{id}/nodes/{nodeId}`: `config`/`params` merged (null deletes a key), `label`/`position` replaced. */
export type NodePatch = z.input<typeof PatchNodeBodySchema>;

/** `POST /workflows/{id}/execute` (and estimate): every field optional; without `nodes` the saved graph runs. */
export interface ExecuteBody {
  /** Values for input nodes, by node id. */
  inputs?: Record<string, unknown>;
  /** The graph to run instead of the saved one. */
  nodes?: unknown[];
  edges?: unknown[];
  /** Run only this node and the ancestors without a cached output. */
  targetNodeId?: string;
  /** Ignore cached outputs. */
  force?: boolean;
  /** Placeholder outputs, no provider calls, zero credits. */
  dryRun?: boolean;
  /** A past version of the workflow. */
  version?: number;
}

/** `POST /workflows/{id}/run`: one input set, or an array of them for a batch (at most 100). */
export interface RunBody {
  inputs?: Record<string, unknown> | Array<Record<string, unknown>>;
  version?: number;
  dryRun?: boolean;
}

export interface WorkflowListQuery {
  tag?: string;
  isActive?: boolean;
  /** Substring of the name or description. */
  q?: string;
  /** 1–100, default 20. */
  limit?: number;
  /** The previous page's `nextCursor`. */
  cursor?: string;
}

export interface ExecutionListQuery {
  workflowId?: string;
  status?: string;
  limit?: number;
  cursor?: string;
}

export interface Health {
  status: 'ok' | 'unavailable';
  store: 'ok' | 'unavailable';
}
