import { isPipewrightError } from '../../errors/index.js';
import type { ChangeFeed, OnChange } from './change-feed.js';
import type { Watchable } from './watchable.js';

interface Watch {
  watched: Watchable;
  version: string;
  final: boolean;
  dueAt: number;
}

export interface PollingFeedOptions {
  /** What `uri` is and how to read it; throws for a URI that cannot be watched. */
  watchable(uri: string): Watchable;
  onChange: OnChange;
  /** A failed check other than not_found (the store busy, the network down): the watch stays and looks again next time. */
  onError?: (error: unknown) => void;
}

/**
 * The change feed as one loop per session over the watched resources only: each is read when its
 * interval has passed, one after another, and the loop sleeps while nothing is watched.
 */
export function createPollingFeed({ watchable, onChange, onError }: PollingFeedOptions): ChangeFeed {
  const watches = new Map<string, Watch>();
  let timer: NodeJS.Timeout | undefined;
  let checking: Promise<void> | undefined;
  let closed = false;

  function schedule(): void {
    if (closed || timer !== undefined || checking !== undefined || watches.size === 0) return;
    const next = Math.min(...[...watches.values()].map((watch) => watch.dueAt));
    timer = setTimeout(
      () => {
        timer = undefined;
        checking = checkDue().finally(() => {
          checking = undefined;
          schedule();
        });
      },
      Math.max(0, next - Date.now()),
    );
    // The session's transport decides when the process ends, not a pending check.
    timer.unref();
  }

  async function checkDue(): Promise<void> {
    for (const [uri, watch] of watches) {
      if (closed) return;
      if (watch.dueAt > Date.now()) continue;
      await check(uri, watch);
      watch.dueAt = Date.now() + watch.watched.intervalMs;
    }
  }

  async function check(uri: string, watch: Watch): Promise<void> {
    let changed: boolean;
    try {
      const state = await watch.watched.state();
      changed = state.version !== watch.version || state.final;
      Object.assign(watch, state);
    } catch (error) {
      // Gone (a deleted workflow): readers now get not_found, which is the last change to tell.
      if (!isPipewrightError(error) || error.code !== 'not_found') return void onError?.(error);
      changed = true;
      watch.final = true;
    }
    // Unsubscribed (or closed) while the check was under way: say nothing more.
    if (!changed || watches.get(uri) !== watch || closed) return;
    if (watch.final) watches.delete(uri);
    await onChange(uri);
  }

  return {
    async watch(uri) {
      const watched = watchable(uri);
      const state = await watched.state();
      if (!watches.has(uri)) watches.set(uri, { watched, ...state, dueAt: Date.now() + watched.intervalMs });
      schedule();
    },
    unwatch(uri) {
      watches.delete(uri);
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      watches.clear();
      await checking;
    },
  };
}
