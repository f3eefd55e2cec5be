import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/rest-server.js';
import { type ErrorCode, PipewrightError } from '../../src/errors/index.js';
import { fakeServices, noArtifactUrls, noIdempotency } from './fake-services.js';

// Unit tests of the cross-cutting middleware over app.request and a fake Services; the route
// suite (routes.test.ts and friends) runs the real server over HTTP.
const logger = pino({ level: 'silent' });
const app = (options: Parameters<typeof fakeServices>[0] = {}, settings = {}) =>
  createApp({
    services: fakeServices(options),
    idempotency: noIdempotency,
    webhookOwners: async () => undefined,
    artifactUrls: noArtifactUrls,
    logger,
    settings,
  });
const auth = { Authorization: 'Bearer sk-good' };
const json = { ...auth, 'Content-Type': 'application/json' };

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; type: string; message: string; requestId: string } }).error;
}

describe('request id', () => {
  it('echoes a safe client id', async () => {
    const response = await app().request('/api/v1/healthz', { headers: { 'X-Request-Id': 'abc.123:x-y_z' } });
    expect(response.headers.get('X-Request-Id')).toBe('abc.123:x-y_z');
  });

  it.each(['has space', 'x'.repeat(129), 'semi;colon', ''])('replaces an unsafe id %j', async (id) => {
    const response = await app().request('/api/v1/healthz', { headers: { 'X-Request-Id': id } });
    expect(response.headers.get('X-Request-Id')).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it('is on errors and in their body', async () => {
    const response = await app().request('/nowhere', { headers: { 'X-Request-Id': 'trace-1' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('X-Request-Id')).toBe('trace-1');
    expect((await errorOf(response)).requestId).toBe('trace-1');
  });
});

describe('error handler', () => {
  it('hides a bug behind a generic 500', async () => {
    const response = await app({ fail: new Error('ENOENT /srv/secret/path.db') }).request('/api/v1/workflows/lint', {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('/srv');
    expect(JSON.parse(text).error).toMatchObject({ type: 'api_error', code: 'internal' });
  });

  it('hides an unlisted operational fault behind a 503', async () => {
    const fail = new PipewrightError('store_unavailable', 'no space on /var/lib');
    const response = await app({ fail }).request('/api/v1/workflows/lint', { method: 'POST', headers: json, body: '{}' });
    expect(response.status).toBe(503);
    expect(await response.text()).not.toContain('/var');
  });

  it('sends an unlisted user code as 400 with its message, and only whitelisted details', async () => {
    const fail = new PipewrightError('ambiguous_thing' as ErrorCode, 'Say which one', { details: { secret: 'x' } });
    const response = await app({ fail }).request('/api/v1/workflows/lint', { method: 'POST', headers: json, body: '{}' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({ error: { type: 'invalid_request_error', code: 'ambiguous_thing', message: 'Say which one', requestId: expect.any(String) } });
  });

  it('puts invalid_graph violations beside the error', async () => {
    const fail = new PipewrightError('invalid_graph', 'bad', { details: { violations: [{ rule: 'cycle' }], warnings: [], compiled: 'internal' } });
    const response = await app({ fail }).request('/api/v1/workflows/lint', { method: 'POST', headers: json, body: '{}' });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ violations: [{ rule: 'cycle' }], warnings: [] });
  });
});

describe('routing fallbacks', () => {
  it('405 with Allow for a known path and the wrong method, with the other headers', async () => {
    const wrong = await app().request('/api/v1/nodes', { method: 'DELETE', headers: auth });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('Allow')).toBe('GET, HEAD');
    expect(wrong.headers.get('X-RateLimit-Limit')).toBe('100');
    expect(wrong.headers.get('X-Request-Id')).toBeTruthy();
    expect((await errorOf(wrong)).code).toBe('method_not_allowed');
  });
});

describe('bodies', () => {
  const post = (init: RequestInit, settings = {}) => app({}, settings).request('/api/v1/workflows/lint', { method: 'POST', ...init });

  it('415 for a non-JSON content type, fine for an empty body', async () => {
    expect((await post({ headers: { ...auth, 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect((await post({ headers: { ...auth, 'Content-Type': 'text/plain' } })).status).toBe(200);
    expect((await post({ headers: { ...auth, 'Content-Type': 'application/vnd.api+json; charset=utf-8' }, body: '{}' })).status).toBe(200);
  });

  it('400 invalid_json for malformed JSON and bad UTF-8', async () => {
    expect(await errorOf(await post({ headers: json, body: '{"a":' }))).toMatchObject({ code: 'invalid_json' });
    expect(await errorOf(await post({ headers: json, body: new Uint8Array([0x22, 0xff, 0x22]) }))).toMatchObject({ code: 'invalid_json' });
  });

  it('400 json_too_deep past the depth bound, brackets in strings not counted', async () => {
    expect((await errorOf(await post({ headers: json, body: '['.repeat(65) + ']'.repeat(65) }))).code).toBe('json_too_deep');
    expect((await post({ headers: json, body: JSON.stringify({ s: '['.repeat(100) }) })).status).toBe(200);
  });

  it('413 while streaming when no length is declared', async () => {
    const chunks = new ReadableStream({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode(' '.repeat(600)));
      },
    });
    const response = await post({ headers: json, body: chunks, duplex: 'half' } as RequestInit, { maxBodyBytes: 1000 });
    expect(response.status).toBe(413);
  });
});

describe('rate limits', () => {
  it('per key at the plan limit, then 429 with Retry-After and retryAfter', async () => {
    const limited = app({ requestsPerMinute: 2 });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 3; i++) statuses.push((last = await limited.request('/api/v1/nodes', { headers: auth })).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(last!.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(last!.headers.get('X-RateLimit-Remaining')).toBe('0');
    expect(await last!.json()).toMatchObject({ error: { type: 'rate_limit_error', code: 'rate_limited' }, retryAfter: expect.any(Number) });
  });

  it('anonymous requests have their own budget and headers', async () => {
    const response = await app({}, { anonymousRequestsPerMinute: 7 }).request('/api/v1/nodes');
    expect(response.status).toBe(401);
    expect(response.headers.get('X-RateLimit-Limit')).toBe('7');
    expect(Number(response.headers.get('X-RateLimit-Reset'))).toBeGreaterThan(Date.now() / 1000);
  });
});

describe('healthz', () => {
  it('503 with the verdict when the store does not answer', async () => {
    const response = await app({ storeDown: true }).request('/api/v1/healthz');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', store: 'unavailable' });
  });
});
