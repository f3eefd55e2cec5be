import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isPipewrightError, type PipewrightError } from '../../src/errors/index.js';
import { guardedFetch, type GuardedFetchOptions } from '../../src/net/index.js';
import { echo, json, redirect, stall, startTestServer, stream, testPolicy, text, type TestServer } from './test-server.js';

let server: TestServer;
const open = testPolicy({ allowPrivateNetwork: true });
const closed = testPolicy();

/** Hosts undici began connecting to: a refusal of a literal must come before any of this. */
const connectAttempts: string[] = [];
const onBeforeConnect = (message: unknown): void => {
  connectAttempts.push((message as { connectParams: { hostname: string } }).connectParams.hostname);
};

beforeAll(async () => {
  server = await startTestServer({
    '/json': json({ ok: true, items: [1, 2] }),
    '/text': text('hello'),
    '/echo': echo,
    '/big': stream(2 * 1024 * 1024),
    '/declared': (_req, res) => res.writeHead(200, { 'content-length': '200000' }).end(Buffer.alloc(200_000)),
    '/stall': stall,
    '/unavailable': text('try later', 503),
    '/chain/3': redirect('/chain/2'),
    '/chain/2': redirect('/chain/1', 301),
    '/chain/1': redirect('/json', 307),
    '/see-other': redirect('/echo', 303),
    '/keep-method': redirect('/echo', 307),
    '/loop': redirect('/loop'),
    '/to-metadata': redirect('http://169.254.169.254/latest/meta-data'),
    '/to-file': redirect('file:///etc/passwd'),
    '/secret': text('internal only'),
  });
  subscribe('undici:client:beforeConnect', onBeforeConnect);
});

afterAll(async () => {
  unsubscribe('undici:client:beforeConnect', onBeforeConnect);
  await server.close();
});

beforeEach(() => {
  connectAttempts.length = 0;
});

async function failure(url: string, options: GuardedFetchOptions): Promise<PipewrightError> {
  const error = await guardedFetch(url, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isPipewrightError(error)) throw new Error(`expected a PipewrightError, got ${String(error)}`);
  return error;
}

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('guardedFetch: responses', () => {
  it('returns status, lower-case headers, body and final URL', async () => {
    const response = await guardedFetch(`${server.origin}/json`, { policy: open });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(decode(response.body))).toEqual({ ok: true, items: [1, 2] });
    expect(response.url).toBe(`${server.origin}/json`);
  });

  it('sends method, headers and body', async () => {
    const response = await guardedFetch(`${server.origin}/echo`, {
      policy: open,
      method: 'post',
      headers: { 'x-test': 'yes', 'content-type': 'text/plain' },
      body: 'payload',
    });
    expect(JSON.parse(decode(response.body))).toMatchObject({ method: 'POST', headers: { 'x-test': 'yes' }, body: 'payload' });
  });

  it('returns 5xx responses rather than throwing', async () => {
    const response = await guardedFetch(`${server.origin}/unavailable`, { policy: open });
    expect(response.status).toBe(503);
    expect(decode(response.body)).toBe('try later');
  });
});

