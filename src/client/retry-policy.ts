import { isPipewrightError } from '../errors/index.js';
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
 * Whether a failed attempt is tried again. Retried: 429, 5xx, timeouts and transient network
 * errors (never another 4xx), unless the server's `Retry-After` is longer than the cap.
 */
export function retryable(error: unknown, method: HttpMethod, attempt: number, settings: ClientSettings): boolean {
  if (!isPipewrightError(error)) return false;
  const withinCap = (retryAfterMs(error) ?? 0) <= settings.retryDelay.maxRetryAfterMs;
  if (error.details.status === 429) return withinCap;
  // Our own earlier attempt of this POST is still being handled: once it finishes, the key replays it.
  if (error.code === 'idempotency_key_in_use' && attempt > 1) return true;
  return error.transient && REPEATABLE.has(method) && withinCap;
}

/** The server's `Retry-After` (seconds in the error's details), in ms. */
export function retryAfterMs(error: unknown): number | undefined {
  const retryAfter = isPipewrightError(error) ? error.details.retryAfter : undefined;
  return typeof retryAfter === 'number' ? Math.round(retryAfter * 1000) : undefined;
}
