import { createHmac, timingSafeEqual } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver, verified } from '../support/callback-receiver.js';
import { createWorkflow, detail, execute, pollUntil, UNLIMITED } from './exec-helpers.js';
import { startFakeLlm, type FakeLlm } from './fake-llm.js';
import { greetingFlow, llmChain } from './flows.js';
import { call, codeOf, KeyMaker, startTestServer, type TestServer } from './harness.js';

// Completion callbacks (docs/events.md, "Completion callbacks"). The receiver is on 127.0.0.1, so
// the server runs with PIPEWRIGHT_ALLOW_PRIVATE_NETWORK=1; one suite checks the refusal without it.
// Redeliveries wait 0 s here (PIPEWRIGHT_CALLBACK_RETRY_SECONDS) and an attempt times out after 0.5 s.

const CALLBACK_ENV = {
  PIPEWRIGHT_ALLOW_PRIVATE_NETWORK: '1',
  PIPEWRIGHT_CALLBACK_RETRY_SECONDS: '0,0,0',
  PIPEWRIGHT_CALLBACK_TIMEOUT_SECONDS: '0.5',
  PIPEWRIGHT_CALLBACK_POLL_MS: '20',
};

let server: TestServer;
let llm: FakeLlm;
let receiver: CallbackReceiver;
let workflow: { id: string; webhookId: string };
let secret: string;

beforeAll(async () => {
  receiver = await startCallbackReceiver();
  llm = await startFakeLlm();
  server = await startTestServer({ ...UNLIMITED, env: { ...CALLBACK_ENV, OPENAI_BASE_URL: llm.baseUrl } });
  workflow = await createWorkflow(server, greetingFlow());
  secret = (await call(server, 'GET', '/developer/callback-secret')).body.data.secret;
});
afterAll(async () => {
  llm.release();
  await server.close();
  await receiver.close();
  await llm.close();
});

/** docs/events.md's recipe for receivers without the library, as printed there. */
function verifyCallback(secret: string, headers: Record<string, string>, body: string) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 5 * 60) throw new Error('stale or future timestamp');
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  // The header may hold several space-separated signatures (`v1,<base64>`); one match is enough.
  const valid = headers['webhook-signature']!.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    const given = Buffer.from(signature ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!valid) throw new Error('bad signature');
  return JSON.parse(body);
}

