import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWorkflow, detail, execute, nodeState, pollUntil, UNLIMITED } from './exec-helpers.js';
import { startFakeLlm, type FakeLlm } from './fake-llm.js';
import { greetingFlow, llmChain } from './flows.js';
import { call, codeOf, type TestServer, startTestServer } from './harness.js';

// Execute, run, estimate, poll, detail, list, cancel and retry over real HTTP on the real server.

let server: TestServer;
let llm: FakeLlm;
let greeting: string;

beforeAll(async () => {
  llm = await startFakeLlm();
  server = await startTestServer({ ...UNLIMITED, env: { OPENAI_BASE_URL: llm.baseUrl } });
  greeting = (await createWorkflow(server, greetingFlow())).id;
});
afterAll(async () => {
  llm.release();
  await server.close();
  await llm.close();
});
beforeEach(() => {
  llm.knobs.hold = false;
  llm.knobs.fail.clear();
});

describe('POST /workflows/{id}/execute → poll → detail', () => {
  it('answers 201 with Location and the compat body, then polls to COMPLETED and shows every node', async () => {
    const started = await execute(server, greeting, { inputs: { name: 'Ada' } });
    expect(started.status).toBe(201);
    const { executionId } = started.body;
    expect(started.body).toEqual({
      executionId,
      workflowId: greeting,
      status: expect.any(String),
      executionRuns: [{ id: executionId, status: expect.any(String) }],
    });
    expect(started.headers.get('Location')).toBe(`/api/v1/workflows/executions/${executionId}`);

    const poll = await pollUntil(server, executionId);
    expect(poll).toMatchObject({ status: 'COMPLETED', finalOutput: { greeting: 'Hello Ada' }, error: null });
    expect(nodeState(poll, 'name')).toMatchObject({ label: 'Name', status: 'COMPLETED', error: null });
    expect(poll.nodeStates.map((n: any) => n.nodeId).sort()).toEqual(['greet', 'name', 'out']);

    const record = await detail(server, executionId);
    expect(record).toMatchObject({ id: executionId, workflowId: greeting, workflowVersion: 1, status: 'COMPLETED', inputs: { name: 'Ada' }, credits: 0 });
    for (const node of record.nodes) {
      expect(node).toMatchObject({ status: 'COMPLETED', attempts: 1, credits: 0, cached: expect.any(Boolean), error: null, logs: expect.any(Array) });
      expect(node.durationMs).toBeGreaterThanOrEqual(0);
      expect(Date.parse(node.endedAt)).toBeGreaterThanOrEqual(Date.parse(node.startedAt));
    }
    expect(record.nodes.find((n: any) => n.nodeId === 'greet')).toMatchObject({ nodeType: 'utility:prompt_template', output: { prompt: 'Hello Ada' } });
  });

  it('runs an inline graph, and records the version it ran', async () => {
    const inline = greetingFlow();
    inline.nodes[1]!.data.config = { template: 'Hi {{who}}' };
    const started = await execute(server, greeting, { nodes: inline.nodes, edges: inline.edges });
    expect(started.status).toBe(201);
    expect((await pollUntil(server, started.body.executionId)).finalOutput).toEqual({ greeting: 'Hi world' });
  });

  it('is reachable even though /workflows/{id} would match "executions"', async () => {
    const list = await call(server, 'GET', '/workflows/executions');
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ data: expect.any(Array), nextCursor: expect.toSatisfy((c: unknown) => c === null || typeof c === 'string') });
    expect((await call(server, 'POST', '/workflows/lint', { json: greetingFlow() })).body.data.ok).toBe(true);
  });
});

describe('GET and POST /workflows/{id}/run', () => {
  it('describes the inputs a headless run takes', async () => {
    const reply = await call(server, 'GET', `/workflows/${greeting}/run`);
    expect(reply.status).toBe(200);
    expect(reply.body.data).toMatchObject({
      workflowId: greeting,
      workflowName: 'Greeting',
      method: 'POST',
      endpoint: expect.stringContaining(`/workflows/${greeting}/run`),
    });
    expect(reply.body.data.inputs).toEqual([expect.objectContaining({ nodeId: 'name', label: 'Name', type: expect.any(String), default: 'world' })]);
  });

  it('starts one run (202) and a batch under one batchId, in input order', async () => {
    const one = await call(server, 'POST', `/workflows/${greeting}/run`, { json: { inputs: { name: 'Bo' } } });
    expect(one.status).toBe(202);
    expect(one.body).toMatchObject({ executionId: expect.any(String), status: expect.any(String), data: { executionId: one.body.executionId } });
    expect((await pollUntil(server, one.body.executionId)).finalOutput).toEqual({ greeting: 'Hello Bo' });

    const batch = await call(server, 'POST', `/workflows/${greeting}/run`, { json: { inputs: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] } });
    expect(batch.status).toBe(202);
    expect(batch.body.batchId).toEqual(expect.any(String));
    expect(batch.body.executionRuns).toHaveLength(3);
    const outputs = [];
    for (const run of batch.body.executionRuns) outputs.push((await pollUntil(server, run.id)).finalOutput.greeting);
    expect(outputs).toEqual(['Hello a', 'Hello b', 'Hello c']);
    const listed = await call(server, 'GET', `/workflows/executions?workflowId=${greeting}&limit=100`);
    expect(listed.body.data.filter((e: any) => e.batchId === batch.body.batchId)).toHaveLength(3);
  });
});

