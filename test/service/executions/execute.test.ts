import { describe, expect, it } from 'vitest';
import { ExecuteBodySchema, parseBody } from '../../../src/service/index.js';
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
    expect(detail).toMatchObject({
      status: 'COMPLETED',
      credits: 12,
      workflowVersion: 1,
      trigger: 'execute',
      finalOutput: { result: 'hi!!' },
      inputs: { prompt: 'hi' },
    });
    expect(detail.nodes.map((n) => [n.nodeId, n.status, n.credits])).toEqual([
      ['prompt', 'COMPLETED', 0],
      ['a', 'COMPLETED', 5],
      ['b', 'COMPLETED', 7],
      ['out', 'COMPLETED', 0],
    ]);
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(1000 - 12);
  });

  it('refuses with 402 details before anything is recorded', async () => {
    const { services, admin, store, workflow, setBalance, probe } = h();
    const id = await workflow(paidChain());
    await setBalance(10);
    const error = await failure(services.executions.execute(admin, id, {}));
    expect(error.code).toBe('insufficient_credits');
    expect(error.details).toEqual({
      insufficientCredits: true,
      requiredCredits: 12,
      availableCredits: 10,
      breakdown: [
        { nodeId: 'a', nodeLabel: expect.any(String), credits: 5 },
        { nodeId: 'b', nodeLabel: expect.any(String), credits: 7 },
      ],
    });
    expect((await store.executions.list(admin.accountId, { limit: 10 })).items).toEqual([]);
    expect(probe.calls).toEqual([]);
  });
});

describe('execute: what may run', () => {
  it('runs a dry run at zero credits', async () => {
    const { services, admin, store, workflow, finished } = h();
    const id = await workflow(paidChain());
    const { executionId } = await services.executions.execute(admin, id, { dryRun: true });
    expect(await finished(executionId)).toBe('COMPLETED');
    expect((await services.executions.detail(admin, executionId)).credits).toBe(0);
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(1000);
  });

  it('runs an inline graph, recorded without a saved version', async () => {
    const { services, admin, store, workflow, finished } = h();
    const id = await workflow(paidChain());
    const inline = paidChain({ a: 1, b: 2, prompt: 'inline' });
    const { executionId } = await services.executions.execute(admin, id, inline);
    expect(await finished(executionId)).toBe('COMPLETED');
    expect(await services.executions.detail(admin, executionId)).toMatchObject({ workflowVersion: null, credits: 3, finalOutput: { result: 'inline!!' } });
    expect((await store.executions.load(executionId))?.options.graph?.nodes).toHaveLength(4);
  });

  it('runs a past version and records which', async () => {
    const { services, admin, workflow, finished } = h();
    const id = await workflow(paidChain({ a: 1, b: 1 }));
    await services.workflows.replace(admin, id, { name: 'Flow', ...paidChain({ a: 10, b: 10 }) });
    const past = await services.executions.execute(admin, id, { version: 1 });
    const current = await services.executions.execute(admin, id, {});
    await Promise.all([finished(past.executionId), finished(current.executionId)]);
    expect(await services.executions.detail(admin, past.executionId)).toMatchObject({ workflowVersion: 1, credits: 2 });
    expect(await services.executions.detail(admin, current.executionId)).toMatchObject({ workflowVersion: 2, credits: 20 });
    expect((await failure(services.executions.execute(admin, id, { version: 9 }))).code).toBe('not_found');
  });

  it('runs only what targetNodeId needs, and refuses a target not in the graph', async () => {
    const { services, admin, workflow, finished, probe } = h();
    const id = await workflow(paidChain());
    const { executionId } = await services.executions.execute(admin, id, { targetNodeId: 'a' });
    await finished(executionId);
    const nodes = (await services.executions.detail(admin, executionId)).nodes;
    expect(nodes.find((n) => n.nodeId === 'b')).toMatchObject({ status: 'SKIPPED', skipReason: 'not_targeted', credits: 0 });
    expect(probe.count('b')).toBe(0);
    const error = await failure(services.executions.execute(admin, id, { targetNodeId: 'bb' }));
    expect(error).toMatchObject({ code: 'unknown_node', message: expect.stringContaining('"b"') });
  });

  it('refuses inputs for unknown nodes, non-input nodes and values of the wrong type, recording nothing', async () => {
    const { services, admin, store, workflow } = h();
    const id = await workflow({
      nodes: [...paidChain().nodes, { id: 'n', type: 'basedNode', position: { x: 0, y: 0 }, data: { nodeType: 'input:number', config: {} } }],
      edges: paidChain().edges,
    });
    expect(await failure(services.executions.execute(admin, id, { inputs: { promt: 'x' } }))).toMatchObject({
      code: 'unknown_input',
      details: { nodeId: 'promt' },
    });
    expect((await failure(services.executions.execute(admin, id, { inputs: { a: 'x' } }))).code).toBe('not_an_input');
    expect(await failure(services.executions.execute(admin, id, { inputs: { n: 'twelve' } }))).toMatchObject({
      code: 'invalid_input',
      details: { nodeId: 'n', expected: 'number' },
      message: expect.stringContaining('"n"'),
    });
    expect((await failure(services.executions.execute(admin, id, { inputs: { prompt: { no: 1 } } }))).code).toBe('invalid_input');
    expect((await store.executions.list(admin.accountId, { limit: 10 })).items).toEqual([]);
    const ok = await services.executions.execute(admin, id, { inputs: { n: '12', prompt: 3 } });
    expect(ok.status).toBe('QUEUED');
  });

  it('refuses inactive, foreign and missing workflows, bad bodies, bad graphs and keys without the scope', async () => {
    const { services, admin, workflow, stranger, principalWith } = h();
    const inactive = await workflow(paidChain(), { isActive: false });
    const id = await workflow(paidChain());
    expect((await failure(services.executions.execute(admin, inactive, {}))).code).toBe('workflow_inactive');
    expect((await failure(services.executions.execute(await stranger(), id, {}))).code).toBe('not_found');
    expect((await failure(services.executions.execute(admin, 'wf_missing', {}))).code).toBe('not_found');
    const execute = (body: unknown) => services.executions.execute(admin, id, parseBody(ExecuteBodySchema, body));
    expect((await failure(() => execute({ input: {} }))).code).toBe('invalid_body');
    expect((await failure(() => execute({ version: 1, nodes: [] }))).code).toBe('invalid_body');
    expect((await failure(services.executions.execute(admin, id, { nodes: [{ id: 'x', data: { nodeType: 'utility:nope' } }] }))).code).toBe('invalid_graph');
    expect((await failure(services.executions.execute(await principalWith(['executions:read']), id, {}))).code).toBe('missing_scope');
  });
});
