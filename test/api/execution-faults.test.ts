import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflow, execute, pollUntil, UNLIMITED } from './exec-helpers.js';
import { edge, greetingFlow, node } from './flows.js';
import { call, codeOf, KeyMaker, startTestServer, type TestServer } from './harness.js';

// Bad input and foreign ids on the execution routes: the contract's status and code, and no
// execution recorded for a refused start.

let server: TestServer;
let keys: KeyMaker;
let greeting: string;
let counted: string;

beforeAll(async () => {
  server = await startTestServer(UNLIMITED);
  keys = await KeyMaker.open(server.home);
  greeting = (await createWorkflow(server, greetingFlow())).id;
  counted = (
    await createWorkflow(server, {
      name: 'Counted',
      nodes: [node('count', 'input:number', { value: 1 }, 'Count'), node('out', 'output:result', { name: 'count' })],
      edges: [edge('count', 'value', 'out', 'value')],
    })
  ).id;
});
afterAll(async () => {
  await keys.close();
  await server.close();
});

const executionCount = async () => (await call(server, 'GET', '/workflows/executions?limit=100')).body.data.length as number;

describe('starting an execution with bad input', () => {
  it.each([
    ['an input for a node that does not exist', () => execute(server, greeting, { inputs: { nobody: 'x' } }), 'unknown_input'],
    ['an input for a node that is not an input', () => execute(server, greeting, { inputs: { greet: 'x' } }), 'not_an_input'],
    ['an input of the wrong type', () => execute(server, counted, { inputs: { count: 'twelve' } }), 'invalid_input'],
    ['a targetNodeId not in the graph', () => execute(server, greeting, { targetNodeId: 'nowhere' }), 'unknown_node'],
    ['a body of the wrong shape', () => execute(server, greeting, { inputs: 'all of them' }), 'invalid_body'],
    ['an unknown field', () => execute(server, greeting, { input: {} }), 'invalid_body'],
    [
      'a batch with a bad input set',
      () => call(server, 'POST', `/workflows/${greeting}/run`, { json: { inputs: [{ name: 'ok' }, { nobody: 1 }] } }),
      'unknown_input',
    ],
    ['an inline graph that does not validate', () => execute(server, greeting, { nodes: [node('a', 'input:txt')], edges: [] }), 'invalid_graph'],
  ])('refuses %s, recording nothing', async (_, send, code) => {
    const before = await executionCount();
    const reply = await send();
    expect(reply.status, JSON.stringify(reply.body)).toBe(code === 'invalid_graph' ? 422 : 400);
    expect(codeOf(reply)).toBe(code);
    expect(await executionCount()).toBe(before);
  });

  it('names the node and what it expected', async () => {
    const reply = await execute(server, counted, { inputs: { count: 'twelve' } });
    expect(reply.body).toMatchObject({ nodeId: 'count', expected: 'number' });
    const unknown = await execute(server, greeting, { inputs: { nobody: 'x' } });
    expect(unknown.body).toMatchObject({ nodeId: 'nobody', inputNodes: ['name'] });
  });

  it('runs a targetNodeId and only what it needs', async () => {
    const { executionId } = (await execute(server, greeting, { targetNodeId: 'greet' })).body;
    const poll = await pollUntil(server, executionId);
    expect(poll.status).toBe('COMPLETED');
    expect(poll.nodeStates.find((n: any) => n.nodeId === 'out').status).toBe('SKIPPED');
  });

  it("is a 404 for a workflow that does not exist or is another account's", async () => {
    const other = await keys.otherAccount();
    expect(codeOf(await execute(server, 'wf_missing'))).toBe('not_found');
    expect(codeOf(await execute(server, greeting, {}, other))).toBe('not_found');
    expect(codeOf(await call(server, 'POST', `/workflows/${greeting}/run`, { key: other, json: {} }))).toBe('not_found');
    expect(codeOf(await call(server, 'GET', `/workflows/${greeting}/run`, { key: other }))).toBe('not_found');
    expect(codeOf(await call(server, 'POST', `/workflows/${greeting}/estimate`, { key: other, json: {} }))).toBe('not_found');
  });
});

describe('reading and controlling executions that are not yours', () => {
  it('answers 404 for unknown and foreign executions on every route, changing nothing', async () => {
    const other = await keys.otherAccount();
    const { executionId } = (await execute(server, greeting)).body;
    await pollUntil(server, executionId);
    for (const [id, key] of [
      ['exe_missing', server.adminKey],
      [executionId, other],
    ] as const) {
      for (const [method, path] of [
        ['GET', `/workflows/executions/${id}`],
        ['GET', `/workflows/executions/${id}/poll`],
        ['POST', `/workflows/executions/${id}/cancel`],
        ['POST', `/workflows/executions/${id}/retry`],
      ]) {
        const reply = await call(server, method!, path!, { key });
        expect(reply.status, `${method} ${path}`).toBe(404);
        expect(codeOf(reply)).toBe('not_found');
      }
    }
    expect((await call(server, 'GET', '/workflows/executions', { key: other })).body.data).toEqual([]);
    expect((await call(server, 'GET', `/workflows/executions/${executionId}/poll`)).body.status).toBe('COMPLETED');
  });

  it('needs the right scope: executions:read to read, workflows:execute to start and cancel', async () => {
    const writer = await keys.key({ scopes: ['workflows:write'] });
    const { executionId } = (await execute(server, greeting)).body;
    expect(codeOf(await call(server, 'GET', `/workflows/executions/${executionId}`, { key: writer }))).toBe('missing_scope');
    expect(codeOf(await call(server, 'GET', '/workflows/executions', { key: writer }))).toBe('missing_scope');
    expect(codeOf(await execute(server, greeting, {}, writer))).toBe('missing_scope');
    expect(codeOf(await call(server, 'POST', `/workflows/executions/${executionId}/cancel`, { key: writer }))).toBe('missing_scope');
    expect(codeOf(await call(server, 'GET', `/workflows/executions/${executionId}`, { key: null }))).toBe('missing_api_key');
  });
});
