import { DEFAULT_CLAIM_POLL_MS } from './lease.js';
import { InProcessQueue } from './queue.js';

/**
 * A worker's queue on a store with no queue of its own (SQLite, and PostgreSQL until a queue
 * library replaces this poll): it runs what this process admits at once, and every `pollMs`, while
 * it has room, claims from the store executions nobody holds — QUEUED by an API-only process, or
 * left by a process whose lease ended — one conditional update each, so no two workers take one.
 */
export class StorePollQueue extends InProcessQueue {
  readonly #pollMs: number;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: { concurrency?: number; pollMs?: number } = {}) {
    super(options);
    this.#pollMs = options.pollMs ?? DEFAULT_CLAIM_POLL_MS;
  }

  override consume(worker: (executionId: string) => Promise<void>, claim: (limit: number) => Promise<string[]>): void {
    super.consume(worker);
    const tick = async () => {
      const room = this.limit.concurrency - this.limit.activeCount - this.limit.pendingCount;
      try {
        if (room > 0 && !this.closed) for (const id of await claim(room)) await this.enqueue(id);
      } catch {
        // The store is busy or failing: the next tick asks again.
      }
      // One tick at a time; the timer never keeps a process alive on its own.
      if (!this.closed) this.#timer = setTimeout(() => void tick(), this.#pollMs).unref();
    };
    this.#timer = setTimeout(() => void tick(), 0).unref();
  }

  override async close(): Promise<void> {
    clearTimeout(this.#timer);
    await super.close();
  }
}
