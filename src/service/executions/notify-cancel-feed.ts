import type { CancelNotices, Store } from '../../store/index.js';
import type { CancelFeed } from './cancel-feed.js';
import { StorePollCancelFeed } from './store-poll-cancel-feed.js';

/**
 * The store poll behind the notifications: it finds a cancel whose NOTIFY was lost (the listening
 * connection was down), so it can be slow.
 */
export const SAFETY_NET_POLL_MS = 5_000;

/**
 * The cancel feed on PostgreSQL: the cancelling process NOTIFYs after its cancel committed, and a
 * process that runs executions LISTENs and aborts the one named at once; the store poll stays
 * underneath, at a slower pace, for what a lost connection missed (store/cancel-notices.ts).
 */
export class NotifyCancelFeed implements CancelFeed {
  readonly #notices: CancelNotices;
  readonly #listens: boolean;
  readonly #poll: StorePollCancelFeed;

  /** `listens`: whether this process runs executions (an API-only process only announces). */
  constructor(options: { notices: CancelNotices; store: Pick<Store, 'executions'>; listens: boolean; pollMs?: number }) {
    this.#notices = options.notices;
    this.#listens = options.listens;
    this.#poll = new StorePollCancelFeed({ store: options.store, intervalMs: options.pollMs ?? SAFETY_NET_POLL_MS });
  }

  watch(running: () => readonly string[], onEnded: (executionId: string) => void): void {
    if (!this.#listens) return;
    this.#poll.watch(running, onEnded);
    this.#notices.listen((executionId) => {
      if (running().includes(executionId)) onEnded(executionId);
    });
  }

  async announce(executionId: string): Promise<void> {
    try {
      await this.#notices.announce(executionId);
    } catch {
      // The cancel is recorded; without the news, the holder's store poll finds it a little later.
    }
  }

  async close(): Promise<void> {
    await this.#poll.close();
    await this.#notices.close();
  }
}
