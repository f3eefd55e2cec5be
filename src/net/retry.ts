import pRetry from 'p-retry';
import { sleep } from './sleep.js';

/** Exponential backoff: the wait before retry n is `min(maxDelayMs, first × factor^(n-1))`. */
export interface Backoff {
  /**
   * The first wait, in ms, before jitter: each call draws its own first wait from
   * [minDelayMs/2, minDelayMs], so callers that failed together do not retry together.
   */
  minDelayMs: number;
  maxDelayMs: number;
  factor: number;
}

export interface RetryEvent {
  /** The attempt that failed, from 1. */
  attempt: number;
  /** How long the call waits before the next attempt. */
  delayMs: number;
  error: unknown;
}

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  backoff: Backoff;
  /** Whether the failure of `attempt` (from 1) is worth another try; nothing else is retried. */
  retryable(error: unknown, attempt: number): boolean;
  /** A wait the server asked for (`Retry-After`), in ms: the retry then waits at least this long. */
  serverDelayMs?(error: unknown): number | undefined;
  /** Ends the current attempt's wait at once; the call then rejects with the signal's reason, as given. */
  signal?: AbortSignal;
  /** Told before each wait. */
  onRetry?(event: RetryEvent): void;
}

/**
 * Calls `attempt` until it resolves, fails with an error `retryable` refuses, runs out of
 * retries or is aborted; rejects with the last failure. p-retry owns the loop and the backoff;
 * the first wait is drawn once per call, so every later wait is known before it starts and
 * `onRetry` reports the wait that really follows.
 */
export async function retry<T>(attempt: (attemptNumber: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { backoff, signal } = options;
  const first = backoff.minDelayMs / 2 + Math.random() * (backoff.minDelayMs / 2);
  const backoffAfter = (retriesConsumed: number) => Math.min(backoff.maxDelayMs, Math.round(first * backoff.factor ** retriesConsumed));
  try {
    return await pRetry(attempt, {
      retries: options.retries,
      factor: backoff.factor,
      minTimeout: first,
      maxTimeout: backoff.maxDelayMs,
      ...(signal && { signal }),
      shouldRetry: async ({ error, attemptNumber, retriesConsumed }) => {
        if (!options.retryable(error, attemptNumber)) return false;
        const ownMs = backoffAfter(retriesConsumed);
        const delayMs = Math.max(ownMs, options.serverDelayMs?.(error) ?? 0);
        options.onRetry?.({ attempt: attemptNumber, delayMs, error });
        // p-retry waits its own backoff next; what the server asked for beyond it is waited here.
        if (delayMs > ownMs) await sleep(delayMs - ownMs, signal);
        return true;
      },
    });
  } catch (error) {
    // p-retry wraps a reason that is not an Error; the caller gets back exactly what it aborted with.
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
}
