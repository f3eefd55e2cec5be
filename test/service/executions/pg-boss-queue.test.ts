import { describe, expect, it } from 'vitest';
import { PgBossQueue } from '../../../src/service/index.js';
import type { ExecutionJobs, JobTaker } from '../../../src/store/index.js';
import { paidChain, useExecHarness } from './harness.js';

const h = useExecHarness();
const LEASE_MS = 30_000;

/** pg-boss as the queue sees it: waiting jobs, one per execution, due now or after a delay. */
class FakeJobs implements ExecutionJobs {
  readonly waiting = new Map<string, 'now' | 'later'>();
  #taker: JobTaker | undefined;

  async send(executionIds: readonly string[], afterSeconds = 0): Promise<void> {
    // The `short` policy: while a job for the execution waits, another is not added.
    for (const id of executionIds) if (!this.waiting.has(id)) this.waiting.set(id, afterSeconds > 0 ? 'later' : 'now');
  }

  async work(taker: JobTaker): Promise<void> {
    this.#taker = taker;
  }

  /** Hands each job due (`now`, or every one once their time has come) to the worker, as its fetch loop would. */
  async deliver(due: 'now' | 'all' = 'now'): Promise<string[]> {
    const fetched = [...this.waiting].filter(([, when]) => due === 'all' || when === 'now').map(([id]) => id);
    for (const id of fetched) {
      this.waiting.delete(id);
      await this.#taker!.ready();
      await this.#taker!.take(id);
    }
    return fetched;
  }

  async close(): Promise<void> {}
}

/** An execution an API-only process admitted: QUEUED, nobody's, its job waiting. */
async function admittedByApi(): Promise<{ jobs: FakeJobs; executionId: string }> {
  const { admin, workflow, sibling } = h();
  const workflowId = await workflow(paidChain());
  const jobs = new FakeJobs();
  const api = await sibling({ queue: new PgBossQueue({ jobs, runs: 'none', leaseMs: LEASE_MS }) });
  const { executionId } = await api.services.executions.execute(admin, workflowId, {});
  return { jobs, executionId };
}

describe('PgBossQueue: pg-boss hands out, the store lease decides', () => {
  it('an API-only process sends a job per admission; the worker that gets it runs it and leaves a check, which then finds it finished', async () => {
    const { store, sibling, finished } = h();
    const { jobs, executionId } = await admittedByApi();
    expect(jobs.waiting.get(executionId)).toBe('now');
    expect(await store.executions.load(executionId)).toMatchObject({ status: 'QUEUED', owner: null });

    await sibling({ queue: new PgBossQueue({ jobs, runs: 'worker', leaseMs: LEASE_MS }) });
    expect(await jobs.deliver()).toEqual([executionId]);
    expect(await finished(executionId)).toBe('COMPLETED');
    expect(jobs.waiting.get(executionId)).toBe('later');
    expect(await jobs.deliver('all')).toEqual([executionId]);
    expect(jobs.waiting.size).toBe(0);
  });

  it('leaves an execution another live process holds to it, with a check; once that lease ends, the check takes it over', async () => {
    const { admin, store, clock, workflow, sibling, finished, probe } = h();
    const workflowId = await workflow(paidChain());
    const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
    const base = { accountId: admin.accountId, workflowId, workflowVersion: 1, inputs: {}, options: {}, trigger: 'execute' as const };
    await store.executions.create('exec_held', { ...base, owner: 'elsewhere/1/a', leaseUntil: at(LEASE_MS) }, []);
    const jobs = new FakeJobs();
    await sibling({ queue: new PgBossQueue({ jobs, runs: 'worker', leaseMs: LEASE_MS }) });
    await jobs.send(['exec_held']);

    await jobs.deliver();
    expect(await store.executions.load('exec_held')).toMatchObject({ status: 'QUEUED', owner: 'elsewhere/1/a' });
    expect(jobs.waiting.get('exec_held')).toBe('later');
    expect(probe.calls).toEqual([]);

    clock.advance(LEASE_MS + 1);
    await jobs.deliver('all');
    expect(await finished('exec_held')).toBe('COMPLETED');
    expect((await store.executions.load('exec_held'))?.owner).not.toBe('elsewhere/1/a');
  });

  it('at start, a worker hands out the executions nobody holds instead of claiming them, so workers starting together share them', async () => {
    const { store, sibling, finished } = h();
    const { jobs, executionId } = await admittedByApi();
    // As if the API process had died between its commit and its send: no job waits.
    jobs.waiting.clear();

    const worker = await sibling({ queue: new PgBossQueue({ jobs, runs: 'worker', leaseMs: LEASE_MS }) });
    expect(await worker.services.executions.resumeUnfinished()).toBe(0);
    expect(await store.executions.load(executionId)).toMatchObject({ status: 'QUEUED', owner: null });
    expect(jobs.waiting.get(executionId)).toBe('now');
    expect(await jobs.deliver()).toEqual([executionId]);
    expect(await finished(executionId)).toBe('COMPLETED');
  });

  it('a process that runs what it admits runs it at once and leaves a check for a worker, should it die', async () => {
    const { admin, workflow, sibling, finished } = h();
    const workflowId = await workflow(paidChain());
    const jobs = new FakeJobs();
    const own = await sibling({ queue: new PgBossQueue({ jobs, runs: 'own', leaseMs: LEASE_MS }) });
    const { executionId } = await own.services.executions.execute(admin, workflowId, {});
    expect(await finished(executionId)).toBe('COMPLETED');
    expect(jobs.waiting.get(executionId)).toBe('later');
  });
});
