import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/rest-server.js';
import { PipewrightError } from '../../src/errors/index.js';
import type { IdempotencyService } from '../../src/service/idempotency/index.js';
import { fakeServices, noArtifactUrls } from './fake-services.js';

// What the middleware stores, releases and replays, on app.request with a recording service.
// The real service is tested on the store (test/store) and over HTTP (idempotency.test.ts).

function recording(replay?: { status: number; headers: Record<string, string>; body: string }) {
  const calls: Array<[string, ...unknown[]]> = [];
  const service: IdempotencyService = {
    begin: async (...args) => {
      calls.push(['begin', ...args]);
      return replay ? { kind: 'replay', ...replay } : { kind: 'run', claim: 'claim-1' };
    },
    complete: async (...args) => void calls.push(['complete', ...args]),
    release: async (...args) => void calls.push(['release', ...args]),
  };
  return { service, calls };
}

const lint = (service: IdempotencyService, fail?: unknown, headers: Record<string, string> = { 'Idempotency-Key': 'k-1' }, query = '') =>
  createApp({
    services: fakeServices(fail === undefined ? {} : { fail }),
    idempotency: service,
    webhookOwners: async () => undefined,
    artifactUrls: noArtifactUrls,
    logger: pino({ level: 'silent' }),
  }).request(`/api/v1/workflows/lint${query}`, {
    method: 'POST',
    headers: { Authorization: 'Bearer sk-good', 'Content-Type': 'application/json', ...headers },
    body: '{"nodes":[]}',
  });

describe('idempotency middleware', () => {
  it('fingerprints the account, method, path and body as sent, and stores the answer', async () => {
    const { service, calls } = recording();
    const response = await lint(service);
    expect(response.status).toBe(200);
    expect(calls[0]).toEqual(['begin', 'acc_1', 'k-1', { method: 'POST', path: '/api/v1/workflows/lint', body: '{"nodes":[]}' }]);
    expect(calls[1]).toEqual([
      'complete',
      'acc_1',
      'k-1',
      { status: 200, headers: { 'content-type': 'application/json' }, body: await response.text() },
      'claim-1',
    ]);
  });

  it('counts the query as part of the path: a trigger with another callbackUrl is another request', async () => {
    const { service, calls } = recording();
    await lint(service, undefined, { 'Idempotency-Key': 'k-1' }, '?callbackUrl=https%3A%2F%2Fexample.com%2Fhook');
    expect(calls[0]).toMatchObject(['begin', 'acc_1', 'k-1', { path: '/api/v1/workflows/lint?callbackUrl=https%3A%2F%2Fexample.com%2Fhook' }]);
  });

  it('stores a 4xx: the answer to that request is final', async () => {
    const { service, calls } = recording();
    const response = await lint(service, new PipewrightError('workflow_inactive', 'inactive'));
    expect(response.status).toBe(400);
    expect(calls[1]).toMatchObject(['complete', 'acc_1', 'k-1', { status: 400 }, 'claim-1']);
  });

  it('releases the claim on a 5xx, so a retry can go through', async () => {
    const { service, calls } = recording();
    expect((await lint(service, new Error('boom'))).status).toBe(500);
    expect(calls[1]).toEqual(['release', 'acc_1', 'k-1', 'claim-1']);
    expect(calls).toHaveLength(2);
  });

  it('releases the claim on a 429, so the same request can go through once the wait is over', async () => {
    const { service, calls } = recording();
    const refusal = new PipewrightError('rate_limited', 'Rate limit of 3 executions per minute exceeded', { details: { retryAfter: 5 } });
    expect((await lint(service, refusal)).status).toBe(429);
    expect(calls[1]).toEqual(['release', 'acc_1', 'k-1', 'claim-1']);
    expect(calls).toHaveLength(2);
  });

  it('replays the stored status, headers and body with Idempotent-Replayed, running nothing', async () => {
    const { service, calls } = recording({ status: 201, headers: { 'content-type': 'application/json', location: '/api/v1/x' }, body: '{"id":"x"}' });
    const response = await lint(service, new Error('the handler must not run'));
    expect(response.status).toBe(201);
    expect(response.headers.get('Idempotent-Replayed')).toBe('true');
    expect(response.headers.get('Location')).toBe('/api/v1/x');
    expect(response.headers.get('X-Request-Id')).toBeTruthy();
    expect(response.headers.get('X-RateLimit-Limit')).toBe('100');
    expect(await response.text()).toBe('{"id":"x"}');
    expect(calls.map(([name]) => name)).toEqual(['begin']);
  });

  it('does nothing without the header', async () => {
    const { service, calls } = recording();
    expect((await lint(service, undefined, {})).status).toBe(200);
    expect(calls).toEqual([]);
  });
});
