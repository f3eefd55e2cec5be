import { describe, expect, it } from 'vitest';
import { PgBossQueue, StorePollQueue } from '../../../src/service/index.js';
import type { ExecutionJobs, JobTaker } from '../../../src/store/index.js';
import { paidChain, until, useExecHarness } from './harness.js';

const h = useExecHarness();
/** Short, on real timers: the periodic hand-out and renewals come every few milliseconds. */
const LEASE = { ttlMs: 50, renewMs: 10 };

/** pg-boss whose next `failures` sends fail, as on a database blip; the rest wait as jobs until delivered. */
class FlakyJobs implements ExecutionJobs {
  readonly waiting = new Set<string>();
  #taker: JobTaker | undefined;

  constructor(public failures = 0) {}

  async send(executionIds: readonly string[]): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('connection terminated');
    }
    for (const id of executionIds) this.waiting.add(id);
  }

  async work(taker: JobTaker): Promise<void> {
    this.#taker = taker;
  }

  /** Hands every waiting job to the worker, as its fetch loop would. */
  async deliver(): Promise<void> {
    for (const id of [...this.waiting]) {
      this.waiting.delete(id);
      await this.#taker!.ready();
      await this.#taker!.take(id);
    }
  }

  async close(): Promise<void> {}
}

/** A worker's queue on SQLite whose next enqueue fails. */
class FlakyPollQueue extends StorePollQueue {
  failNext = true;
  polls = 0;

  override consume(worker: (executionId: string) => Promise<void>, claim: (limit: number) => Promise<string[]>): void {
    super.consume(worker, (limit) => {
      this.polls++;
      return claim(limit);
    });
  }

  override async enqueue(executionId: string): Promise<void> {
    if (!this.failNext) return super.enqueue(executionId);
    this.failNext = false;
    throw new Error('queue refused');
  }
}

describe('the hand-off after an admission commits', () => {
  it('an API-only process whose send fails still admits every run of a batch; the failure is logged, and a worker hands it out and runs it without restarting', async () => {
    const { admin, workflow, sibling, finished } = h();
    const workflowId = await workflow(paidChain());
    const jobs = new FlakyJobs();
    await sibling({ queue: new PgBossQueue({ jobs, runs: 'worker', leaseMs: LEASE.ttlMs }), lease: LEASE });
    const logged: string[] = [];
    const api = await sibling({
      queue: new PgBossQueue({ jobs, runs: 'none', leaseMs: LEASE.ttlMs }),
      onExecutionError: (_error, executionId) => void logged.push(executionId),
    });

    jobs.failures = 1;
    const batch = await api.services.executions.run(admin, workflowId, { inputs: [{}, {}, {}] });
    const ids = batch.executionRuns!.map((run) => run.id);
    expect(logged).toEqual([ids[0]]);
    expect([...jobs.waiting].sort()).toEqual(ids.slice(1).sort());

    await until(() => jobs.waiting.has(ids[0]!));
    await jobs.deliver();
    for (const id of ids) expect(await finished(id)).toBe('COMPLETED');
  });

  it('a process that runs what it admits runs it at once though the send of its check failed', async () => {
    const { admin, workflow, sibling, finished } = h();
    const workflowId = await workflow(paidChain());
    const jobs = new FlakyJobs(1);
    const serve = await sibling({ queue: new PgBossQueue({ jobs, runs: 'worker', leaseMs: LEASE.ttlMs }), lease: LEASE, onExecutionError: () => {} });
    const { executionId } = await serve.services.executions.execute(admin, workflowId, {});
    expect(await finished(executionId)).toBe('COMPLETED');
  });

  it('renews only what it holds: an execution leased to it that never reached its queue lets its lease end, and is claimed and run', async () => {
    const { admin, clock, workflow, sibling, finished } = h();
    const workflowId = await workflow(paidChain());
    // Renewals come far more often than claims: a lease renewed after the clock moved is never claimable.
    const queue = new FlakyPollQueue({ pollMs: 200 });
    const serve = await sibling({ queue, lease: { ttlMs: 1_000, renewMs: 10 }, onExecutionError: () => {} });
    // Just after a poll: many renewals come before the next.
    await until(() => queue.polls > 0);
    const { executionId } = await serve.services.executions.execute(admin, workflowId, {});
    clock.advance(2_000);
    expect(await finished(executionId)).toBe('COMPLETED');
  });
});
