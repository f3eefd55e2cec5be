import { type Backend, type ExecutionEvent, eventStreamUnavailable, FINISHED_EXECUTION_STATUSES, type PollView } from '../../backend/index.js';
import { isPipewrightError } from '../../errors/index.js';
import type { ChangeFeed, OnChange } from './change-feed.js';
import { executionIdOf } from './watchable.js';

export interface EventFeedOptions {
  backend: Backend;
  onChange: OnChange;
  onError?: (error: unknown) => void;
  /** Watches everything else (workflows), and an execution whose server has no event stream. */
  polling: ChangeFeed;
}

/**
 * Execution resources watched by their event stream (docs/events.md): an event that moves the run
 * past what a read at subscribe time showed is a change, told as it is written rather than found
 * by a poll of the whole execution; after the run's final event the watch ends. The stream starts
 * with the run's past (a replay), which moves nothing forward and so tells nothing. Events that
 * come while a notification is being sent make one more, not one each. Other URIs go to `polling`.
 */
export function createEventFeed({ backend, onChange, onError, polling }: EventFeedOptions): ChangeFeed {
  const watches = new Map<string, AbortController>();
  const following = new Set<Promise<void>>();
  /** Ends a watch's claim unless an unwatch and a new watch have replaced it since. */
  const release = (uri: string, stop: AbortController) => {
    if (watches.get(uri) === stop) watches.delete(uri);
  };

  async function follow(uri: string, executionId: string, seen: RunProgress, stop: AbortController): Promise<void> {
    const notify = coalesced(() => onChange(uri));
    try {
      for await (const event of backend.executionEvents(executionId, { signal: stop.signal })) if (seen.advance(event)) notify.now();
    } catch (error) {
      if (stop.signal.aborted) return;
      if (eventStreamUnavailable(error)) {
        release(uri, stop);
        return void (await polling.watch(uri).catch((failed: unknown) => onError?.(failed)));
      }
      // Gone (not_found) is the last change there is to tell; anything else is a fault to report.
      if (isPipewrightError(error) && error.code === 'not_found') notify.now();
      else onError?.(error);
    } finally {
      await notify.settled();
      release(uri, stop);
    }
  }

  return {
    async watch(uri) {
      const executionId = executionIdOf(uri);
      if (executionId === undefined) return polling.watch(uri);
      if (watches.has(uri)) return;
      // Claimed before the read, so a second subscribe meanwhile starts no second follow, and an
      // unsubscribe meanwhile (which aborts the claim) leaves none running.
      const stop = new AbortController();
      watches.set(uri, stop);
      // Refused now, as a poll would be, when it is not the caller's to see; one that has ended will not change.
      const view = await backend.pollExecution(executionId).catch((error: unknown) => {
        release(uri, stop);
        throw error;
      });
      if (stop.signal.aborted) return;
      if (FINISHED_EXECUTION_STATUSES.has(view.status)) return release(uri, stop);
      const followed = follow(uri, executionId, new RunProgress(view), stop);
      following.add(followed);
      void followed.finally(() => following.delete(followed));
    },
    unwatch(uri) {
      watches.get(uri)?.abort();
      watches.delete(uri);
      polling.unwatch(uri);
    },
    async close() {
      for (const stop of watches.values()) stop.abort();
      watches.clear();
      await Promise.all([...following]);
      await polling.close();
    },
  };
}

/** Where a node stands: RUNNING past PENDING, an end past RUNNING. A status never moves back. */
const RUNNING_RANK = 1;
const rankOf = (status: unknown): number => (status === 'PENDING' ? 0 : status === 'RUNNING' ? RUNNING_RANK : 2);

/** How far the run has got, as a subscriber last saw it: each node's rank and progress, and whether it ended. */
class RunProgress {
  readonly #nodes = new Map<string, { rank: number; progress: number }>();
  #ended = false;

  constructor(view: PollView) {
    for (const node of view.nodeStates) this.#nodes.set(node.nodeId, { rank: rankOf(node.status), progress: node.progress ?? 0 });
  }

  /** Whether `event` takes the run further than seen so far (and records it): only then would a read return something new. */
  advance(event: ExecutionEvent): boolean {
    if (event.type.startsWith('execution.')) return this.#ended ? false : (this.#ended = true);
    const { nodeId, status, progress } = event.data as { nodeId: string; status: string; progress?: number };
    const known = this.#nodes.get(nodeId) ?? { rank: 0, progress: 0 };
    const next = { rank: rankOf(status), progress: progress ?? known.progress };
    const further = next.rank > known.rank || (next.rank === RUNNING_RANK && known.rank === RUNNING_RANK && next.progress > known.progress);
    if (further) this.#nodes.set(nodeId, next);
    return further;
  }
}

/** At most one `send` at a time; calls while one is under way make exactly one more. */
function coalesced(send: () => Promise<void>) {
  let running: Promise<void> | undefined;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      await send();
    } while (again);
    running = undefined;
  };
  return {
    now(): void {
      if (running !== undefined) again = true;
      else running = loop();
    },
    settled: () => running ?? Promise.resolve(),
  };
}
