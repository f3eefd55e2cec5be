import type { ExecutionJobs } from '../../store/index.js';
import { InProcessQueue, type ExecutionQueue, type TakeExecution } from './queue.js';

export interface PgBossQueueOptions {
  /** pg-boss on the store's database (store/execution-jobs.ts). */
  jobs: ExecutionJobs;
  /**
   * `none`: API only, every admission is a job for a worker; `own`: runs what it admits (`mcp`,
   * `run`); `worker`: that, and the jobs it fetches (`serve`, `worker`).
   */
  runs: 'none' | 'own' | 'worker';
  /** Executions this process runs at once. */
  concurrency?: number;
  /** The lease every process on the store holds what it runs for: a job checks back after it. */
  leaseMs: number;
}

/**
 * The execution queue on PostgreSQL (docs/executions.md, "Queue seam"). A pg-boss job is a
 * hand-out — "look at this execution" — and the store's lease stays the only claim. A worker that
 * fetches one takes the execution (dispatcher `take`: one conditional update) when nobody holds
 * it, and whatever it finds, leaves a job behind that checks again once the lease could have
 * ended. So every unfinished execution always has a job waiting: an admission nobody has fetched
 * yet, or the check after its holder's lease. A holder that lives renews its lease and the check
 * only leaves the next; one that died (SIGKILL) lets its lease end and the check takes the
 * execution over, resuming it from the store. Two processes never run it at once: the take is the
 * store's conditional update, whichever worker the job reached.
 */
export class PgBossQueue implements ExecutionQueue {
  readonly runsHere: boolean;
  readonly #jobs: ExecutionJobs;
  readonly #runs: PgBossQueueOptions['runs'];
  readonly #local: LocalRuns;
  /** When a check comes back: just after a lease taken now would end. */
  readonly #checkAfterSeconds: number;

  constructor(options: PgBossQueueOptions) {
    this.#jobs = options.jobs;
    this.#runs = options.runs;
    this.runsHere = options.runs !== 'none';
    this.#local = new LocalRuns(options.concurrency === undefined ? {} : { concurrency: options.concurrency });
    this.#checkAfterSeconds = options.leaseMs / 1000 + 1;
  }

  /**
   * An API-only process hands the execution to whichever worker fetches its job. Any other admitted
   * it as its own, leased (Dispatcher.admitAs), and runs it; the check the dispatcher then leaves
   * (`holding`) lets a worker take it over should this process die.
   */
  async enqueue(executionId: string): Promise<void> {
    if (!this.runsHere) return this.#jobs.send([executionId]);
    await this.#local.enqueue(executionId);
  }

  consume(worker: (executionId: string) => Promise<void>, _claim: (limit: number) => Promise<string[]>, take: TakeExecution): void {
    this.#local.consume(worker);
    if (this.#runs !== 'worker') return;
    void this.#jobs.work({
      take: async (executionId) => {
        // Full since the fetch (this process's own admissions took the slots): back in the queue, for a worker with room.
        if (!this.#local.hasRoom()) return this.#jobs.send([executionId]);
        // Left before the claim: should this process die between the two, the check still comes.
        const outcome = await take(executionId, () => this.#jobs.send([executionId], this.#checkAfterSeconds));
        if (outcome === 'taken') await this.#local.enqueue(executionId);
      },
      room: () => this.#local.room(),
      ready: () => this.#local.ready(),
    });
  }

  /**
   * At start, executions nobody holds are handed out rather than claimed here: each already has
   * a job (or gets one now, should its API process have died before sending it), and whichever
   * worker has room fetches it, so two workers starting together share them instead of one
   * queueing most of them behind its own slots while the other waits idle.
   */
  async handOut(executionIds: readonly string[]): Promise<void> {
    await this.#jobs.send(executionIds);
  }

  /**
   * After each renewal, and once for each execution this process admits or resumes, makes sure a
   * check waits for it (collapsing into the one already waiting): the chain of checks does not
   * depend on a worker that fetched one having lived long enough to leave the next.
   */
  async holding(executionIds: readonly string[]): Promise<void> {
    await this.#jobs.send(executionIds, this.#checkAfterSeconds);
  }

  async close(): Promise<void> {
    await this.#local.close();
    await this.#jobs.close();
  }
}

/** Runs on this process's engine, and tells the fetch loop when a slot is free. */
class LocalRuns extends InProcessQueue {
  #waiting: Array<() => void> = [];

  override consume(worker: (executionId: string) => Promise<void>): void {
    super.consume(async (executionId) => {
      try {
        await worker(executionId);
      } finally {
        // After p-limit has counted this run out.
        setImmediate(() => this.#wake());
      }
    });
  }

  hasRoom(): boolean {
    return this.room() > 0;
  }

  /** Slots free: `concurrency` less the runs running or waiting here. */
  room(): number {
    return this.limit.concurrency - this.limit.activeCount - this.limit.pendingCount;
  }

  /** Resolves once fewer than `concurrency` runs are running or waiting here (or on close). */
  ready(): Promise<void> {
    if (this.closed || this.hasRoom()) return Promise.resolve();
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  override async close(): Promise<void> {
    await super.close();
    this.#wake();
  }

  #wake(): void {
    if (!this.closed && this.room() <= 0) return;
    for (const resolve of this.#waiting.splice(0)) resolve();
  }
}