describe('POST /workflows/{id}/estimate', () => {
  it('prices each node and compares with the balance', async () => {
    const chain = (await createWorkflow(server, llmChain(2))).id;
    const reply = await call(server, 'POST', `/workflows/${chain}/estimate`, { json: {} });
    expect(reply.status).toBe(200);
    expect(reply.body.data).toMatchObject({ estimatedCredits: 2, availableCredits: 1000, sufficient: true, estimateComplete: true });
    expect(reply.body.data.breakdown).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: 'llm1', nodeType: 'llm:gpt_4o_mini', credits: 1 })]));
  });
});

describe('GET /workflows/executions', () => {
  it('pages newest first with a cursor and filters by workflow and status', async () => {
    const own = (await createWorkflow(server, greetingFlow('Listed'))).id;
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await execute(server, own)).body.executionId);
    for (const id of ids) await pollUntil(server, id);
    const first = await call(server, 'GET', `/workflows/executions?workflowId=${own}&limit=2`);
    expect(first.body.data.map((e: any) => e.id)).toEqual([ids[2], ids[1]]);
    const second = await call(server, 'GET', `/workflows/executions?workflowId=${own}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ data: [expect.objectContaining({ id: ids[0], status: 'COMPLETED', workflowId: own })], nextCursor: null });
    expect((await call(server, 'GET', `/workflows/executions?workflowId=${own}&status=FAILED`)).body.data).toEqual([]);
    expect(codeOf(await call(server, 'GET', '/workflows/executions?limit=zero'))).toBe('invalid_field');
  });
});

describe('cancel', () => {
  it('stops a running execution (202): the running node is aborted, pending ones CANCELLED; then 409', async () => {
    llm.knobs.hold = true;
    const chain = (await createWorkflow(server, llmChain(3, 'cancel me'))).id;
    const { executionId } = (await execute(server, chain)).body;
    await llm.waitForCall('cancel me');
    const cancelled = await call(server, 'POST', `/workflows/executions/${executionId}/cancel`);
    expect(cancelled.status).toBe(202);
    expect(cancelled.body.data).toMatchObject({ executionId });
    const poll = await pollUntil(server, executionId);
    expect(poll).toMatchObject({ status: 'FAILED', cancelled: true, error: { code: 'cancelled', message: expect.any(String) } });
    for (const id of ['llm1', 'llm2', 'llm3', 'out']) expect(nodeState(poll, id).status).toBe('CANCELLED');
    expect((await detail(server, executionId)).status).toBe('CANCELLED');
    expect((await call(server, 'GET', `/workflows/executions?workflowId=${chain}`)).body.data[0]).toMatchObject({ id: executionId, status: 'CANCELLED' });
    expect(codeOf(await call(server, 'POST', `/workflows/executions/${executionId}/cancel`))).toBe('not_cancellable');
  });

  it('refuses a finished execution with 409 not_cancellable', async () => {
    const { executionId } = (await execute(server, greeting)).body;
    await pollUntil(server, executionId);
    const reply = await call(server, 'POST', `/workflows/executions/${executionId}/cancel`);
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({ type: 'conflict_error', code: 'not_cancellable' });
  });
});

describe('retry', () => {
  it('re-runs only the failed and skipped nodes, reusing completed outputs, linked to the original', async () => {
    const chain = (await createWorkflow(server, llmChain(2, 'retry seed'))).id;
    llm.knobs.fail.add('retry seed +1');
    const { executionId } = (await execute(server, chain)).body;
    const first = await pollUntil(server, executionId);
    llm.knobs.fail.clear();
    expect(first.status).toBe('FAILED');
    expect(first).not.toHaveProperty('cancelled');
    expect(first.error).toEqual(expect.any(String));
    expect(nodeState(first, 'llm2')).toMatchObject({ status: 'FAILED', error: expect.any(String) });
    expect(nodeState(first, 'out').status).toBe('SKIPPED');
    expect(nodeState(first, 'llm1').status).toBe('COMPLETED');

    const retried = await call(server, 'POST', `/workflows/executions/${executionId}/retry`);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('Location')).toBe(`/api/v1/workflows/executions/${retried.body.executionId}`);
    expect(retried.body.executionId).not.toBe(executionId);
    const second = await pollUntil(server, retried.body.executionId);
    expect(second.status).toBe('COMPLETED');
    expect(second.finalOutput).toEqual({ text: 'retry seed +1 +1' });
    expect(llm.callsFor('retry seed')).toBe(1);
    expect((await detail(server, retried.body.executionId)).retryOf).toBe(executionId);
  });

  it('refuses to retry an execution that has not finished (409 not_retryable)', async () => {
    llm.knobs.hold = true;
    const chain = (await createWorkflow(server, llmChain(1, 'still running'))).id;
    const { executionId } = (await execute(server, chain)).body;
    await llm.waitForCall('still running');
    const reply = await call(server, 'POST', `/workflows/executions/${executionId}/retry`);
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({ type: 'conflict_error', code: 'not_retryable' });
    llm.release();
    expect((await pollUntil(server, executionId)).status).toBe('COMPLETED');
  });
});
