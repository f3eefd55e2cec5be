import { isPipewrightError } from '../errors/index.js';
import { backoff as jitteredBackoff } from '../net/backoff.js';
import type { ClientSettings } from './options.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What `onRetry` is told before the client waits and tries again. */
export interface RetryEvent {
  method: HttpMethod;
  /** Below the API root, e.g. `/workflows/wf_1`. */
  path: string;
  /** The attempt that failed, from 1. */
  attempt: number;
  delayMs: number;
  error: unknown;
}

/**
 * Methods whose repeat cannot do anything twice. POST is among them only because the transport
 * puts an `Idempotency-Key` on every POST, so the server replays instead of acting again. PATCH
 * (a new version per call) is not: only a 429, which the server refuses before doing anything,
 * is retried for it.
 */
const REPEATABLE: ReadonlySet<HttpMethod> = new Set(['GET', 'PUT', 'DELETE', 'POST']);

/**
 * How long to wait before trying a failed attempt again, or undefined to give up. Retried: 429,
 * 5xx, timeouts and transient network errors (never another 4xx), waiting for `Retry-After` when
 * the server sent one no longer than the cap, else an exponential jittered backoff.
 */
export function retryDelay(error: unknown, method: HttpMethod, attempt: number, settings: ClientSettings): number | undefined {
  if (!isPipewrightError(error)) return undefined;
  const status = error.details.status;
  if (status === 429) return serverDelay(error.details.retryAfter, attempt, settings);
  // Our own earlier attempt of this POST is still being handled: once it finishes, the key replays it.
  if (error.code === 'idempotency_key_in_use' && attempt > 1) return backoff(attempt, settings);
  if (!error.transient || !REPEATABLE.has(method)) return undefined;
  return serverDelay(error.details.retryAfter, attempt, settings);
}

function serverDelay(retryAfter: unknown, attempt: number, settings: ClientSettings): number | undefined {
  if (typeof retryAfter !== 'number') return backoff(attempt, settings);
  const ms = Math.round(retryAfter * 1000);
  return ms <= settings.retryDelay.maxRetryAfterMs ? ms : undefined;
}

function backoff(attempt: number, { retryDelay }: ClientSettings): number {
  return jitteredBackoff(attempt, { ...retryDelay, factor: 2 });
}
