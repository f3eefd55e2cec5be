import { poll } from '../net/index.js';
import { FINISHED_EXECUTION_STATUSES } from '../service/index.js';
import type { PollView } from '../service/index.js';
import type { Backend } from './backend.js';

/** Polls are cheap reads of stored state: a short backoff. */
const BACKOFF = { initialDelayMs: 100, factor: 1.5, maxDelayMs: 1000 };

export interface WaitForExecutionOptions {
  backend: Backend;
  executionId: string;
  /** Give up (resolving with the last poll) after this long; default: wait until it finishes. */
  seconds?: number;
  signal?: AbortSignal;
  onPoll: (view: PollView) => Promise<void> | void;
}

/** Polls until the execution finishes or `seconds` pass. Resolves with the last poll; rejects on abort. */
export function waitForExecution({ backend, executionId, seconds = Infinity, signal, onPoll }: WaitForExecutionOptions): Promise<PollView> {
  const options = signal === undefined ? {} : { signal };
  return poll({
    check: () => backend.pollExecution(executionId, options),
    done: (view) => FINISHED_EXECUTION_STATUSES.has(view.status),
    backoff: BACKOFF,
    ...options,
    deadlineMs: seconds * 1000,
    onPoll,
  });
}
