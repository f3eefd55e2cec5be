import { setTimeout as sleep } from 'node:timers/promises';
import { FINISHED_EXECUTION_STATUSES } from '../engine/index.js';
import type { PollView } from '../service/index.js';
import type { Backend } from './backend.js';

const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 1000;
const GROWTH = 1.5;

export interface WaitOptions {
  backend: Backend;
  executionId: string;
  /** Give up (resolving with the last poll) after this long; default: wait until it finishes. */
  seconds?: number;
  signal?: AbortSignal;
  onPoll: (view: PollView) => Promise<void> | void;
}

/**
 * Polls until the execution finishes or `seconds` pass, with a short backoff (polls are cheap
 * reads of stored state). Resolves with the last poll; rejects on abort.
 */
export async function waitForExecution({ backend, executionId, seconds = Infinity, signal, onPoll }: WaitOptions): Promise<PollView> {
  const deadline = Date.now() + seconds * 1000;
  const options = signal === undefined ? {} : { signal };
  let delay = FIRST_DELAY_MS;
  let view = await backend.pollExecution(executionId, options);
  await onPoll(view);
  while (!FINISHED_EXECUTION_STATUSES.has(view.status) && Date.now() < deadline) {
    await sleep(Math.max(0, Math.min(delay, deadline - Date.now())), undefined, options);
    delay = Math.min(delay * GROWTH, MAX_DELAY_MS);
    view = await backend.pollExecution(executionId, options);
    await onPoll(view);
  }
  return view;
}
