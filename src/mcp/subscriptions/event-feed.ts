import { type Backend, eventStreamUnavailable } from '../../backend/index.js';
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
 * Execution resources watched by their event stream (docs/events.md): each event the run writes
 * is a change, told as it is written rather than found by a poll of the whole execution; after the
 * run's final event the watch ends. Events that come while a notification is being sent make one
 * more, not one each (a replay of a finished run's events is a burst). Other URIs go to `polling`.
 */
export function createEventFeed({ backend, onChange, onError, polling }: EventFeedOptions): ChangeFeed {
  const watches = new Map<string, AbortController>();
  const following = new Set<Promise<void>>();

  async function follow(uri: string, executionId: string, stop: AbortController): Promise<void> {
    const notify = coalesced(() => onChange(uri));
    try {
      for await (const _event of backend.executionEvents(executionId, { signal: stop.signal })) notify.now();
    } catch (error) {
      if (stop.signal.aborted) return;
      if (eventStreamUnavailable(error)) {
        watches.delete(uri);
        return void (await polling.watch(uri).catch((failed: unknown) => onError?.(failed)));
      }
      // Gone (not_found) is the last change there is to tell; anything else is a fault to report.
      if (isPipewrightError(error) && error.code === 'not_found') notify.now();
      else onError?.(error);
    } finally {
      await notify.settled();
      if (watches.get(uri) === stop) watches.delete(uri);
    }
  }

  return {
    async watch(uri) {
      const executionId = executionIdOf(uri);
      if (executionId === undefined) return polling.watch(uri);
      if (watches.has(uri)) return;
      // Refused now, as a poll would be, when it is not the caller's to see.
      await backend.pollExecution(executionId);
      const stop = new AbortController();
      watches.set(uri, stop);
      const followed = follow(uri, executionId, stop);
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
