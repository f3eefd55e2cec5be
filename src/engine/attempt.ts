import pRetry from 'p-retry';
import { PipewrightError } from '../errors/index.js';
import { backoff, type BackoffSettings, sleep } from '../net/index.js';
import type { NodeOutputs } from '../nodes/index.js';
import { classifyNodeError } from './classify.js';

/** Delay before the first retry; ×factor each time, with jitter, up to maxDelayMs. */
export type RetrySettings = BackoffSettings;

export const DEFAULT_RETRY: RetrySettings = { minDelayMs: 500, maxDelayMs: 30_000, factor: 2 };

export interface AttemptOptions {
  nodeId: string;
  timeoutMs: number;
  maxRetries: number;
  retry: RetrySettings;
  /** The execution's signal: cancel. */
  signal: AbortSignal;
  onRetry(attempt: number, delayMs: number, error: PipewrightError): void;
}

export type AttemptFn = (attempt: number, signal: AbortSignal) => Promise<NodeOutputs>;

export type AttemptsResult =
  | { ok: true; outputs: NodeOutputs; attempts: number }
  | { ok: false; error: PipewrightError; attempts: number };

/**
 * Runs `fn` until it succeeds, fails permanently, runs out of retries or is cancelled. Only
 * transient errors are retried (CONTRACT §2); each attempt gets its own timeout. Never rejects.
 */
export async function runAttempts(fn: AttemptFn, options: AttemptOptions): Promise<AttemptsResult> {
  let attempts = 0;
  const attempt = () => runOneAttempt(fn, ++attempts, options);
  // Most nodes succeed at once: the first try skips the retry machinery entirely.
  try {
    return { ok: true, outputs: await attempt(), attempts };
  } catch (error) {
    if (!retriable(error, options) || options.maxRetries === 0) return { ok: false, error: classifyNodeError(error), attempts };
    try {
      await pause(attempts, error as PipewrightError, options);
      const outputs = await pRetry(attempt, {
        retries: options.maxRetries - 1,
        minTimeout: 0,
        maxTimeout: 0,
        shouldRetry: ({ error: failure }) => retriable(failure, options),
        onFailedAttempt: async ({ error: failure, retriesLeft }) => {
          if (retriable(failure, options) && retriesLeft > 0) await pause(attempts, failure as PipewrightError, options);
        },
      });
      return { ok: true, outputs, attempts };
    } catch (failure) {
      return { ok: false, error: classifyNodeError(failure), attempts };
    }
  }
}

function retriable(error: unknown, options: AttemptOptions): boolean {
  return (error as PipewrightError).transient === true && !options.signal.aborted;
}

/** Waits out the backoff after `failedAttempt`, reporting the retry first. */
async function pause(failedAttempt: number, error: PipewrightError, options: AttemptOptions): Promise<void> {
  const delayMs = backoff(failedAttempt, options.retry);
  options.onRetry(failedAttempt + 1, delayMs, error);
  // sleep rejects only on abort; whatever the signal's reason, a cancelled wait is a cancel.
  await sleep(delayMs, options.signal).catch(() => {
    throw cancelled(options.signal);
  });
}

async function runOneAttempt(fn: AttemptFn, attempt: number, options: AttemptOptions): Promise<NodeOutputs> {
  if (options.signal.aborted) throw cancelled(options.signal);
  const controller = new AbortController();
  const forwardCancel = () => controller.abort(options.signal.reason);
  options.signal.addEventListener('abort', forwardCancel, { once: true });
  const timer = setTimeout(() => {
    controller.abort(new PipewrightError('node_timeout', `Node "${options.nodeId}" timed out after ${options.timeoutMs} ms`, {
      kind: 'operational',
      transient: true,
    }));
  }, options.timeoutMs);
  try {
    // A node that ignores its signal must not hold the run: the race lets the engine move on.
    return await raceAbort(fn(attempt, controller.signal), controller.signal);
  } catch (error) {
    throw controller.signal.aborted ? classifyNodeError(controller.signal.reason) : classifyNodeError(error);
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', forwardCancel);
  }
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function cancelled(signal: AbortSignal): PipewrightError {
  return signal.reason instanceof PipewrightError
    ? signal.reason
    : new PipewrightError('cancelled', 'Execution was cancelled', { kind: 'user' });
}