/** The execution's callbacks once none is waiting any more. */
async function settledCallbacks(executionId: string): Promise<any[]> {
  for (;;) {
    const { callbacks } = await detail(server, executionId);
    if (callbacks.length > 0 && callbacks.every((callback: any) => callback.state !== 'waiting')) return callbacks;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('GET /developer/callback-secret', () => {
  it('answers the account’s whsec_ secret, the same every time', async () => {
    const reply = await call(server, 'GET', '/developer/callback-secret');
    expect(reply.status).toBe(200);
    expect(reply.body.data.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect((await call(server, 'GET', '/developer/callback-secret')).body.data.secret).toBe(secret);
  });

  it('rotates: the new secret signs at once, and the old one beside it for a day', async () => {
    const rotated = await call(server, 'POST', '/developer/callback-secret/rotate');
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    const { secret: next, previousValidUntil } = rotated.body.data;
    expect(next).toMatch(/^whsec_/);
    expect(next).not.toBe(secret);
    expect(Date.parse(previousValidUntil) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect((await call(server, 'GET', '/developer/callback-secret')).body.data.secret).toBe(next);
    await execute(server, workflow.id, { callbackUrl: `${receiver.url}/rotated` });
    const [delivery] = await receiver.waitFor('/rotated', 1);
    expect(delivery!.signature.split(' ')).toHaveLength(2);
    expect(verified(next, delivery!)).toEqual(verified(secret, delivery!));
    secret = next;
  });

  it('needs the admin scope (403)', async () => {
    const keys = await KeyMaker.open(server.home);
    const key = await keys.key({ scopes: ['workflows:execute', 'executions:read'] });
    await keys.close();
    const reply = await call(server, 'GET', '/developer/callback-secret', { key });
    expect([reply.status, codeOf(reply)]).toEqual([403, 'missing_scope']);
    const rotate = await call(server, 'POST', '/developer/callback-secret/rotate', { key });
    expect([rotate.status, codeOf(rotate)]).toEqual([403, 'missing_scope']);
  });
});

describe('callbackUrl', () => {
  it('POSTs the signed poll shape when the execution ends; the detail shows the delivery', async () => {
    const reply = await execute(server, workflow.id, { inputs: { name: 'callback' }, callbackUrl: `${receiver.url}/done` });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const [delivery] = await receiver.waitFor('/done', 1);
    const payload = verified(secret, delivery!);
    const poll = await pollUntil(server, reply.body.executionId);
    expect(payload).toEqual({ type: 'execution.completed', timestamp: expect.any(String), data: poll });
    expect(payload.data.finalOutput).toEqual({ greeting: 'Hello callback' });
    const headers = { 'webhook-id': delivery!.id, 'webhook-timestamp': delivery!.timestamp, 'webhook-signature': delivery!.signature };
    expect(verifyCallback(secret, headers, delivery!.body)).toEqual(payload);
    expect(() => verifyCallback(secret, headers, delivery!.body.replace('callback', 'forged'))).toThrow('bad signature');
    expect(delivery!.id).toMatch(/^msg_[A-Za-z0-9]{24}$/);
    const [callback] = await settledCallbacks(reply.body.executionId);
    expect(callback).toEqual({
      id: delivery!.id,
      url: `${receiver.url}/done`,
      state: 'delivered',
      attempts: [{ at: expect.any(String), status: 200, error: null, durationMs: expect.any(Number) }],
      nextAttemptAt: null,
    });
  });

  it('shows the same callbacks through MCP get_execution', async () => {
    const reply = await execute(server, workflow.id, { callbackUrl: `${receiver.url}/mcp-view` });
    const callbacks = await settledCallbacks(reply.body.executionId);
    const transport = new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${server.adminKey}` } },
    });
    const client = new Client({ name: 'callbacks-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const result = await client.callTool({ name: 'get_execution', arguments: { executionId: reply.body.executionId } });
      expect((result.structuredContent as any).execution.callbacks).toEqual(callbacks);
    } finally {
      await client.close();
    }
  });

  it('tells a failed run as execution.failed', async () => {
    llm.knobs.fail.add('refused');
    const flow = await createWorkflow(server, llmChain(1, 'refused'));
    const reply = await execute(server, flow.id, { callbackUrl: `${receiver.url}/failed` });
    const [delivery] = await receiver.waitFor('/failed', 1);
    expect(verified(secret, delivery!)).toMatchObject({ type: 'execution.failed', data: { executionId: reply.body.executionId, status: 'FAILED' } });
  });

  it('tells a cancelled run as execution.cancelled, its data the compat poll (FAILED, cancelled)', async () => {
    llm.knobs.hold = true;
    const flow = await createWorkflow(server, llmChain(1, 'cancel me'));
    const reply = await execute(server, flow.id, { callbackUrl: `${receiver.url}/cancelled` });
    await llm.waitForCall('cancel me');
    expect((await call(server, 'POST', `/workflows/executions/${reply.body.executionId}/cancel`)).status).toBe(202);
    llm.knobs.hold = false;
    llm.release();
    const [delivery] = await receiver.waitFor('/cancelled', 1);
    expect(verified(secret, delivery!)).toMatchObject({
      type: 'execution.cancelled',
      data: { executionId: reply.body.executionId, status: 'FAILED', cancelled: true, error: { code: 'cancelled' } },
    });
  });

  it('redelivers after a 500 with the same webhook-id', async () => {
    receiver.script('/flaky', 500);
    const reply = await execute(server, workflow.id, { callbackUrl: `${receiver.url}/flaky` });
    const [first, second] = await receiver.waitFor('/flaky', 2);
    expect(second!.id).toBe(first!.id);
    expect(verified(secret, second!)).toEqual(verified(secret, first!));
    const [callback] = await settledCallbacks(reply.body.executionId);
    expect(callback.state).toBe('delivered');
    expect(callback.attempts.map((attempt: any) => attempt.status)).toEqual([500, 200]);
    expect(callback.attempts[0].error).toMatch(/500/);
  });

  it('redelivers after a timeout with the same webhook-id', async () => {
    receiver.script('/slow', 'hang');
    const reply = await execute(server, workflow.id, { callbackUrl: `${receiver.url}/slow` });
    const [first, second] = await receiver.waitFor('/slow', 2);
    expect(second!.id).toBe(first!.id);
    verified(secret, second!);
    const [callback] = await settledCallbacks(reply.body.executionId);
    expect(callback.attempts.map((attempt: any) => attempt.status)).toEqual([null, 200]);
    expect(callback.attempts[0].error).toMatch(/within 500 ms/);
  });

  it('gives up once the retry list is spent', async () => {
    receiver.script('/down', 503, 503, 503, 503);
    const reply = await execute(server, workflow.id, { callbackUrl: `${receiver.url}/down` });
    const [callback] = await settledCallbacks(reply.body.executionId);
    expect(callback.state).toBe('failed');
    expect(callback.attempts.map((attempt: any) => attempt.status)).toEqual([503, 503, 503, 503]);
    expect(new Set((await receiver.waitFor('/down', 4)).map((item) => item.id)).size).toBe(1);
  });

  it('follows no redirect: only the URL given receives the signed body', async () => {
    const elsewhere = `${receiver.url}/elsewhere`;
    receiver.script('/moved', ...Array(4).fill({ redirect: elsewhere }));
    const reply = await execute(server, workflow.id, { callbackUrl: `${receiver.url}/moved` });
    const [callback] = await settledCallbacks(reply.body.executionId);
    expect(callback.state).toBe('failed');
    expect(callback.attempts.map((attempt: any) => attempt.status)).toEqual([307, 307, 307, 307]);
    expect(receiver.received.filter((item) => item.path === '/elsewhere')).toEqual([]);
  });

  it('is taken by run and retry', async () => {
    const run = await call(server, 'POST', `/workflows/${workflow.id}/run`, { json: { inputs: { name: 'run' }, callbackUrl: `${receiver.url}/run` } });
    expect(run.status, JSON.stringify(run.body)).toBe(202);
    await pollUntil(server, run.body.executionId);
    const retry = await call(server, 'POST', `/workflows/executions/${run.body.executionId}/retry`, { json: { callbackUrl: `${receiver.url}/retry` } });
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    for (const [path, executionId] of [
      ['/run', run.body.executionId],
      ['/retry', retry.body.executionId],
    ]) {
      const [delivery] = await receiver.waitFor(path, 1);
      expect(verified(secret, delivery!).data.executionId).toBe(executionId);
    }
  });

  it('sends one callback per execution of a batch, each with its own webhook-id', async () => {
    const inputs = [{ name: 'one' }, { name: 'two' }];
    const batch = await call(server, 'POST', `/workflows/${workflow.id}/run`, { json: { inputs, callbackUrl: `${receiver.url}/batch` } });
    expect(batch.status, JSON.stringify(batch.body)).toBe(202);
    const deliveries = await receiver.waitFor('/batch', 2);
    const executions = deliveries.map((delivery) => verified(secret, delivery).data.executionId).sort();
    expect(executions).toEqual(batch.body.executionRuns.map((run: any) => run.id).sort());
    expect(new Set(deliveries.map((delivery) => delivery.id)).size).toBe(2);
  });

  it('must be an absolute http(s) URL (400 invalid_body), starting nothing', async () => {
    const reply = await execute(server, workflow.id, { callbackUrl: 'ftp://example.com/x' });
    expect([reply.status, codeOf(reply)]).toEqual([400, 'invalid_body']);
    const hook = await call(server, 'POST', `/workflow/${workflow.webhookId}/trigger?callbackUrl=nope`, { key: null, json: {} });
    expect([hook.status, codeOf(hook)]).toEqual([400, 'invalid_field']);
  });

  it('is taken by a webhook trigger, on the trigger URL’s query (the body is the caller’s data)', async () => {
    const query = `?callbackUrl=${encodeURIComponent(`${receiver.url}/trigger`)}`;
    const trigger = await call(server, 'POST', `/workflow/${workflow.webhookId}/trigger${query}`, { key: null, json: { name: 'hook' } });
    expect(trigger.status, JSON.stringify(trigger.body)).toBe(202);
    const [delivery] = await receiver.waitFor('/trigger', 1);
    expect(verified(secret, delivery!).data).toMatchObject({ executionId: trigger.body.executionId, finalOutput: { greeting: 'Hello hook' } });
  });
});

describe('callbackUrl on a server that does not allow private addresses', () => {
  let closed: TestServer;
  let flow: { id: string; webhookId: string };

  beforeAll(async () => {
    closed = await startTestServer(UNLIMITED);
    flow = await createWorkflow(closed, greetingFlow());
  });
  afterAll(() => closed.close());

  it('refuses a loopback or private callback URL with 400 callback_url_forbidden, starting nothing', async () => {
    for (const url of [`${receiver.url}/x`, 'http://10.0.0.7/hook', 'http://[::1]:8080/hook']) {
      const reply = await execute(closed, flow.id, { callbackUrl: url });
      expect([reply.status, codeOf(reply)], url).toEqual([400, 'callback_url_forbidden']);
      expect(reply.body.error.message).toMatch(/PIPEWRIGHT_ALLOW_PRIVATE_NETWORK/);
    }
    const hook = await call(closed, 'POST', `/workflow/${flow.webhookId}/trigger?callbackUrl=${encodeURIComponent('http://127.0.0.1/x')}`, {
      key: null,
      json: {},
    });
    expect([hook.status, codeOf(hook)]).toEqual([400, 'callback_url_forbidden']);
    expect((await call(closed, 'GET', `/workflows/executions?workflowId=${flow.id}`)).body.data).toEqual([]);
  });
});

describe('callbackUrl on webhook triggers with PIPEWRIGHT_TRIGGER_CALLBACKS=off', () => {
  let off: TestServer;
  let flow: { id: string; webhookId: string };
  beforeAll(async () => {
    off = await startTestServer({ ...UNLIMITED, env: { ...CALLBACK_ENV, OPENAI_BASE_URL: llm.baseUrl, PIPEWRIGHT_TRIGGER_CALLBACKS: 'off' } });
    flow = await createWorkflow(off, greetingFlow());
  });
  afterAll(() => off.close());

  it('refuses a trigger that asks for one (400 invalid_field, callbackUrl), starting nothing; a keyed execute still takes one', async () => {
    const query = `?callbackUrl=${encodeURIComponent(`${receiver.url}/off`)}`;
    const hook = await call(off, 'POST', `/workflow/${flow.webhookId}/trigger${query}`, { key: null, json: { name: 'hook' } });
    expect([hook.status, codeOf(hook), hook.body.field, hook.body.error.message]).toEqual([
      400,
      'invalid_field',
      'callbackUrl',
      expect.stringContaining('PIPEWRIGHT_TRIGGER_CALLBACKS=off'),
    ]);
    expect((await call(off, 'GET', `/workflows/executions?workflowId=${flow.id}`)).body.data).toEqual([]);
    const keyed = await execute(off, flow.id, { inputs: { name: 'keyed' }, callbackUrl: `${receiver.url}/off-keyed` });
    expect(keyed.status, JSON.stringify(keyed.body)).toBe(201);
    expect(await receiver.waitFor('/off-keyed', 1)).toHaveLength(1);
  });
});
