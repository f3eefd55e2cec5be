import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, codeOf, example, startTestServer, type Reply, type TestServer } from './harness.js';

// Headers and logs that every response and request must have, over real HTTP.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ api: { anonymousRequestsPerMinute: 1_000 }, services: { planLimits: { pro: { requestsPerMinute: 1_000 } } } });
});
afterAll(() => server.close());

/** One of each kind of answer: success, 201, 401, 403-free 404, 405, 413, 415, 400, healthz. */
async function assortedReplies(): Promise<Reply[]> {
  return [
    await call(server, 'GET', '/workflows'),
    await call(server, 'POST', '/workflows', { json: example('fan-out') }),
    await call(server, 'GET', '/workflows', { key: null }),
    await call(server, 'GET', '/nope'),
    await call(server, 'DELETE', '/nodes'),
    await call(server, 'POST', '/workflows', { body: 'x'.repeat(1024 * 1024 + 1), headers: { 'Content-Type': 'application/json' } }),
    await call(server, 'POST', '/workflows', { body: '<xml/>', headers: { 'Content-Type': 'application/xml' } }),
    await call(server, 'POST', '/workflows', { body: '{', headers: { 'Content-Type': 'application/json' } }),
    await call(server, 'GET', '/healthz', { key: null }),
  ];
}

describe('on every response', () => {
  it('X-Request-Id and the three X-RateLimit-* headers', async () => {
    const replies = await assortedReplies();
    expect(replies.map((reply) => reply.status)).toEqual([200, 201, 401, 404, 405, 413, 415, 400, 200]);
    for (const reply of replies) {
      expect(reply.headers.get('X-Request-Id')).toMatch(/^req_[0-9a-f]{32}$/);
      expect(Number(reply.headers.get('X-RateLimit-Limit'))).toBeGreaterThan(0);
      expect(Number(reply.headers.get('X-RateLimit-Remaining'))).toBeGreaterThanOrEqual(0);
      expect(Number(reply.headers.get('X-RateLimit-Reset'))).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
    }
  });

  it('echoes a safe client request id, in the header and the error body', async () => {
    const reply = await call(server, 'GET', '/workflows/wf_missing', { headers: { 'X-Request-Id': 'client-42:retry.1' } });
    expect(reply.headers.get('X-Request-Id')).toBe('client-42:retry.1');
    expect(reply.body.error.requestId).toBe('client-42:retry.1');
    const unsafe = await call(server, 'GET', '/workflows', { headers: { 'X-Request-Id': '<script>' } });
    expect(unsafe.headers.get('X-Request-Id')).toMatch(/^req_/);
  });
});

describe('logs', () => {
  it('one line per request with id, method, path, status, ms and account; no key, no body', async () => {
    const marker = `log-${Date.now()}`;
    await call(server, 'POST', '/workflows/lint', { json: { secretField: 'do-not-log' }, headers: { 'X-Request-Id': marker } });
    const lines = server.logs.filter((line) => line.requestId === marker);
    expect(lines).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/api/v1/workflows/lint',
        status: 200,
        ms: expect.any(Number),
        accountId: expect.stringMatching(/^acct_/),
      }),
    ]);
    const all = JSON.stringify(server.logs);
    expect(all).not.toContain(server.adminKey);
    expect(all).not.toContain('do-not-log');
  });
});

describe('rate limits', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({
      api: { anonymousRequestsPerMinute: 2, healthChecksPerMinute: 3 },
      services: { planLimits: { pro: { requestsPerMinute: 3 } } },
    });
  });
  afterAll(() => limited.close());

  it('per key: the plan limit counts down, then 429 rate_limited with Retry-After and retryAfter', async () => {
    const replies: Reply[] = [];
    for (let i = 0; i < 4; i++) replies.push(await call(limited, 'GET', '/nodes'));
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 429]);
    expect(replies.map((reply) => reply.headers.get('X-RateLimit-Remaining'))).toEqual(['2', '1', '0', '0']);
    const over = replies[3]!;
    expect(codeOf(over)).toBe('rate_limited');
    expect(over.body.error.type).toBe('rate_limit_error');
    expect(Number(over.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(over.body.retryAfter).toBe(Number(over.headers.get('Retry-After')));
  });

  it('without a key: per client IP at the anonymous budget', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(limited, 'GET', '/workflows', { key: null })).status);
    expect(statuses).toEqual([401, 401, 429]);
  });

  it('healthz: per client IP at a budget of its own, which no other caller of the address spends', async () => {
    // The anonymous budget is spent (above) and the key's is spent too: a monitor still gets through.
    for (let i = 0; i < 3; i++) await call(limited, 'GET', '/nodes');
    const replies: Reply[] = [];
    for (const key of [null, undefined, null, null]) replies.push(await call(limited, 'GET', '/healthz', { key }));
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 429]);
    expect(replies.map((reply) => [reply.headers.get('X-RateLimit-Limit'), reply.headers.get('X-RateLimit-Remaining')])).toEqual([
      ['3', '2'],
      ['3', '1'],
      ['3', '0'],
      ['3', '0'],
    ]);
    expect(replies[3]!.body.error.message).toMatch(/health checks/);
  });
});