describe('guardedFetch: redirects', () => {
  it('follows a chain up to the limit and reports the final URL', async () => {
    const response = await guardedFetch(`${server.origin}/chain/3`, { policy: open });
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${server.origin}/json`);
  });

  it('fails past policy.maxRedirects', async () => {
    const error = await failure(`${server.origin}/chain/3`, { policy: testPolicy({ allowPrivateNetwork: true, maxRedirects: 2 }) });
    expect(error.code).toBe('too_many_redirects');
    expect((await failure(`${server.origin}/loop`, { policy: open })).code).toBe('too_many_redirects');
  });

  it('turns a POST into a bodiless GET on 303 and keeps it on 307', async () => {
    const seeOther = await guardedFetch(`${server.origin}/see-other`, { policy: open, method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } });
    expect(JSON.parse(decode(seeOther.body))).toMatchObject({ method: 'GET', body: '' });
    const kept = await guardedFetch(`${server.origin}/keep-method`, { policy: open, method: 'POST', body: 'x' });
    expect(JSON.parse(decode(kept.body))).toMatchObject({ method: 'POST', body: 'x' });
  });

  it('refuses a redirect to a non-http URL', async () => {
    expect((await failure(`${server.origin}/to-file`, { policy: open })).code).toBe('unsupported_url');
  });
});

describe('guardedFetch: limits', () => {
  it('aborts a body past the size cap', async () => {
    const error = await failure(`${server.origin}/big`, { policy: open, maxResponseBytes: 100_000 });
    expect(error.code).toBe('response_too_large');
    expect(error.details).toMatchObject({ maxResponseBytes: 100_000 });
  });

  it('refuses a declared length past the cap without reading the body', async () => {
    expect((await failure(`${server.origin}/declared`, { policy: open, maxResponseBytes: 100_000 })).code).toBe('response_too_large');
    expect((await guardedFetch(`${server.origin}/json`, { policy: open })).status).toBe(200);
  });

  it('applies the policy cap when the caller asks for more', async () => {
    const policy = testPolicy({ allowPrivateNetwork: true, maxResponseBytes: 10_000 });
    expect((await failure(`${server.origin}/big`, { policy, maxResponseBytes: 10_000_000 })).code).toBe('response_too_large');
  });

  it('times out a stalled body as a transient fetch_timeout', async () => {
    const error = await failure(`${server.origin}/stall`, { policy: testPolicy({ allowPrivateNetwork: true, fetchTimeoutMs: 200 }) });
    expect(error).toMatchObject({ code: 'fetch_timeout', transient: true });
  });

  it("rejects with the caller's abort reason when the caller cancels", async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled by test');
    setTimeout(() => controller.abort(reason), 50);
    await expect(guardedFetch(`${server.origin}/stall`, { policy: open, signal: controller.signal })).rejects.toBe(reason);
  });

  it('reports a refused connection as a transient network_error', async () => {
    const spare = await startTestServer({});
    await spare.close();
    const error = await failure(`${spare.origin}/`, { policy: open });
    expect(error).toMatchObject({ code: 'network_error', transient: true, details: { errorCode: 'ECONNREFUSED' } });
  });
});

describe('guardedFetch: bad URLs', () => {
  it.each([
    ['not a url', 'invalid_url'],
    ['file:///etc/passwd', 'unsupported_url'],
    ['ftp://example.com/x', 'unsupported_url'],
  ])('%s → %s', async (url, code) => {
    expect((await failure(url, { policy: open })).code).toBe(code);
    expect(connectAttempts).toEqual([]);
  });
});

describe('guardedFetch: internal targets without allowPrivateNetwork', () => {
  it.each([
    'http://127.0.0.1:{port}/secret',
    'http://[::1]:{port}/secret',
    'http://10.0.0.1/',
    'http://169.254.169.254/latest/meta-data',
    'http://[::ffff:127.0.0.1]:{port}/secret',
  ])('refuses %s before connecting', async (template) => {
    const error = await failure(template.replace('{port}', String(server.port)), { policy: closed });
    expect(error).toMatchObject({ code: 'forbidden_target', kind: 'user', transient: false });
    expect(error.message).toContain('PIPEWRIGHT_ALLOW_PRIVATE_NETWORK=1');
    expect(error.message).toContain('PIPEWRIGHT_ALLOW_HOSTS');
    expect(connectAttempts).toEqual([]);
  });

  it('refuses a name that resolves to loopback, before any TCP connection', async () => {
    const target = await startTestServer({ '/secret': text('internal only') });
    try {
      const error = await failure(`http://localhost:${target.port}/secret`, { policy: closed });
      expect(error).toMatchObject({ code: 'forbidden_target', details: { host: 'localhost', range: 'loopback' } });
      expect(target.connections()).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('re-checks every redirect hop: an allowed host may not bounce the fetch inward', async () => {
    const policy = testPolicy({ allowHosts: ['127.0.0.1/32'] });
    const error = await failure(`${server.origin}/to-metadata`, { policy });
    expect(error).toMatchObject({ code: 'forbidden_target', details: { host: '169.254.169.254', range: 'linkLocal' } });
    expect(connectAttempts.filter((host) => host !== '127.0.0.1')).toEqual([]);
  });

  it('allows a name listed in allowHosts but not the address behind it', async () => {
    const byName = testPolicy({ allowHosts: ['localhost'] });
    expect((await guardedFetch(`http://localhost:${server.port}/text`, { policy: byName })).status).toBe(200);
    const before = server.hits.get('/secret');
    expect((await failure(`${server.origin}/secret`, { policy: byName })).code).toBe('forbidden_target');
    expect(server.hits.get('/secret')).toBe(before);
  });
});
