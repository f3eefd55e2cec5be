import { FINISHED_EXECUTION_STATUSES, type ExecutionStatus } from '../../engine/index.js';
import type { Principal } from '../principal.js';
import { type ExecutionEvent, FINAL_EVENT_TYPES } from '../wire/index.js';
import { type ExecutionDeps, loadExecution } from './deps.js';

/** Events read per store query. */
const PAGE = 100;
/**
 * How often a stream looks in the store when nothing it heard of woke it: the writer may be
 * another process (a worker, another `serve`), whose writes this one cannot hear.
 */
const EVENTS_POLL_MS = 250;

export interface FollowOptions {
  /** Resume after this event id (0: from the first). */
  after: number;
  /** Ends the stream (the client went away). */
  signal: AbortSignal;
}

/**
 * One of the caller's executions as its events happen, from the store (docs/events.md "The event
 * stream (SSE)"): every event after `after`, in id order, each once; it ends after the event that
 * ends the run, or at once for a run that had finished when asked (replayed whole). Another
 * account's execution is `not_found`, thrown before anything is streamed.
 */
export async function followEvents(
  deps: ExecutionDeps,
  principal: Principal,
  executionId: string,
  options: FollowOptions,
): Promise<AsyncIterable<ExecutionEvent>> {
  const record = await loadExecution(deps, principal.accountId, executionId);
  // A run that ended before events were kept (migration 0010) has no final event: its replay ends with what there is.
  const finished = FINISHED_EXECUTION_STATUSES.has(record.status as ExecutionStatus);
  return follow(deps, executionId, finished, options);
}

async function* follow(deps: ExecutionDeps, executionId: string, finished: boolean, options: FollowOptions): AsyncGenerator<ExecutionEvent> {
  const { signal } = options;
  const wake = new Wake(signal);
  const stop = deps.store.executions.onEvents((id) => {
    if (id === executionId) wake.ring();
  });
  let last = options.after;
  try {
    while (!signal.aborted) {
      wake.reset();
      const page = await deps.store.executions.events(executionId, last, PAGE);
      for (const event of page) {
        last = event.id;
        yield { id: event.id, type: event.type as ExecutionEvent['type'], data: event.data };
        if (FINAL_EVENT_TYPES.has(event.type)) return;
      }
      if (page.length === PAGE) continue;
      if (finished) return;
      await wake.wait(EVENTS_POLL_MS);
    }
  } finally {
    stop();
    wake.close();
  }
}

/** Sleeps until rung, the time passes or the signal aborts; a ring while awake is kept for the next wait. */
class Wake {
  #rung = false;
  #resolve: (() => void) | undefined;
  #timer: NodeJS.Timeout | undefined;
  readonly #onAbort = () => this.#resolve?.();

  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener('abort', this.#onAbort);
  }

  ring(): void {
    this.#rung = true;
    this.#resolve?.();
  }

  reset(): void {
    this.#rung = false;
  }

  wait(ms: number): Promise<void> {
    if (this.#rung || this.signal.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.#resolve = resolve;
      this.#timer = setTimeout(resolve, ms);
    }).finally(() => {
      clearTimeout(this.#timer);
      this.#resolve = undefined;
    });
  }

  close(): void {
    clearTimeout(this.#timer);
    this.signal.removeEventListener('abort', this.#onAbort);
  }
}
