import { describe, expect, it } from 'vitest';
import { ApiOnlyQueue, StorePollQueue } from '../../../src/service/index.js';
import { paidChain, until, useExecHarness } from './harness.js';

const h = useExecHarness();

/** A worker that asks the store for work every 10 ms. */
const worker = () => ({ queue: new StorePollQueue({ pollMs: 10 }) });

describe('leases, API-only processes and workers', () => {
  it('an API-only process admits QUEUED with no owner and runs nothing; a worker claims it and runs it', async () => {
    const { admin, store, workflow, sibling, finished } = h();
    const workflowId = await workflow(paidChain());
    const api = await sibling({ queue: new ApiOnlyQueue() });
    const { executionId } = await api.services.executions.execute(admin, workflowId, {});
    expect(await store.executions.load(executionId)).toMatchObject({ status: 'QUEUED', owner: null });
    expect(await api.services.executions.resumeUnfinished()).toBe(0);

    await sibling(worker());
    expect(await finished(executionId)).toBe('COMPLETED');
    expect((await store.executions.load(executionId))?.owner).not.toBeNull();
  });

  it('takes over an execution whose lease ended, from any host, and leaves one still leased until its lease ends', async () => {
    const { admin, store, clock, workflow, sibling, finished } = h();
    const workflowId = await workflow(paidChain());
    const base = { accountId: admin.accountId, workflowId, workflowVersion: 1, inputs: {}, options: {}, trigger: 'execute' as const };
    const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
    await store.executions.create('exec_ended', { ...base, owner: 'elsewhere/1/a', leaseUntil: at(-1) }, []);
    await store.executions.create('exec_leased', { ...base, owner: 'elsewhere/2/b', leaseUntil: at(30_000) }, []);

    await sibling(worker());
    expect(await finished('exec_ended')).toBe('COMPLETED');
    expect(await store.executions.load('exec_leased')).toMatchObject({ status: 'QUEUED', owner: 'elsewhere/2/b' });

    clock.advance(30_001);
    expect(await finished('exec_leased')).toBe('COMPLETED');
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(1000 - 2 * 12);
  });

  it('renews the lease of what it runs, so nobody may claim it while it lives', async () => {
    const { admin, store, clock, workflow, sibling, probe } = h();
    const workflowId = await workflow(paidChain());
    const holder = await sibling({ ...worker(), lease: { ttlMs: 1_000, renewMs: 10 } });
    probe.gated = true;
    const { executionId } = await holder.services.executions.execute(admin, workflowId, {});
    await until(() => probe.isWaiting(executionId, 'a'));

    clock.advance(5_000);
    const claimable = async () => (await store.executions.claimable(clock.now().toISOString(), 10)).map((record) => record.id);
    await until(async () => (await claimable()).length === 0);
    probe.open();
  });
});
