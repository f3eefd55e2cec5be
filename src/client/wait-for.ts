import { FINISHED_EXECUTION_STATUSES } from '../engine/states.js';
import { PipewrightError } from '../errors/index.js';
import { sleep } from '../net/sleep.js';
import type { PollView } from '../service/execution-contracts.js';
import { pollingSettings, positive, type PollingOptions } from './options.js';
import type { RequestOptions } from './types.js';

export interface PollInfo {
  /** This poll's number, from 1. */
  attempt: number;
  /** How long the client waits before the next poll; null when the execution has finished. */
  nextDelayMs: number | null;
}

export interface WaitOptions extends PollingOptions {
  /** Stops waiting (the execution keeps running); the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after every poll, finished or not, before the wait. */
  onPoll?: (view: PollView, info: PollInfo) => void | Promise<void>;
  /** Gives up after this many ms with `wait_timeout`; the execution keeps running. Default: no limit. */
  timeoutMs?: number;
}

interface WaitRequest {
  poll: (id: string, options: RequestOptions) => Promise<PollView>;
  id: string;
  options: WaitOptions;
  polling: Required<PollingOptions>;
}

/** Polls until the execution reaches a final status, waiting `pollDelay` between polls. */
export async function waitFor({ poll, id, options, polling }: WaitRequest): Promise<PollView> {
  const settings = pollingSettings(options, polling);
  const timeout = options.timeoutMs === undefined ? undefined : AbortSignal.timeout(positive('timeoutMs', options.timeoutMs, 0));
  const signal = AbortSignal.any([options.signal, timeout].filter((one) => one !== undefined));
  let last: PollView | undefined;
  try {
    for (let attempt = 1; ; attempt++) {
      last = await poll(id, { signal });
      const finished = FINISHED_EXECUTION_STATUSES.has(last.status);
      const nextDelayMs = finished ? null : pollDelay(attempt, settings);
      await options.onPoll?.(last, { attempt, nextDelayMs });
      if (nextDelayMs === null) return last;
      await sleep(nextDelayMs, signal);
    }
  } catch (error) {
    if (options.signal?.aborted || !timeout?.aborted) throw error;
    throw new PipewrightError('wait_timeout', `Execution ${id} did not finish within ${options.timeoutMs} ms (last status ${last?.status ?? 'unknown'}); it keeps running`, {
      kind: 'operational',
      details: { executionId: id, timeoutMs: options.timeoutMs, ...(last && { status: last.status }) },
    });
  }
}

/** The wait after the n-th poll: `min(maxDelayMs, initialDelayMs × factor^(n-1))`, 1 s, 1.5 s, 2.25 s … 10 s by default. */
export function pollDelay(attempt: number, { initialDelayMs, factor, maxDelayMs }: Required<PollingOptions>): number {
  return Math.min(maxDelayMs, Math.round(initialDelayMs * factor ** (attempt - 1)));
}
