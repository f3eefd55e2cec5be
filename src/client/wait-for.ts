import { FINISHED_EXECUTION_STATUSES, type PollView } from '../service/index.js';
import { PipewrightError } from '../errors/index.js';
import { poll, type PollInfo } from '../net/index.js';
import { pollingSettings, positive, type PollingOptions } from './options.js';
import type { RequestOptions } from './types.js';

export type { PollInfo };
/** The wait after the n-th poll: `min(maxDelayMs, initialDelayMs × factor^(n-1))`, 1 s, 1.5 s, 2.25 s … 10 s by default. */
export { pollDelay } from '../net/index.js';

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

/** Polls until the execution reaches a final status, backing off between polls as `pollDelay` says. */
export async function waitFor({ poll: pollOnce, id, options, polling }: WaitRequest): Promise<PollView> {
  const settings = pollingSettings(options, polling);
  const timeout = options.timeoutMs === undefined ? undefined : AbortSignal.timeout(positive('timeoutMs', options.timeoutMs, 0));
  const signal = AbortSignal.any([options.signal, timeout].filter((one) => one !== undefined));
  let last: PollView | undefined;
  try {
    return await poll({
      check: async () => (last = await pollOnce(id, { signal })),
      done: (view) => FINISHED_EXECUTION_STATUSES.has(view.status),
      backoff: settings,
      signal,
      ...(options.onPoll && { onPoll: options.onPoll }),
    });
  } catch (error) {
    if (options.signal?.aborted || !timeout?.aborted) throw error;
    throw new PipewrightError(
      'wait_timeout',
      `Execution ${id} did not finish within ${options.timeoutMs} ms (last status ${last?.status ?? 'unknown'}); it keeps running`,
      {
        details: { executionId: id, timeoutMs: options.timeoutMs, ...(last && { status: last.status }) },
      },
    );
  }
}
