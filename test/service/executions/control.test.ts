import { describe, expect, it } from 'vitest';
import type { ExecutionQueue } from '../../../src/service/index.js';
import type { Store } from '../../../src/store/index.js';
import { failure, nodeRow, paidChain, until, useExecHarness } from './harness.js';

const h = useExecHarness();

/** A queue that never hands anything out: executions stay QUEUED. */
const stuckQueue = (): ExecutionQueue => ({ runsHere: true, enqueue: async () => {}, consume: () => {}, close: async () => {} });

/** A queue that hands each id out at once and keeps the worker's promise, to await it. */
function watchedQueue(): ExecutionQueue & { workers: Array<Promise<void>> } {
  let worker: ((executionId: string) => Promise<void>) | undefined;
  const workers: Array<Promise<void>> = [];
  return {
    runsHere: true,
    workers,
    consume: (w) => void (worker = w),
    enqueue: async (executionId) => void workers.push(worker!(executionId)),
    close: async () => {},
  };
}

/**
 * The store, with the dispatcher's read of one execution's node rows held until `open()`: the
 * moment between a worker loading a record and starting it. `reached` resolves when it is there.
 */
function holdingNodeRead(store: Store, executionId: string) {
  let arrive!: () => void;
  let open!: () => void;
  const reached = new Promise<void>((resolve) => (arrive = resolve));
  const released = new Promise<void>((resolve) => (open = resolve));
  const executions = {
    ...store.executions,
    async nodes(id: string) {
      if (id === executionId) {
        arrive();
        await released;
      }
      return store.executions.nodes(id);
    },
  };
  const held = new Proxy(store, {
    get: (target, key) => (key === 'executions' ? executions : (Reflect.get(target, key) as unknown)),
  });
  return { store: held, reached, open };
}

describe('cancel', () => {
  it('aborts a running execution: the running node and those after it are CANCELLED, nothing charged for them', async () => {
    const { services, admin, workflow, probe, store } = h();
    probe.gated = true;
    const { executionId } = await services.executions.execute(admin, await workflow(paidChain()), {});
    await until(() => probe.isWaiting(executionId, 'a'));
    expect(await services.executions.cancel(admin, executionId)).toEqual({ executionId, status: 'CANCELLED' });
    const poll = await services.executions.poll(admin, executionId);
    expect(poll.nodeStates.map((n) => [n.nodeId, n.status])).toEqual([
      ['prompt', 'COMPLETED'],
      ['a', 'CANCELLED'],
      ['b', 'CANCELLED'],
      ['out', 'CANCELLED'],
    ]);
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

  it('cancels a RUNNING execution a dead process left while a worker is loading it, and the worker never starts it', async () => {
    const { services, admin, workflow, sibling, store, probe } = h();
    const workflowId = await workflow(paidChain());
    const rows = [nodeRow('prompt', 'input:text'), nodeRow('a', 'utility:test_paid'), nodeRow('b', 'utility:test_paid'), nodeRow('out', 'output:result')];
    await store.executions.create(
      'exec_left',
      { accountId: admin.accountId, workflowId, workflowVersion: 1, inputs: {}, options: {}, trigger: 'execute' },
      rows,
    );
    await store.executions.update('exec_left', { status: 'RUNNING', startedAt: '2026-01-01T00:00:00.000Z' });

    const held = holdingNodeRead(store, 'exec_left');
    const queue = watchedQueue();
    const restarted = await sibling({ store: held.store as Store, queue });
    expect(await restarted.services.executions.resumeUnfinished()).toBe(1);
    await held.reached;
    // RUNNING in the store, not yet running here: cancelled in place.
    expect(await restarted.services.executions.cancel(admin, 'exec_left')).toEqual({ executionId: 'exec_left', status: 'CANCELLED' });
    held.open();
    await Promise.all(queue.workers);

    expect(probe.calls).toEqual([]);
    expect((await services.executions.poll(admin, 'exec_left')).status).toBe('CANCELLED');
    expect((await store.executions.nodes('exec_left')).map((n) => n.status)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(1000);
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
    expect(detail).toMatchObject({
      retryOf: original.executionId,
      trigger: 'retry',
      inputs: { prompt: 'again' },
      credits: 7,
      finalOutput: { result: 'again!!' },
    });
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
