import type { Store } from '../../store/index.js';
import type { CancelFeed } from './cancel-feed.js';

/** Well inside the 2 s a cancel has to take effect in, and one cheap query per tick at most. */
export const CANCEL_POLL_MS = 500;

/**
 * The cancel feed of a store with no notifications (SQLite): every `intervalMs`, one query asks
 * which of the executions this process runs have ended in the store — whoever ended them — and
 * none at all while it runs nothing. The cancelling process has nothing to send: the CANCELLED
 * row is the message.
 */
export class StorePollCancelFeed implements CancelFeed {
  readonly #store: Pick<Store, 'executions'>;
  readonly #intervalMs: number;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(options: { store: Pick<Store, 'executions'>; intervalMs?: number }) {
    this.#store = options.store;
    this.#intervalMs = options.intervalMs ?? CANCEL_POLL_MS;
  }

  watch(running: () => readonly string[], onEnded: (executionId: string) => void): void {
    const tick = async () => {
      const ids = running();
      try {
        if (ids.length > 0) for (const id of await this.#store.executions.endedAmong(ids)) onEnded(id);
      } catch {
        // The store is busy or failing: the next tick asks again, and the run's own writes fail loudly.
      }
      this.#schedule(tick);
    };
    this.#schedule(tick);
  }

  async announce(): Promise<void> {}

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
  }

  #schedule(tick: () => Promise<void>): void {
    // One tick at a time (never two queries in flight); the timer never keeps a process alive.
    if (!this.#closed) this.#timer = setTimeout(() => void tick(), this.#intervalMs).unref();
  }
}
