import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflow, pollUntil, UNLIMITED } from './exec-helpers.js';
import { greetingFlow } from './flows.js';
import { call, codeOf, KeyMaker, startTestServer, type TestServer } from './harness.js';

// Webhook triggers: no key, the id is the credential (docs/api.md, "Webhooks").

let server: TestServer;
let workflow: { id: string; webhookId: string };

beforeAll(async () => {
  server = await startTestServer(UNLIMITED);
  workflow = await createWorkflow(server, greetingFlow());
});
afterAll(() => server.close());

const trigger = (webhookId: string, json?: unknown, headers: Record<string, string> = {}) =>
  call(server, 'POST', `/workflow/${webhookId}/trigger`, { key: null, ...(json !== undefined && { json }), headers });

/** An unknown route's answer, with the path it names swapped out so two can be compared. */
const anonymised = (body: any, path: string) => JSON.parse(JSON.stringify({ ...body, error: { ...body.error, requestId: 'R' } }).replaceAll(path, 'PATH'));

describe('POST /workflow/{webhookId}/trigger', () => {
  it('runs the workflow with the body as triggerData, filling inputs by node id (202)', async () => {
    const reply = await trigger(workflow.webhookId, { name: 'by id' });
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({ executionId: expect.any(String), status: 'queued', message: expect.any(String) });
    expect((await pollUntil(server, reply.body.executionId)).finalOutput).toEqual({ greeting: 'Hello by id' });
    const record = (await call(server, 'GET', `/workflows/executions/${reply.body.executionId}`)).body.data;
    expect(record).toMatchObject({ trigger: 'webhook', workflowId: workflow.id });
  });

  it('fills inputs by node label too', async () => {
    const reply = await trigger(workflow.webhookId, { Name: 'by label' });
    expect((await pollUntil(server, reply.body.executionId)).finalOutput).toEqual({ greeting: 'Hello by label' });
  });

  it('refuses a body that is not a JSON object (400) or over 256 KiB (413), starting nothing', async () => {
    const before = (await call(server, 'GET', `/workflows/executions?workflowId=${workflow.id}&limit=100`)).body.data.length;
    for (const body of [[1, 2], 'text', 42, null]) expect((await trigger(workflow.webhookId, body)).status).toBe(400);
    expect(
      codeOf(
        await call(server, 'POST', `/workflow/${workflow.webhookId}/trigger`, { key: null, body: '{nope', headers: { 'Content-Type': 'application/json' } }),
      ),
    ).toBe('invalid_json');
    const big = await trigger(workflow.webhookId, { name: 'x'.repeat(256 * 1024) });
    expect(big.status).toBe(413);
    expect(codeOf(big)).toBe('body_too_large');
    // Just under the limit is fine: it is the trigger's own limit, not the 1 MiB of other routes.
    const fits = await trigger(workflow.webhookId, { name: 'y', pad: 'p'.repeat(256 * 1024 - 100) });
    expect(fits.status).toBe(202);
    const after = (await call(server, 'GET', `/workflows/executions?workflowId=${workflow.id}&limit=100`)).body.data.length;
    expect(after).toBe(before + 1);
  });

  it('answers an unknown id exactly like a path that does not exist', async () => {
    const unknownHook = await trigger('0000000000000000000000', { name: 'x' });
    const unknownPath = await call(server, 'POST', '/nothing/here', { key: null, json: { name: 'x' } });
    expect(unknownHook.status).toBe(404);
    expect(anonymised(unknownHook.body, '/api/v1/workflow/0000000000000000000000/trigger')).toEqual(anonymised(unknownPath.body, '/api/v1/nothing/here'));
    expect(unknownHook.headers.get('X-RateLimit-Limit')).toBeTruthy();
    expect((await call(server, 'GET', '/workflow/0000000000000000000000/trigger', { key: null })).status).toBe(404);
  });

  it('replays a repeated Idempotency-Key under the owner account, starting one execution', async () => {
    const headers = { 'Idempotency-Key': 'hook-1' };
    const first = await trigger(workflow.webhookId, { name: 'once' }, headers);
    const again = await trigger(workflow.webhookId, { name: 'once' }, headers);
    expect(again.status).toBe(202);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(codeOf(await trigger(workflow.webhookId, { name: 'twice' }, headers))).toBe('idempotency_key_reused');
  });
});

