import { describe, expect, it } from 'vitest';
import { failure, paidChain, useExecHarness } from './harness.js';

const h = useExecHarness();

describe('execute', () => {
  it('runs the saved graph to COMPLETED, one node row and one charge per paid node', async () => {
    const { services, admin, store, workflow, finished } = h();
    const id = await workflow(paidChain());
    const accepted = await services.executions.execute(admin, id, { inputs: { prompt: 'hi' } });
    expect(accepted).toMatchObject({ workflowId: id, status: 'QUEUED', executionRuns: [{ id: accepted.executionId, status: 'QUEUED' }] });
    expect(await finished(accepted.executionId)).toBe('COMPLETED');
    const detail = await services.executions.detail(admin, accepted.executionId);
    expect(detail).toMatchObject({ status: 'COMPLETED', credits: 12, workflowVersion: 1, trigger: 'execute', finalOutput: { result: 'hi!!' }, inputs: { prompt: 'hi' } });
    expect(detail.nodes.map((n) => [n.nodeId, n.status, n.credits])).toEqual([['prompt', 'COMPLETED', 0], ['a', 'COMPLETED', 5], ['b', 'COMPLETED', 7], ['out', 'COMPLETED', 0]]);
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(1000 - 12);
  });

  it('refuses with 402 details before anything is recorded', async () => {
    const { services, admin, store, workflow, setBalance, probe } = h();
    const id = await workflow(paidChain());
    await setBalance(10);
    const error = await failure(services.executions.execute(admin, id, {}));
    expect(error.code).toBe('insufficient_credits');
    expect(error.details).toEqual({
      insufficientCredits: true, requiredCredits: 12, availableCredits: 10,
      breakdown: [{ nodeId: 'a', nodeLabel: expect.any(String), credits: 5 }, { nodeId: 'b', nodeLabel: expect.any(String), credits: 7 }],
    });
    expect((await store.executions.list(admin.accountId, { limit: 10 })).items).toEqual([]);
    expect(probe.calls).toEqual([]);
  });
});
