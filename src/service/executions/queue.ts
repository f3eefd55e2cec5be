import pLimit from 'p-limit';

/**
 * What a look at one execution found (`take`): it has finished; another live process holds it;
 * or it was free — no owner, or a lease that had ended — and is now this process's.
 */
export type TakeOutcome = 'finished' | 'held' | 'taken';

/**
 * Takes one execution for this process if nobody holds it. `unfinished` is called once the
 * execution is known to be unfinished, before the claim: what must happen whoever wins it.
 */
export type TakeExecution = (executionId: string, unfinished: () => Promise<void>) => Promise<TakeOutcome>;

/**
 * Where accepted executions wait for a worker: the scale-out seam (docs/architecture.md). Only ids
 * travel: the execution is already stored QUEUED, so any worker on the same store can run it.
 * In-process is the default; on SQLite a worker process polls the store (StorePollQueue); on
 * PostgreSQL pg-boss hands the ids out (PgBossQueue).
 */
export interface ExecutionQueue {
  /**
   * Whether this process runs executions. False on an API-only process (`serve --no-worker`):
   * what it admits stays QUEUED with no owner, for a worker to claim.
   */
  readonly runsHere: boolean;
  /** Rejects only when the execution was not queued (an API-only queue's send failed). */
  enqueue(executionId: string): Promise<void>;
  /**
   * Sets this process's worker; it resolves when the execution it was given has finished.
   * `claim(n)` takes over, for this process and atomically, up to n executions nobody holds (no
   * owner, or a lease that has ended) and answers their ids: a queue that polls the store calls
   * it. `take` looks at one execution a hand-out of the queue's own names (PgBossQueue).
   */
  consume(worker: (executionId: string) => Promise<void>, claim: (limit: number) => Promise<string[]>, take: TakeExecution): void;
  /**
   * This process has just renewed its lease on these executions, which it runs, or queued one it
   * holds (`enqueue`): a queue with a hand-out of its own makes sure one will come back to them
   * should this process die.
   */
  holding?(executionIds: readonly string[]): Promise<void>;
  /**
   * A queue with a hand-out of its own hands out, at start, the executions nobody holds rather
   * than this process claiming them all (`resumeUnfinished`), so every worker takes its share.
   */
  handOut?(executionIds: readonly string[]): Promise<void>;
  /** Hands out nothing more; executions still waiting stay QUEUED in the store for the next start. */
  close(): Promise<void>;
}

/** At most this many executions run at once per process; the engine's limits bound their work. */
export const DEFAULT_RUNNING_EXECUTIONS = 200;

/** Runs what this process admits, and nothing else (tests, and the base of StorePollQueue). */
export class InProcessQueue implements ExecutionQueue {
  readonly runsHere = true;
  protected readonly limit: ReturnType<typeof pLimit>;
  protected worker: ((executionId: string) => Promise<void>) | undefined;
  protected closed = false;

  constructor(options: { concurrency?: number } = {}) {
    this.limit = pLimit(options.concurrency ?? DEFAULT_RUNNING_EXECUTIONS);
  }

  consume(worker: (executionId: string) => Promise<void>, _claim?: (limit: number) => Promise<string[]>): void {
    this.worker = worker;
  }

  async enqueue(executionId: string): Promise<void> {
    if (this.closed) return;
    // Not awaited: enqueueing returns at once; the worker reports its own failures.
    void this.limit(async () => {
      if (!this.closed && this.worker !== undefined) await this.worker(executionId);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.limit.clearQueue();
  }
}

/** `serve --no-worker`: admits, runs nothing; workers claim what it admits from the store. */
export class ApiOnlyQueue implements ExecutionQueue {
  readonly runsHere = false;
  async enqueue(): Promise<void> {}
  consume(): void {}
  async close(): Promise<void> {}
}
