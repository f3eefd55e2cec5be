import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest } from '../../../src/nodes/utility/http-request.js';
import { echo, json, redirect, stall, startTestServer, stream, testPolicy, text, type TestServer } from '../../net/test-server.js';
import { caught, makeContext, runNode } from '../context.js';

let server: TestServer;
const policy = testPolicy({ allowPrivateNetwork: true });

beforeAll(async () => {
  server = await startTestServer({
    '/json': json({ id: 7, tags: ['a'] }),
    '/text': text('plain words'),
    '/bad-json': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{nope'),
    '/echo': echo,
    '/moved': redirect('/json', 301),
    '/big': stream(200_000),
    '/unavailable': text('overloaded', 503),
    '/slow-down': (_req, res) => res.writeHead(429, { 'retry-after': '3' }).end(),
    '/missing': text('no such thing', 404),
    '/stall': stall,
  });
});

afterAll(() => server.close());

const call = (path: string, config: Record<string, unknown> = {}, inputs: Record<string, unknown> = {}) =>
  runNode(httpRequest, config, { policy, inputs: { url: `${server.origin}${path}`, ...inputs } });

describe('utility:http_request', () => {
  it('parses a JSON response and reports status and headers', async () => {
    const outputs = await call('/json');
    expect(outputs).toMatchObject({ status: 200, body: { id: 7, tags: ['a'] } });
    expect((outputs.headers as Record<string, string>)['content-type']).toMatch(/application\/json/);
  });

  it('returns text for a text response, and text on request even for JSON', async () => {
    expect((await call('/text')).body).toBe('plain words');
    expect((await call('/json', { responseType: 'text' })).body).toBe('{"id":7,"tags":["a"]}');
  });

  it('fails with invalid_response when JSON was asked for and not given', async () => {
    expect((await caught(call('/text', { responseType: 'json' }))).code).toBe('invalid_response');
    expect((await caught(call('/bad-json'))).code).toBe('invalid_response');
  });

  it('sends a JSON body with headers, and text as is', async () => {
    const sent = await call('/echo', { method: 'POST', headers: { 'x-key': 'v' } }, { body: { q: 1 } });
    expect(sent.body).toMatchObject({ method: 'POST', body: '{"q":1}', headers: { 'x-key': 'v', 'content-type': 'application/json' } });
    const raw = await call('/echo', { method: 'PUT', headers: { 'Content-Type': 'text/csv' } }, { body: 'a,b' });
    expect(raw.body).toMatchObject({ method: 'PUT', body: 'a,b', headers: { 'content-type': 'text/csv' } });
  });

  it('refuses a body on GET', async () => {
    expect((await caught(call('/echo', {}, { body: { q: 1 } }))).code).toBe('invalid_input');
  });

  it('follows redirects', async () => {
    expect(await call('/moved')).toMatchObject({ status: 200, body: { id: 7 } });
  });

  it('marks 503 and 429 as transient upstream errors', async () => {
    const unavailable = await caught(call('/unavailable'));
    expect(unavailable).toMatchObject({ code: 'upstream_error', transient: true, details: { status: 503 } });
    expect(unavailable.message).toContain('overloaded');
    expect(await caught(call('/slow-down'))).toMatchObject({ code: 'upstream_error', transient: true, details: { status: 429, retryAfter: '3' } });
  });

  it('marks 404 as a permanent upstream error', async () => {
    expect(await caught(call('/missing'))).toMatchObject({ code: 'upstream_error', transient: false, kind: 'user', details: { status: 404 } });
  });

  it('applies the policy size cap', async () => {
    const small = testPolicy({ allowPrivateNetwork: true, maxResponseBytes: 10_000 });
    const error = await caught(runNode(httpRequest, {}, { policy: small, inputs: { url: `${server.origin}/big` } }));
    expect(error.code).toBe('response_too_large');
  });

  it('times out a stalled response as a transient fetch_timeout', async () => {
    const impatient = testPolicy({ allowPrivateNetwork: true, fetchTimeoutMs: 150 });
    const error = await caught(runNode(httpRequest, {}, { policy: impatient, inputs: { url: `${server.origin}/stall` } }));
    expect(error).toMatchObject({ code: 'fetch_timeout', transient: true });
  });

  it('refuses loopback under a server policy without connecting', async () => {
    const before = server.hits.get('/json');
    const error = await caught(runNode(httpRequest, {}, { policy: testPolicy(), inputs: { url: `${server.origin}/json` } }));
    expect(error).toMatchObject({ code: 'forbidden_target', kind: 'user' });
    expect(server.hits.get('/json')).toBe(before);
  });

  it('is not cached, and rejects invalid header names at validation', () => {
    expect(httpRequest.cacheable).toBe(false);
    expect(httpRequest.config.safeParse({ headers: { 'bad name': 'x' } }).success).toBe(false);
  });
});

describe('utility:http_request in a dry run', () => {
  const dry = (path: string, config: Record<string, unknown>) => {
    const settings = httpRequest.config.parse(config) as Record<string, unknown>;
    return httpRequest.dryRun!({ ...makeContext({ policy, inputs: { url: `${server.origin}${path}`, body: { a: 1 } } }), settings, dryRun: true });
  };

  it('sends nothing that could change anything: a POST answers with a placeholder', async () => {
    const before = server.hits.get('/echo') ?? 0;
    const outputs = await dry('/echo', { method: 'POST' });
    expect(outputs).toEqual({ status: 0, headers: {}, body: { dryRun: true, method: 'POST', url: `${server.origin}/echo`, body: { a: 1 } } });
    expect(server.hits.get('/echo') ?? 0).toBe(before);
  });

  it('still reads with GET, so the data flow can be checked', async () => {
    const settings = httpRequest.config.parse({}) as Record<string, unknown>;
    const outputs = await httpRequest.dryRun!({ ...makeContext({ policy, inputs: { url: `${server.origin}/json` } }), settings, dryRun: true });
    expect(outputs).toMatchObject({ status: 200, body: { id: 7, tags: ['a'] } });
  });
});
