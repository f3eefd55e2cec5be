import pLimit from 'p-limit';

/**
 * Where accepted executions wait for a worker: the scale-out seam (docs/architecture.md). Only ids travel:
 * the execution is already stored QUEUED, so any worker on the same store can run it. The
 * in-process queue is the default; a PostgreSQL-backed one (pg-boss) would replace it.
 */
export interface ExecutionQueue {
  enqueue(executionId: string): Promise<void>;
  /** Sets this process's worker; it resolves when the execution it was given has finished. */
  consume(worker: (executionId: string) => Promise<void>): void;
  /** Hands out nothing more; executions still waiting stay QUEUED in the store for the next start. */
  close(): Promise<void>;
}

/** At most this many executions run at once per process; the engine's limits bound their work. */
const DEFAULT_RUNNING_EXECUTIONS = 200;

export class InProcessQueue implements ExecutionQueue {
  readonly #limit: ReturnType<typeof pLimit>;
  #worker: ((executionId: string) => Promise<void>) | undefined;
  #closed = false;

  constructor(options: { concurrency?: number } = {}) {
    this.#limit = pLimit(options.concurrency ?? DEFAULT_RUNNING_EXECUTIONS);
  }

  consume(worker: (executionId: string) => Promise<void>): void {
    this.#worker = worker;
  }

  async enqueue(executionId: string): Promise<void> {
    if (this.#closed) return;
    // Not awaited: enqueueing returns at once; the worker reports its own failures.
    void this.#limit(async () => {
      if (!this.#closed && this.#worker !== undefined) await this.#worker(executionId);
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#limit.clearQueue();
  }
}
