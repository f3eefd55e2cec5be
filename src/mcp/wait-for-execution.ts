import { setTimeout as sleep } from 'node:timers/promises';
import { type Backend, FINISHED_EXECUTION_STATUSES, type PollView } from '../backend/index.js';

const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 1000;
const GROWTH = 1.5;

export interface WaitOptions {
  backend: Backend;
  executionId: string;
  seconds: number;
  signal: AbortSignal;
  onPoll: (view: PollView) => Promise<void>;
}

/**
 * Polls until the execution finishes or `seconds` pass, with a short backoff (polls are cheap
 * reads of stored state). Resolves with the last poll; rejects on abort.
 */
export async function waitForExecution({ backend, executionId, seconds, signal, onPoll }: WaitOptions): Promise<PollView> {
  const deadline = Date.now() + seconds * 1000;
  let delay = FIRST_DELAY_MS;
  let view = await backend.pollExecution(executionId, { signal });
  await onPoll(view);
  while (!FINISHED_EXECUTION_STATUSES.has(view.status) && Date.now() < deadline) {
    await sleep(Math.max(0, Math.min(delay, deadline - Date.now())), undefined, { signal });
    delay = Math.min(delay * GROWTH, MAX_DELAY_MS);
    view = await backend.pollExecution(executionId, { signal });
    await onPoll(view);
  }
  return view;
}
