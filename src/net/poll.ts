import { sleep } from './sleep.js';

/** The wait after check n is `min(maxDelayMs, initialDelayMs × factor^(n-1))`, in whole ms. */
export interface PollBackoff {
  initialDelayMs: number;
  factor: number;
  maxDelayMs: number;
}

export interface PollInfo {
  /** This check's number, from 1. */
  attempt: number;
  /** The wait before the next check; null when there is none (done, or the deadline has passed). */
  nextDelayMs: number | null;
}

export interface PollOptions<T> {
  /** One check; a rejection ends the poll with it. */
  check(): Promise<T>;
  /** Whether `value` is final. */
  done(value: T): boolean;
  backoff: PollBackoff;
  /** Ends the wait at once; the poll then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** After this many ms no further check starts and the last value is the answer, final or not. */
  deadlineMs?: number;
  /** Told after every check, before the wait. */
  onPoll?(value: T, info: PollInfo): void | Promise<void>;
}

/** Checks until `done` holds or the deadline passes, backing off between checks; resolves with the last value. */
export async function poll<T>(options: PollOptions<T>): Promise<T> {
  const deadline = Date.now() + (options.deadlineMs ?? Infinity);
  for (let attempt = 1; ; attempt++) {
    const value = await options.check();
    const left = deadline - Date.now();
    const nextDelayMs = options.done(value) || left <= 0 ? null : Math.min(pollDelay(attempt, options.backoff), left);
    await options.onPoll?.(value, { attempt, nextDelayMs });
    if (nextDelayMs === null) return value;
    await sleep(nextDelayMs, options.signal);
  }
}

export function pollDelay(attempt: number, { initialDelayMs, factor, maxDelayMs }: PollBackoff): number {
  return Math.min(maxDelayMs, Math.round(initialDelayMs * factor ** (attempt - 1)));
}
