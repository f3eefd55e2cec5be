import type { z } from 'zod';
import type {
  ExecuteBodySchema,
  ExecutionListQuerySchema,
  PatchNodeBodySchema,
  RunBodySchema,
  SaveBodySchema,
  WorkflowListQuerySchema,
} from '../service/index.js';

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

// Request types are the wire's (src/service/wire/): the schemas the server parses with, so the
// client cannot drift from them. The input side: what may be sent, defaults not yet applied.

/** `POST /workflows` and `PUT /workflows/{id}`: a workflow; a fetched one may be sent back as is. */
export type WorkflowInput = z.input<typeof SaveBodySchema>;

/** `PATCH /workflows/{id}/nodes/{nodeId}`: `config`/`params` merged (null deletes a key), `label`/`position` replaced. */
export type NodePatch = z.input<typeof PatchNodeBodySchema>;

/** `POST /workflows/{id}/execute` and `…/estimate`: every field optional; without `nodes` the saved graph runs. */
export type ExecuteBody = z.input<typeof ExecuteBodySchema>;

/** `POST /workflows/{id}/run`: one input set, or an array of them for a batch (at most 100). */
export type RunBody = z.input<typeof RunBodySchema>;

/** `GET /workflows`: `q` is a substring of the name or description; `limit` 1–100, default 20; `cursor` the previous page's `nextCursor`. */
export type WorkflowListQuery = z.input<typeof WorkflowListQuerySchema>;

/** `GET /workflows/executions`. */
export type ExecutionListQuery = z.input<typeof ExecutionListQuerySchema>;

export interface Health {
  status: 'ok' | 'unavailable';
  store: 'ok' | 'unavailable';
}
