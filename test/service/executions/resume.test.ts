import { describe, expect, it } from 'vitest';
import { nodeRow, paidChain, useExecHarness } from './harness.js';

const h = useExecHarness();

describe('resume after a crash', () => {
  it('completes what a dead process left: completed nodes kept, the running node re-attached, one charge per node', async () => {
    const { admin, store, workflow, sibling, probe, finished } = h();
    const workflowId = await workflow(paidChain());
    const rows = [nodeRow('prompt', 'input:text'), nodeRow('a', 'utility:test_paid'), nodeRow('b', 'utility:test_paid'), nodeRow('out', 'output:result')];
    const base = { accountId: admin.accountId, workflowId, workflowVersion: 1, options: {}, trigger: 'execute' as const };
    // What the dead process had written: running, prompt and a done (a charged), b waiting on a remote job.
    await store.executions.create('exec_crashed', { ...base, inputs: { prompt: 'resumed' } }, rows);
    await store.executions.update('exec_crashed', { status: 'RUNNING', startedAt: '2026-01-01T00:00:00.000Z' });
    await store.executions.saveNode(
      'exec_crashed',
      admin.accountId,
      nodeRow('prompt', 'input:text', { status: 'COMPLETED', output: { prompt: 'resumed', text: 'resumed' }, attempts: 1 }),
    );
    await store.executions.saveNode(
      'exec_crashed',
      admin.accountId,
      nodeRow('a', 'utility:test_paid', { status: 'COMPLETED', output: { text: 'resumed!' }, attempts: 1, credits: 5 }),
    );
    await store.executions.saveNode(
      'exec_crashed',
      admin.accountId,
      nodeRow('b', 'utility:test_paid', { status: 'RUNNING', attempts: 1, providerJobIds: { '0': 'job-b' } }),
    );
    // And one accepted but never started.
    await store.executions.create('exec_queued', { ...base, inputs: { prompt: 'late' } }, rows);

    const restarted = await sibling();
    expect(await restarted.services.executions.resumeUnfinished()).toBe(2);
    expect(await finished('exec_crashed')).toBe('COMPLETED');
    expect(await finished('exec_queued')).toBe('COMPLETED');

    const crashed = await restarted.services.executions.detail(admin, 'exec_crashed');
    expect(crashed).toMatchObject({ status: 'COMPLETED', credits: 12, startedAt: '2026-01-01T00:00:00.000Z', finalOutput: { result: 'resumed!!' } });
    expect(crashed.nodes.map((n) => [n.nodeId, n.status, n.credits])).toEqual([
      ['prompt', 'COMPLETED', 0],
      ['a', 'COMPLETED', 5],
      ['b', 'COMPLETED', 7],
      ['out', 'COMPLETED', 0],
    ]);
    const crashedCalls = probe.calls.filter((call) => call.executionId === 'exec_crashed');
    expect(crashedCalls).toEqual([{ executionId: 'exec_crashed', nodeId: 'b', previousJobId: 'job-b' }]);
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(1000 - 12 - 12);
    expect(await restarted.services.executions.resumeUnfinished()).toBe(0);
  });
});

describe('shutdown', () => {
  it('leaves a run that outlives the grace RUNNING for the next start, and writes nothing after it', async () => {
    const { admin, store, workflow, sibling, probe, finished } = h();
    const workflowId = await workflow(paidChain());
    // The first process's run ends when its first write after shutdown is refused.
    let refused!: (error: unknown) => void;
    const lateWrite = new Promise<unknown>((resolve) => (refused = resolve));
    const first = await sibling({ shutdownGraceMs: 50, onExecutionError: (error) => refused(error) });
    probe.gated = true;
    const { executionId } = await first.services.executions.execute(admin, workflowId, {});
    while (!probe.isWaiting(executionId, 'a')) await new Promise((resolve) => setTimeout(resolve, 5));
    await first.services.executions.shutdown();
    expect((await store.executions.load(executionId))?.status).toBe('RUNNING');
    expect((await store.executions.nodes(executionId))[1]).toMatchObject({ nodeId: 'a', status: 'RUNNING', providerJobIds: { '0': 'job-a' } });

    probe.gated = false;
    const second = await sibling();
    expect(await second.services.executions.resumeUnfinished()).toBe(1);
    expect(await finished(executionId)).toBe('COMPLETED');
    expect(probe.calls.filter((call) => call.nodeId === 'a').map((call) => call.previousJobId)).toEqual([undefined, 'job-a']);
    // The first process's node finishes late; its writes are refused, so nothing changes or is charged again.
    probe.open();
    expect(await lateWrite).toMatchObject({ code: 'shutting_down' });
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(1000 - 12);
    expect((await store.executions.load(executionId))?.status).toBe('COMPLETED');
  });
});

describe('many at once', () => {
  it('takes 200 concurrent executes to a terminal state with consistent node rows and ledger', async () => {
    const { services, admin, store, workflow, finished } = h();
    const workflowId = await workflow(paidChain({ a: 1, b: 2 }));
    const accepted = await Promise.all(Array.from({ length: 200 }, (_, i) => services.executions.execute(admin, workflowId, { inputs: { prompt: `n${i}` } })));
    const statuses = await Promise.all(accepted.map((run) => finished(run.executionId, 60_000)));
    expect(statuses.every((status) => status === 'COMPLETED')).toBe(true);
    let total = 0;
    for (const { executionId } of accepted) {
      const nodes = await store.executions.nodes(executionId);
      expect(nodes.map((n) => [n.nodeId, n.status])).toEqual([
        ['prompt', 'COMPLETED'],
        ['a', 'COMPLETED'],
        ['b', 'COMPLETED'],
        ['out', 'COMPLETED'],
      ]);
      const record = await store.executions.load(executionId);
      expect(record?.credits).toBe(nodes.reduce((sum, n) => sum + n.credits, 0));
      total += record?.credits ?? 0;
    }
    expect(total).toBe(600);
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(1000 - 600);
    const usage = await services.usage.usage(admin);
    expect(usage.usedToday).toEqual({ credits: 600, executions: 200 });
    expect(usage.balance).toBe(400);
  }, 90_000);
});