describe('a webhook URL in the wrong hands', () => {
  it('spends nothing on refused triggers, and stops reading bodies from an IP once its refusals are spent', async () => {
    const guarded = await startTestServer({ ...UNLIMITED, api: { anonymousRequestsPerMinute: 3, webhookTriggersPerMinute: 2 } });
    try {
      const own = await createWorkflow(guarded, greetingFlow());
      const fire = (init: { json?: unknown; body?: string; headers?: Record<string, string> }) =>
        call(guarded, 'POST', `/workflow/${own.webhookId}/trigger`, { key: null, ...init });
      const refused = [
        await fire({ json: [1] }),
        await fire({ body: '{nope', headers: { 'Content-Type': 'application/json' } }),
        await fire({ json: { name: { nested: true } } }),
      ];
      expect(refused.map((reply) => [reply.status, codeOf(reply), reply.headers.get('X-RateLimit-Remaining')])).toEqual([
        [400, 'invalid_body', '2'],
        [400, 'invalid_json', '1'],
        [400, 'invalid_input', '0'],
      ]);
      // Spent: a body that would be 413 is not even read, and a good one waits too.
      for (const init of [
        { body: JSON.stringify({ name: 'x'.repeat(300 * 1024) }), headers: { 'Content-Type': 'application/json' } },
        { json: { name: 'fine' } },
      ]) {
        const reply = await fire(init);
        expect([reply.status, codeOf(reply)]).toEqual([429, 'rate_limited']);
        expect(Number(reply.headers.get('Retry-After'))).toBeGreaterThan(0);
      }
      expect((await call(guarded, 'GET', `/workflows/executions?workflowId=${own.id}`)).body.data).toEqual([]);
      // The owner's executions per minute were never touched.
      const mine = await call(guarded, 'POST', `/workflows/${own.id}/execute`, { json: {} });
      expect([mine.status, mine.headers.get('X-RateLimit-Remaining')]).toEqual([201, '99999']);
    } finally {
      await guarded.close();
    }
  });
});

describe('a webhook run is an execution', () => {
  it("spends one of its owner's executions per minute as well as the webhook's own budget", async () => {
    const limited = await startTestServer({
      api: { webhookTriggersPerMinute: 100 },
      services: { planLimits: { pro: { requestsPerMinute: 1000, executionsPerMinute: 2, executionsPerDay: null } } },
    });
    try {
      const own = await createWorkflow(limited, greetingFlow());
      const fire = () => call(limited, 'POST', `/workflow/${own.webhookId}/trigger`, { key: null, json: { name: 'hook' } });
      expect((await fire()).status).toBe(202);
      const mine = await call(limited, 'POST', `/workflows/${own.id}/execute`, { json: {} });
      expect([mine.status, mine.headers.get('X-RateLimit-Remaining')]).toEqual([201, '0']);
      const third = await fire();
      expect([third.status, codeOf(third)]).toEqual([429, 'rate_limited']);
      expect((await call(limited, 'GET', `/workflows/executions?workflowId=${own.id}`)).body.data).toHaveLength(2);
    } finally {
      await limited.close();
    }
  });
});

describe('logs', () => {
  it("never show a webhook id, the trigger's only credential", async () => {
    await trigger(workflow.webhookId, { name: 'logged' });
    const lines = server.logs.filter((line) => String(line.path).includes('/trigger'));
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(server.logs)).not.toContain(workflow.webhookId);
  });
});

describe('GET /workflow/{webhookId}/trigger', () => {
  it('describes the workflow without a key', async () => {
    const reply = await call(server, 'GET', `/workflow/${workflow.webhookId}/trigger`, { key: null });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ workflowId: workflow.id, name: 'Greeting', isActive: true, message: expect.any(String) });
  });
});

describe('inactive workflows', () => {
  it('refuses a trigger with 400 workflow_inactive', async () => {
    const inactive = await createWorkflow(server, { ...greetingFlow('Off'), isActive: false });
    const reply = await trigger(inactive.webhookId, { name: 'x' });
    expect(reply.status).toBe(400);
    expect(codeOf(reply)).toBe('workflow_inactive');
    expect(codeOf(await call(server, 'POST', `/workflows/${inactive.id}/execute`, { json: {} }))).toBe('workflow_inactive');
  });
});

describe('POST /workflows/{id}/webhook/rotate', () => {
  it('issues a new unguessable id; the old one stops working at once', async () => {
    const own = await createWorkflow(server, greetingFlow('Rotated'));
    const reply = await call(server, 'POST', `/workflows/${own.id}/webhook/rotate`);
    expect(reply.status).toBe(200);
    const { webhookId, webhookUrl } = reply.body.data;
    expect(webhookId).toMatch(/^[0-9A-Za-z]{22,}$/);
    expect(webhookId).not.toBe(own.webhookId);
    expect(webhookUrl).toBe(`${server.url}/api/v1/workflow/${webhookId}/trigger`);
    expect((await trigger(own.webhookId, { name: 'old' })).status).toBe(404);
    expect((await trigger(webhookId, { name: 'new' })).status).toBe(202);
  });

  it("is the owner's alone: another account gets 404, and a read-only key 403", async () => {
    const keys = await KeyMaker.open(server.home);
    const other = await keys.otherAccount();
    const readOnly = await keys.key({ scopes: ['workflows:read'] });
    await keys.close();
    expect(codeOf(await call(server, 'POST', `/workflows/${workflow.id}/webhook/rotate`, { key: other }))).toBe('not_found');
    expect(codeOf(await call(server, 'POST', `/workflows/${workflow.id}/webhook/rotate`, { key: readOnly }))).toBe('missing_scope');
  });
});
