import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflow, execute } from './exec-helpers.js';
import { greetingFlow, llmChain } from './flows.js';
import { call, codeOf, KeyMaker, startTestServer, type TestServer } from './harness.js';

// Executions beyond the plan's limits: per minute (per account; each webhook has a budget of its
// own), per day, and credits. Each case uses its own account so budgets do not mix.

let server: TestServer;
let keys: KeyMaker;

beforeAll(async () => {
  server = await startTestServer({
    api: { anonymousRequestsPerMinute: 100_000, webhookTriggersPerMinute: 2 },
    services: {
      planLimits: {
        pro: { requestsPerMinute: 1_000, executionsPerMinute: 3, executionsPerDay: null },
        free: { requestsPerMinute: 1_000, executionsPerMinute: 100, executionsPerDay: 2 },
      },
    },
    // Configured but never called: the refusals below come before any provider is.
    env: { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' },
  });
  keys = await KeyMaker.open(server.home);
});
afterAll(async () => {
  await keys.close();
  await server.close();
});

const limitHeaders = (reply: { headers: Headers }) => ({
  limit: reply.headers.get('X-RateLimit-Limit'),
  remaining: reply.headers.get('X-RateLimit-Remaining'),
});

describe('executions per minute', () => {
  it('counts execute, run and retry against the account, apart from the request budget', async () => {
    const key = await keys.otherAccount();
    const { id } = await createWorkflow(server, greetingFlow(), key);
    const requestsBefore = Number((await call(server, 'GET', '/workflows', { key })).headers.get('X-RateLimit-Remaining'));
    const first = await execute(server, id, {}, key);
    expect(first.status).toBe(201);
    expect(limitHeaders(first)).toEqual({ limit: '3', remaining: '2' });
    expect(limitHeaders(await call(server, 'POST', `/workflows/${id}/run`, { key, json: {} }))).toEqual({ limit: '3', remaining: '1' });
    expect((await execute(server, id, {}, key)).status).toBe(201);
    const refused = await execute(server, id, {}, key);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { type: 'rate_limit_error', code: 'rate_limited' }, retryAfter: expect.any(Number) });
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(limitHeaders(refused)).toEqual({ limit: '3', remaining: '0' });
    expect(codeOf(await call(server, 'POST', `/workflows/executions/${first.body.executionId}/retry`, { key }))).toBe('rate_limited');
    // Four execution calls and one refused retry later, the request budget moved by one GET only.
    const requests = await call(server, 'GET', '/workflows', { key });
    expect(requests.status).toBe(200);
    expect(limitHeaders(requests)).toEqual({ limit: '1000', remaining: String(requestsBefore - 1) });
  });

  it('counts every execution of a batch, judging the batch whole', async () => {
    const key = await keys.otherAccount();
    const { id } = await createWorkflow(server, greetingFlow(), key);
    const inputs = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `n${i}` }));
    // Four can never fit three a minute: a 400 to change the request, not a 429 to wait out; nothing spent.
    const never = await call(server, 'POST', `/workflows/${id}/run`, { key, json: { inputs: inputs(4) } });
    expect([never.status, codeOf(never), never.body.field]).toEqual([400, 'invalid_field', 'inputs']);
    expect(never.body.error.message).toMatch(/at most 3 input sets/);
    expect(limitHeaders(never)).toEqual({ limit: '3', remaining: '3' });
    const batch = await call(server, 'POST', `/workflows/${id}/run`, { key, json: { inputs: inputs(3) } });
    expect(batch.status).toBe(202);
    expect(batch.body.executionRuns).toHaveLength(3);
    expect(limitHeaders(batch)).toEqual({ limit: '3', remaining: '0' });
    expect((await execute(server, id, {}, key)).status).toBe(429);
    expect((await call(server, 'GET', `/workflows/executions?workflowId=${id}`, { key })).body.data).toHaveLength(3);
  });

  it("counts the runs a webhook starts against its own budget and, like any execution, its owner's", async () => {
    const key = await keys.otherAccount();
    const a = await createWorkflow(server, greetingFlow('A'), key);
    const b = await createWorkflow(server, greetingFlow('B'), key);
    const fire = (hook: string, json: unknown = { name: 'x' }) => call(server, 'POST', `/workflow/${hook}/trigger`, { key: null, json });
    // Refused triggers spend nothing: not the webhook's budget, not the owner's.
    for (const json of [[1], 'text', { name: { nested: true } }]) expect((await fire(a.webhookId, json)).status).toBe(400);
    const started = await fire(a.webhookId);
    expect(started.status).toBe(202);
    expect(limitHeaders(started)).toEqual({ limit: '2', remaining: '1' });
    expect((await fire(a.webhookId)).status).toBe(202);
    const perHook = await fire(a.webhookId);
    expect(perHook.status).toBe(429);
    expect(limitHeaders(perHook)).toEqual({ limit: '2', remaining: '0' });
    expect(perHook.body.error.message).toMatch(/webhook/);
    // Webhook B has a budget of its own, but the owner's 3 executions per minute are shared: two
    // went to webhook A's runs, one is left.
    const third = await fire(b.webhookId);
    expect([third.status, limitHeaders(third)]).toEqual([202, { limit: '3', remaining: '0' }]);
    const perOwner = await fire(b.webhookId);
    expect(perOwner.status).toBe(429);
    expect(perOwner.body.error.message).toMatch(/executions/);
    expect((await execute(server, a.id, {}, key)).status).toBe(429);
    expect((await call(server, 'GET', `/workflows/executions?workflowId=${a.id}`, { key })).body.data).toHaveLength(2);
    expect((await call(server, 'GET', `/workflows/executions?workflowId=${b.id}`, { key })).body.data).toHaveLength(1);
  });

  it("puts the execution budget's headers on a 403 of an execution route too", async () => {
    const reader = await keys.key({ scopes: ['workflows:read'] });
    const { id } = await createWorkflow(server, greetingFlow());
    const reply = await execute(server, id, {}, reader);
    expect(reply.status).toBe(403);
    expect(reply.headers.get('X-RateLimit-Limit')).toBe('3');
  });
});

