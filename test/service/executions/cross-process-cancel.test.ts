import { describe, expect, it } from 'vitest';
import type { CancelFeed } from '../../../src/service/executions/cancel-feed.js';
import { paidChain, until, useExecHarness } from './harness.js';

const h = useExecHarness();

/** A process that never hears of cancels made elsewhere: only the store's refusals can stop its runs. */
const deafFeed = (): CancelFeed => ({ watch: () => {}, announce: async () => {}, close: async () => {} });

describe('cancel from another process on the same store', () => {
  it('reaches the process running the execution: its running node is aborted, nothing after it runs, and the ledger agrees with the row', async () => {
    const { admin, workflow, sibling, probe, store } = h();
    const workflowId = await workflow(paidChain());
    // Two processes on one home: A runs the execution, B is asked to cancel it.
    const a = await sibling();
    const b = await sibling();
    probe.gatedNodes.add('b');
    const { executionId } = await a.services.executions.execute(admin, workflowId, {});
    await until(() => probe.isWaiting(executionId, 'b'));

    expect(await b.services.executions.cancel(admin, executionId)).toEqual({ executionId, status: 'CANCELLED' });
    // A hears of it by itself (its cancel feed) and aborts the node, as it would a provider job.
    await until(() => probe.aborted.includes(`${executionId}/b`));
    await a.services.executions.shutdown();

    expect((await store.executions.nodes(executionId)).map((node) => [node.nodeId, node.status, node.credits])).toEqual([
      ['prompt', 'COMPLETED', 0],
      ['a', 'COMPLETED', 5],
      ['b', 'CANCELLED', 0],
      ['out', 'CANCELLED', 0],
    ]);
    expect(await store.executions.load(executionId)).toMatchObject({ status: 'CANCELLED', credits: 5, error: { code: 'cancelled' } });
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(1000 - 5);
    expect([probe.count('a'), probe.count('b')]).toEqual([1, 1]);
    for (const process of [a, b]) expect((await process.services.executions.detail(admin, executionId)).status).toBe('CANCELLED');
  });

  it('a node that completes after the cancel, before its process has heard, is neither recorded nor charged, and nothing after it starts', async () => {
    const { admin, workflow, sibling, probe, store } = h();
    const workflowId = await workflow(paidChain());
    const a = await sibling({ cancelFeed: deafFeed() });
    const b = await sibling();
    probe.gatedNodes.add('a');
    const { executionId } = await a.services.executions.execute(admin, workflowId, {});
    await until(() => probe.isWaiting(executionId, 'a'));

    expect(await b.services.executions.cancel(admin, executionId)).toEqual({ executionId, status: 'CANCELLED' });
    // A's node finishes now: its COMPLETED write is refused, and the refusal stops A's run.
    probe.open();
    await a.services.executions.shutdown();

    expect(probe.count('b')).toBe(0);
    expect((await store.executions.nodes(executionId)).map((node) => [node.nodeId, node.status])).toEqual([
      ['prompt', 'COMPLETED'],
      ['a', 'CANCELLED'],
      ['b', 'CANCELLED'],
      ['out', 'CANCELLED'],
    ]);
    expect(await store.executions.load(executionId)).toMatchObject({ status: 'CANCELLED', credits: 0 });
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(1000);
  });
});
