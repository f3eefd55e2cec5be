import { describe, expect, it } from 'vitest';
import { edge, failure, node, paidChain, useExecHarness } from './harness.js';

const h = useExecHarness({ planLimits: { pro: { executionsPerDay: 3 } } });

describe('run and batches', () => {
  it('answers a single run with the 202 shape', async () => {
    const { services, admin, workflow, finished } = h();
    const id = await workflow(paidChain());
    const accepted = await services.executions.run(admin, id, { inputs: { prompt: 'x' } });
    expect(accepted).toEqual({ executionId: accepted.executionId, status: 'QUEUED', data: { executionId: accepted.executionId, status: 'QUEUED' } });
    expect(await finished(accepted.executionId)).toBe('COMPLETED');
    expect((await services.executions.detail(admin, accepted.executionId)).trigger).toBe('run');
  });

  it('starts one execution per input set under one batchId, in input order', async () => {
    const { services, admin, workflow, finished } = h();
    const id = await workflow(paidChain());
    const accepted = await services.executions.run(admin, id, { inputs: [{ prompt: 'one' }, { prompt: 'two' }, { prompt: 'three' }] });
    expect(accepted.batchId).toMatch(/^batch_/);
    expect(accepted.executionRuns).toHaveLength(3);
    expect(accepted.executionId).toBe(accepted.executionRuns?.[0]?.id);
    const outputs = [];
    for (const run of accepted.executionRuns ?? []) {
      await finished(run.id);
      const detail = await services.executions.detail(admin, run.id);
      expect(detail).toMatchObject({ batchId: accepted.batchId, trigger: 'batch' });
      outputs.push(detail.finalOutput?.result);
    }
    expect(outputs).toEqual(['one!!', 'two!!', 'three!!']);
  });

  it('checks the whole batch before recording any of it', async () => {
    const { services, admin, store, workflow, setBalance } = h();
    const id = await workflow(paidChain());
    const none = async () => expect((await store.executions.list(admin.accountId, { limit: 10 })).items).toEqual([]);
    expect(await failure(services.executions.run(admin, id, { inputs: [{ prompt: 'a' }, { nope: 'b' }] }))).toMatchObject({
      code: 'unknown_input',
      details: { index: 1 },
    });
    await none();
    expect((await failure(services.executions.run(admin, id, { inputs: Array.from({ length: 101 }, () => ({})) }))).code).toBe('invalid_field');
    expect((await failure(services.executions.run(admin, id, { inputs: [] }))).code).toBe('invalid_field');
    expect((await failure(services.executions.run(admin, id, { inputs: [{}, {}, {}, {}] }))).code).toBe('rate_limited');
    await setBalance(30);
    expect(await failure(services.executions.run(admin, id, { inputs: [{}, {}, {}] }))).toMatchObject({
      code: 'insufficient_credits',
      details: { requiredCredits: 36, availableCredits: 30 },
    });
    await none();
  });
});

describe('daily cap', () => {
  it('refuses the execution past the plan’s daily cap until 00:00 UTC, counting every face', async () => {
    const { services, admin, workflow, clock } = h();
    const id = await workflow(paidChain({ a: 0, b: 0 }));
    const wf = await services.workflows.get(admin, id);
    await services.executions.execute(admin, id, {});
    await services.executions.run(admin, id, {});
    await services.executions.trigger(wf.webhookId, {});
    const error = await failure(services.executions.execute(admin, id, {}));
    const now = clock.now();
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    expect(error).toMatchObject({ code: 'rate_limited', details: { retryAfter: Math.ceil((midnight - now.getTime()) / 1000) } });
    expect((await failure(services.executions.trigger(wf.webhookId, {}))).code).toBe('rate_limited');
    clock.advance(midnight - now.getTime());
    expect((await services.executions.execute(admin, id, {})).status).toBe('QUEUED');
  });
});

describe('describeRun and estimate', () => {
  it('describes the inputs a headless run takes', async () => {
    const { services, admin, workflow } = h();
    const id = await workflow({
      nodes: [...paidChain().nodes, node('seed', 'input:number', { value: 4 }, 'Seed')],
      edges: paidChain().edges,
    });
    const description = await services.executions.describeRun(admin, id);
    expect(description).toEqual({
      workflowId: id,
      workflowName: 'Flow',
      inputs: [
        { nodeId: 'prompt', label: 'Prompt', type: 'text', required: true, default: null },
        { nodeId: 'seed', label: 'Seed', type: 'number', required: false, default: 4 },
      ],
      endpoint: `http://127.0.0.1:8787/api/v1/workflows/${id}/run`,
      method: 'POST',
      example: { inputs: { prompt: 'a red sneaker on white marble', seed: 4 } },
    });
  });

  it('estimates per node, and says when a fan-out is only known at run time', async () => {
    const { services, admin, workflow } = h();
    const plain = await workflow(paidChain());
    expect(await services.executions.estimate(admin, plain, {})).toMatchObject({
      estimatedCredits: 12,
      availableCredits: 1000,
      sufficient: true,
      estimateComplete: true,
      fanOutNodes: [],
      breakdown: [
        { nodeId: 'prompt', credits: 0, nodeType: 'input:text' },
        { nodeId: 'a', credits: 5 },
        { nodeId: 'b', credits: 7 },
        { nodeId: 'out', credits: 0 },
      ],
    });
    expect((await services.executions.estimate(admin, plain, { targetNodeId: 'a' })).estimatedCredits).toBe(5);
    expect((await services.executions.estimate(admin, plain, { dryRun: true })).estimatedCredits).toBe(0);
    const fanning = await workflow({
      nodes: [
        node('prompt', 'input:text', { prompt: 'a,b,c' }),
        node('split', 'utility:text_split', { separator: ',' }),
        node('each', 'utility:test_paid', { credits: 2 }),
        node('next', 'utility:test_paid', { credits: 1 }),
        node('out', 'output:result'),
      ],
      edges: [
        edge('prompt', 'text', 'split', 'text'),
        edge('split', 'items', 'each', 'text'),
        edge('each', 'text', 'next', 'text'),
        edge('next', 'text', 'out', 'value'),
      ],
    });
    expect(await services.executions.estimate(admin, fanning, {})).toMatchObject({
      estimatedCredits: 3,
      estimateComplete: false,
      fanOutNodes: ['each', 'next'],
    });
  });
});