describe('executions per day', () => {
  it("refuses past the plan's daily cap with 429 and Retry-After, starting nothing", async () => {
    const key = await keys.otherAccount('free');
    const { id } = await createWorkflow(server, greetingFlow(), key);
    expect((await execute(server, id, {}, key)).status).toBe(201);
    const batch = await call(server, 'POST', `/workflows/${id}/run`, { key, json: { inputs: [{ name: 'a' }, { name: 'b' }] } });
    expect(batch.status).toBe(429);
    expect((await execute(server, id, {}, key)).status).toBe(201);
    const over = await execute(server, id, {}, key);
    expect(over.status).toBe(429);
    expect(codeOf(over)).toBe('rate_limited');
    expect(Number(over.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await call(server, 'GET', `/workflows/executions?workflowId=${id}`, { key })).body.data).toHaveLength(2);
  });
});

describe('credits', () => {
  it('refuses a run whose estimate exceeds the balance with the compat 402, before anything runs', async () => {
    const key = await keys.otherAccount('pro', 1);
    const { id } = await createWorkflow(server, llmChain(2), key);
    const reply = await execute(server, id, {}, key);
    expect(reply.status).toBe(402);
    expect(reply.body).toEqual({
      error: { type: 'insufficient_credits_error', code: 'insufficient_credits', message: expect.any(String), requestId: expect.any(String) },
      insufficientCredits: true,
      requiredCredits: 2,
      availableCredits: 1,
      breakdown: [expect.objectContaining({ nodeId: 'llm1', credits: 1 }), expect.objectContaining({ nodeId: 'llm2', credits: 1 })],
    });
    expect((await call(server, 'GET', `/workflows/executions?workflowId=${id}`, { key })).body.data).toEqual([]);
    const estimate = (await call(server, 'POST', `/workflows/${id}/estimate`, { key, json: {} })).body.data;
    expect(estimate).toMatchObject({ estimatedCredits: 2, availableCredits: 1, sufficient: false });
    // A dry run costs nothing, so it goes through.
    expect((await execute(server, id, { dryRun: true }, key)).status).toBe(201);
  });
});
