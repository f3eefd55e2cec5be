import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflow, execute } from './exec-helpers.js';
import { greetingFlow, llmChain } from './flows.js';
import { call, codeOf, KeyMaker, startTestServer, type TestServer } from './harness.js';

// The operator's limits (PIPEWRIGHT_REQUESTS_PER_MINUTE, PIPEWRIGHT_EXECUTIONS_PER_MINUTE,
// PIPEWRIGHT_EXECUTIONS_PER_DAY) hold for every account whatever its plan, and a batch is judged
// whole: refused, it spends nothing. Each case uses its own account so budgets do not mix.

const limitHeaders = (reply: { headers: Headers }) => ({
  limit: reply.headers.get('X-RateLimit-Limit'),
  remaining: reply.headers.get('X-RateLimit-Remaining'),
});

const inputs = (n: number) => ({ inputs: Array.from({ length: n }, (_, i) => ({ name: `n${i}` })) });

async function withServer(env: Record<string, string>, work: (server: TestServer, keys: KeyMaker) => Promise<void>): Promise<void> {
  const server = await startTestServer({ api: { anonymousRequestsPerMinute: 100_000 }, env });
  const keys = await KeyMaker.open(server.home);
  try {
    await work(server, keys);
  } finally {
    await keys.close();
    await server.close();
  }
}

describe('PIPEWRIGHT_EXECUTIONS_PER_MINUTE', () => {
  let server: TestServer;
  let keys: KeyMaker;
  beforeAll(async () => {
    server = await startTestServer({ env: { PIPEWRIGHT_EXECUTIONS_PER_MINUTE: '30', PIPEWRIGHT_REQUESTS_PER_MINUTE: '1000' } });
    keys = await KeyMaker.open(server.home);
  });
  afterAll(async () => {
    await keys.close();
    await server.close();
  });

  it('lets a batch of 25 run, on every plan', async () => {
    for (const plan of ['free', 'pro', 'enterprise']) {
      const key = await keys.otherAccount(plan);
      const { id } = await createWorkflow(server, greetingFlow(), key);
      const batch = await call(server, 'POST', `/workflows/${id}/run`, { key, json: inputs(25) });
      expect(batch.status, JSON.stringify(batch.body)).toBe(202);
      expect(batch.body.executionRuns).toHaveLength(25);
      expect(limitHeaders(batch)).toEqual({ limit: '30', remaining: '5' });
    }
  });

  it('shows the limits in the usage view, whatever the plan', async () => {
    const key = await keys.otherAccount('free');
    const usage = await call(server, 'GET', '/developer/usage', { key });
    // The plan's daily cap stays where no operator limit replaces it.
    expect(usage.body.data.limits).toEqual({ requestsPerMinute: 1000, executionsPerMinute: 30, executionsPerDay: 50 });
  });
});

describe('a batch is judged whole', () => {
  it('refuses a batch larger than the limit with a 400, spending nothing: the next execute gets the whole budget', async () => {
    await withServer({ PIPEWRIGHT_EXECUTIONS_PER_MINUTE: '20' }, async (server, keys) => {
      const key = await keys.otherAccount();
      const { id } = await createWorkflow(server, greetingFlow(), key);
      const refused = await call(server, 'POST', `/workflows/${id}/run`, { key, json: inputs(25) });
      expect([refused.status, codeOf(refused)]).toEqual([400, 'invalid_field']);
      expect(refused.body.error.message).toMatch(/25 executions.*20 per minute/);
      expect(limitHeaders(refused)).toEqual({ limit: '20', remaining: '20' });
      expect((await call(server, 'GET', `/workflows/executions?workflowId=${id}`, { key })).body.data).toEqual([]);
      const single = await execute(server, id, {}, key);
      expect(single.status).toBe(201);
      expect(limitHeaders(single)).toEqual({ limit: '20', remaining: '19' });
    });
  });

  it('refuses a batch larger than what is left this minute with a 429, spending nothing', async () => {
    await withServer({ PIPEWRIGHT_EXECUTIONS_PER_MINUTE: '20' }, async (server, keys) => {
      const key = await keys.otherAccount();
      const { id } = await createWorkflow(server, greetingFlow(), key);
      expect((await call(server, 'POST', `/workflows/${id}/run`, { key, json: inputs(12) })).status).toBe(202);
      const refused = await call(server, 'POST', `/workflows/${id}/run`, { key, json: inputs(9) });
      expect([refused.status, codeOf(refused)]).toEqual([429, 'rate_limited']);
      expect(refused.body.retryAfter).toBeGreaterThan(0);
      expect(limitHeaders(refused)).toEqual({ limit: '20', remaining: '8' });
      const fits = await call(server, 'POST', `/workflows/${id}/run`, { key, json: inputs(8) });
      expect(fits.status).toBe(202);
      expect(limitHeaders(fits)).toEqual({ limit: '20', remaining: '0' });
      expect((await call(server, 'GET', `/workflows/executions?workflowId=${id}&limit=100`, { key })).body.data).toHaveLength(20);
    });
  });

  it('gives back all but one execution of a batch the service refuses (credits)', async () => {
    await withServer({ PIPEWRIGHT_EXECUTIONS_PER_MINUTE: '20', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }, async (server, keys) => {
      const key = await keys.otherAccount('pro', 1);
      const { id } = await createWorkflow(server, llmChain(1), key);
      const refused = await call(server, 'POST', `/workflows/${id}/run`, { key, json: { inputs: [{}, {}, {}, {}, {}] } });
      expect(refused.status).toBe(402);
      // The request counts as one execution, like any refused request; the other four come back.
      expect(limitHeaders(refused)).toEqual({ limit: '20', remaining: '19' });
    });
  });
});

describe('PIPEWRIGHT_EXECUTIONS_PER_DAY and unlimited', () => {
  it('caps executions per day for every account, and lifts a per-minute limit with "unlimited"', async () => {
    await withServer({ PIPEWRIGHT_EXECUTIONS_PER_DAY: '3', PIPEWRIGHT_REQUESTS_PER_MINUTE: 'unlimited' }, async (server, keys) => {
      const key = await keys.otherAccount('enterprise');
      const listed = await call(server, 'GET', '/workflows', { key });
      expect(listed.status).toBe(200);
      // No limit, so no headers describing one.
      expect(listed.headers.get('X-RateLimit-Limit')).toBeNull();
      expect((await call(server, 'GET', '/developer/usage', { key })).body.data.limits).toEqual({
        requestsPerMinute: null,
        executionsPerMinute: 10,
        executionsPerDay: 3,
      });
      const { id } = await createWorkflow(server, greetingFlow(), key);
      expect((await call(server, 'POST', `/workflows/${id}/run`, { key, json: inputs(3) })).status).toBe(202);
      const over = await execute(server, id, {}, key);
      expect([over.status, codeOf(over)]).toEqual([429, 'rate_limited']);
      expect(over.body.error.message).toMatch(/Daily execution limit/);
    });
  });

  it('refuses 0 and anything but a whole number or "unlimited" at start, naming the variable', async () => {
    for (const value of ['0', '-5', '2.5', 'lots']) {
      const failure = await startTestServer({ env: { PIPEWRIGHT_EXECUTIONS_PER_MINUTE: value } }).catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: 'invalid_field', message: expect.stringContaining('PIPEWRIGHT_EXECUTIONS_PER_MINUTE') });
    }
    const zero = await startTestServer({ env: { PIPEWRIGHT_REQUESTS_PER_MINUTE: '0' } }).catch((error: unknown) => error);
    expect((zero as Error).message).toMatch(/write unlimited for no limit/);
  });
});
