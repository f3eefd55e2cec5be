import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { paidChain, useExecHarness } from './harness.js';

const h = useExecHarness();

describe('several processes on one home', () => {
  it('never resumes an execution another live process is running; takes it over once that process is gone', async () => {
    const { admin, store, workflow, sibling, probe, finished } = h();
    const workflowId = await workflow(paidChain());
    const first = await sibling({ shutdownGraceMs: 50 });
    probe.gated = true;
    const { executionId } = await first.services.executions.execute(admin, workflowId, {});
    while (!probe.isWaiting(executionId, 'a')) await new Promise((resolve) => setTimeout(resolve, 5));

    const second = await sibling();
    expect(await second.services.executions.resumeUnfinished()).toBe(0);
    expect(probe.count('a')).toBe(1);

    await first.services.executions.shutdown();
    probe.gated = false;
    expect(await second.services.executions.resumeUnfinished()).toBe(1);
    expect(await finished(executionId)).toBe('COMPLETED');
    probe.open();
    expect(probe.count('a')).toBe(2);
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(1000 - 12);
  });

  it('resumes what a dead process left, and leaves what a live one holds', async () => {
    const { admin, store, workflow, sibling } = h();
    const workflowId = await workflow(paidChain());
    const base = { accountId: admin.accountId, workflowId, workflowVersion: 1, inputs: {}, options: {}, trigger: 'execute' as const };
    const dead = `${hostname()}/2147483646/gone`;
    const alive = `${hostname()}/${process.ppid}/parent`;
    await store.executions.create('exec_dead', { ...base, owner: dead }, []);
    await store.executions.create('exec_alive', { ...base, owner: alive }, []);
    const restarted = await sibling();
    expect(await restarted.services.executions.resumeUnfinished()).toBe(1);
    expect((await store.executions.load('exec_dead'))?.owner).not.toBe(dead);
    expect((await store.executions.load('exec_alive'))?.owner).toBe(alive);
  });
});
