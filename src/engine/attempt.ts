import { PipewrightError } from '../errors/index.js';
import { retry, type Backoff } from '../net/index.js';
import type { NodeOutputs } from '../nodes/index.js';
import { classifyNodeError } from './classify.js';

/** Delay before the first retry; ×factor each time, with jitter, up to maxDelayMs. */
export type NodeRetrySettings = Backoff;

export const DEFAULT_NODE_RETRY: NodeRetrySettings = { minDelayMs: 500, maxDelayMs: 30_000, factor: 2 };

export interface AttemptOptions {
  nodeId: string;
  timeoutMs: number;
  maxRetries: number;
  retry: NodeRetrySettings;
  /** The execution's signal: cancel. */
  signal: AbortSignal;
  onRetry(attempt: number, delayMs: number, error: PipewrightError): void;
}

export type AttemptFn = (attempt: number, signal: AbortSignal) => Promise<NodeOutputs>;

export type AttemptsResult = { ok: true; outputs: NodeOutputs; attempts: number } | { ok: false; error: PipewrightError; attempts: number };

/**
 * Runs `fn` until it succeeds, fails permanently, runs out of retries or is cancelled. Only
 * transient errors are retried; each attempt gets its own timeout. Never rejects.
 */
export async function runAttempts(fn: AttemptFn, options: AttemptOptions): Promise<AttemptsResult> {
  let attempts = 0;
  try {
    const outputs = await retry((attempt) => runOneAttempt(fn, (attempts = attempt), options), {
      retries: options.maxRetries,
      backoff: options.retry,
      signal: options.signal,
      retryable: (error) => (error as PipewrightError).transient === true && !options.signal.aborted,
      onRetry: ({ attempt, delayMs, error }) => options.onRetry(attempt + 1, delayMs, error as PipewrightError),
    });
    return { ok: true, outputs, attempts };
  } catch (error) {
    // Whatever the signal's reason, a run stopped by it is a cancel.
    return { ok: false, error: options.signal.aborted ? cancelled(options.signal) : classifyNodeError(error), attempts };
  }
}

async function runOneAttempt(fn: AttemptFn, attempt: number, options: AttemptOptions): Promise<NodeOutputs> {
  if (options.signal.aborted) throw cancelled(options.signal);
  const controller = new AbortController();
  const forwardCancel = () => controller.abort(options.signal.reason);
  options.signal.addEventListener('abort', forwardCancel, { once: true });
  const timer = setTimeout(() => {
    controller.abort(new PipewrightError('node_timeout', `Node "${options.nodeId}" timed out after ${options.timeoutMs} ms`));
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
  return signal.reason instanceof PipewrightError ? signal.reason : new PipewrightError('cancelled', 'Execution was cancelled');
}
