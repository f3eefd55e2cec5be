import { describe, expect, it } from 'vitest';
import type { ExecutionQueue } from '../../../src/service/index.js';
import { failure, paidChain, useExecHarness } from './harness.js';

const h = useExecHarness();

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A queue that never hands anything out: executions stay QUEUED. */
const stuckQueue = (): ExecutionQueue => ({ enqueue: async () => {}, consume: () => {}, close: async () => {} });

describe('cancel', () => {
  it('aborts a running execution: the running node and those after it are CANCELLED, nothing charged for them', async () => {
    const { services, admin, workflow, probe, store } = h();
    probe.gated = true;
    const { executionId } = await services.executions.execute(admin, await workflow(paidChain()), {});
    await until(() => probe.isWaiting(executionId, 'a'));
    expect(await services.executions.cancel(admin, executionId)).toEqual({ executionId, status: 'CANCELLED' });
    const poll = await services.executions.poll(admin, executionId);
    expect(poll.nodeStates.map((n) => [n.nodeId, n.status])).toEqual([['prompt', 'COMPLETED'], ['a', 'CANCELLED'], ['b', 'CANCELLED'], ['out', 'CANCELLED']]);
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(1000);
    expect((await failure(services.executions.cancel(admin, executionId))).code).toBe('not_cancellable');
  });

  it('cancels a queued execution in place, and its worker never starts it', async () => {
    const { services, admin, workflow, sibling } = h();
    const id = await workflow(paidChain());
    const queued = await sibling({ queue: stuckQueue() });
    const { executionId } = await queued.services.executions.execute(admin, id, {});
    expect(await services.executions.cancel(admin, executionId)).toEqual({ executionId, status: 'CANCELLED' });
    expect((await services.executions.poll(admin, executionId)).nodeStates.every((n) => n.status === 'CANCELLED')).toBe(true);
    expect(await services.executions.resumeUnfinished()).toBe(0);
  });

  it('refuses a finished execution', async () => {
    const { services, admin, workflow, finished } = h();
    const { executionId } = await services.executions.execute(admin, await workflow(paidChain()), {});
    await finished(executionId);
    expect(await failure(services.executions.cancel(admin, executionId))).toMatchObject({ code: 'not_cancellable', details: { status: 'COMPLETED' } });
  });
});

describe('retry', () => {
  it('re-runs only the failed and skipped nodes, reusing completed outputs, charging each node once', async () => {
    const { services, admin, workflow, finished, probe, store } = h();
    probe.failing.add('b');
    const original = await services.executions.execute(admin, await workflow(paidChain()), { inputs: { prompt: 'again' } });
    expect(await finished(original.executionId)).toBe('FAILED');
    probe.failing.clear();
    const retried = await services.executions.retry(admin, original.executionId);
    expect(retried.executionId).not.toBe(original.executionId);
    expect(await finished(retried.executionId)).toBe('COMPLETED');
    const detail = await services.executions.detail(admin, retried.executionId);
    expect(detail).toMatchObject({ retryOf: original.executionId, trigger: 'retry', inputs: { prompt: 'again' }, credits: 7, finalOutput: { result: 'again!!' } });
    expect(detail.nodes.find((n) => n.nodeId === 'a')).toMatchObject({ status: 'COMPLETED', cached: true, credits: 0 });
    expect([probe.count('a'), probe.count('b')]).toEqual([1, 2]);
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(1000 - 5 - 7);
  });

  it('refuses an execution that has not finished', async () => {
    const { services, admin, workflow, probe } = h();
    probe.gated = true;
    const { executionId } = await services.executions.execute(admin, await workflow(paidChain()), {});
    await until(() => probe.isWaiting(executionId, 'a'));
    expect(await failure(services.executions.retry(admin, executionId))).toMatchObject({ code: 'not_retryable', details: { status: 'RUNNING' } });
    probe.open();
  });
});
