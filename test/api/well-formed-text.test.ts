import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflow, pollUntil, UNLIMITED } from './exec-helpers.js';
import { greetingFlow } from './flows.js';
import { call, codeOf, startTestServer, type TestServer } from './harness.js';

// Text is accepted only when it is well-formed UTF-16: a lone surrogate, which JSON can carry as
// "\ud800", has no UTF-8 form, so it could only be stored as something other than what was sent.

let server: TestServer;
let workflow: { id: string; webhookId: string };

beforeAll(async () => {
  server = await startTestServer(UNLIMITED);
  workflow = await createWorkflow(server, greetingFlow());
});
afterAll(() => server.close());

const LONE = ['\ud800', '\udfff', 'a\ud83d', '\ude00b'];

describe('a lone surrogate in a request body', () => {
  it('is 400 invalid_field naming where it is, and changes nothing', async () => {
    const before = await call(server, 'GET', '/workflows?limit=100');
    const cases: Array<[string, string, unknown, string]> = [
      ['POST', '/workflows', { ...greetingFlow(), name: `bad ${LONE[0]}` }, 'name'],
      ['POST', '/workflows', { ...greetingFlow(), tags: ['ok', LONE[1]] }, 'tags[1]'],
      ['PUT', `/workflows/${workflow.id}`, { ...greetingFlow(), description: LONE[2] }, 'description'],
      ['PATCH', `/workflows/${workflow.id}/nodes/name`, { label: LONE[3] }, 'label'],
      ['POST', `/workflows/${workflow.id}/execute`, { inputs: { name: `x${LONE[0]}y` } }, 'inputs.name'],
      ['POST', `/workflows/${workflow.id}/execute`, { inputs: { [`key ${LONE[1]}`]: 'v' } }, `inputs[${JSON.stringify(`key ${LONE[1]}`)}]`],
      ['POST', `/workflow/${workflow.webhookId}/trigger`, { deep: [{ a: LONE[0] }] }, 'deep[0].a'],
    ];
    for (const [method, path, json, field] of cases) {
      const reply = await call(server, method, path, { key: path.startsWith('/workflow/') ? null : undefined, json });
      expect([reply.status, codeOf(reply), reply.body.field], `${method} ${path}`).toEqual([400, 'invalid_field', field]);
      expect(reply.body.error.message).toContain(field);
    }
    expect(await call(server, 'GET', '/workflows?limit=100')).toMatchObject({ body: before.body });
    expect((await call(server, 'GET', `/workflows/executions?workflowId=${workflow.id}`)).body.data).toEqual([]);
  });

  it('is refused over MCP (HTTP) too, as invalid params naming the field', async () => {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 7,
      method: 'tools/call',
      params: { name: 'execute_workflow', arguments: { workflowId: workflow.id, inputs: { name: LONE[0] } } },
    });
    const response = await fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      jsonrpc: '2.0',
      id: 7,
      error: { code: -32602, data: { code: 'invalid_field', field: 'params.arguments.inputs.name' } },
    });
    expect((await call(server, 'GET', `/workflows/executions?workflowId=${workflow.id}`)).body.data).toEqual([]);
  });
});

describe('well-formed text', () => {
  it('is stored exactly as echoed, escaped surrogate pairs and all', async () => {
    const name = 'Grüße 😀 \ud83d\ude00 𝄞 \u2028 end';
    const created = await call(server, 'POST', '/workflows', { json: { ...greetingFlow(), name, tags: ['😀'] } });
    expect(created.status).toBe(201);
    expect(created.body.data.name).toBe(name);
    const read = await call(server, 'GET', `/workflows/${created.body.data.id}`);
    expect([read.body.name, read.body.tags]).toEqual([name, ['😀']]);
    // Sent as \u escapes rather than UTF-8 bytes: the same text.
    const escaped = JSON.stringify({ inputs: { name } }).replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const run = await call(server, 'POST', `/workflows/${created.body.data.id}/execute`, { body: escaped, headers: { 'Content-Type': 'application/json' } });
    expect(run.status).toBe(201);
    const done = await pollUntil(server, run.body.executionId);
    expect(done.finalOutput).toEqual({ greeting: `Hello ${name}` });
    const detail = (await call(server, 'GET', `/workflows/executions/${run.body.executionId}`)).body.data;
    expect(detail.inputs).toEqual({ name });
  });
});
