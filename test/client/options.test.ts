import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ClientOptions } from '../../src/client/index.js';
import { startScriptedApi, type ScriptedApi } from './scripted-api.js';

const KEY = `sk-${'Qq1Ww2Ee'.repeat(5)}`;
let api: ScriptedApi;

beforeAll(async () => {
  api = await startScriptedApi();
});
afterAll(() => api.close());

function refusal(options: unknown): unknown {
  try {
    createClient(options as ClientOptions);
  } catch (error) {
    return error;
  }
  throw new Error('expected createClient to refuse the options');
}

describe('createClient options', () => {
  it.each([
    ['baseUrl', { apiKey: KEY }],
    ['baseUrl', { baseUrl: 'ftp://example.com', apiKey: KEY }],
    ['baseUrl', { baseUrl: 'not a url', apiKey: KEY }],
    ['baseUrl', { baseUrl: 'http://user:secret@127.0.0.1:1', apiKey: KEY }],
    ['apiKey', { baseUrl: 'http://127.0.0.1:1' }],
    ['apiKey', { baseUrl: 'http://127.0.0.1:1', apiKey: 'sk-with space' }],
    ['timeoutMs', { baseUrl: 'http://127.0.0.1:1', apiKey: KEY, timeoutMs: 0 }],
    ['retries', { baseUrl: 'http://127.0.0.1:1', apiKey: KEY, retries: 1.5 }],
    ['retryDelay.maxRetryAfterMs', { baseUrl: 'http://127.0.0.1:1', apiKey: KEY, retryDelay: { maxRetryAfterMs: -1 } }],
    ['polling.factor', { baseUrl: 'http://127.0.0.1:1', apiKey: KEY, polling: { factor: 0.5 } }],
    ['onRetry', { baseUrl: 'http://127.0.0.1:1', apiKey: KEY, onRetry: 'log' }],
  ])('refuses a bad %s up front, saying what was expected', (option, options) => {
    expect(refusal(options)).toMatchObject({ code: 'invalid_option', kind: 'user', details: { option } });
  });

  it('adds /api/v1 to a bare origin, and keeps any other API root as given', async () => {
    const bare = createClient({ baseUrl: api.url, apiKey: KEY });
    const rooted = createClient({ baseUrl: new URL('/proxy/api/v1/', api.url), apiKey: KEY });
    await bare.health();
    await rooted.health();
    expect(api.seen.map((seen) => seen.url)).toEqual(['/api/v1/healthz', '/proxy/api/v1/healthz']);
    await Promise.all([bare.close(), rooted.close()]);
  });

  it('encodes ids into one path segment and skips undefined query values', async () => {
    api.reset();
    const client = createClient({ baseUrl: api.url, apiKey: KEY });
    api.script({ body: {} }, { body: { data: [], nextCursor: null } });
    await client.workflows.get('../nodes?x=1');
    await client.workflows.list({ tag: 'a b', isActive: false, q: undefined });
    expect(api.seen.map((seen) => seen.url)).toEqual(['/api/v1/workflows/..%2Fnodes%3Fx%3D1', '/api/v1/workflows?tag=a+b&isActive=false']);
    await client.close();
  });

  it('reuses kept-alive connections across calls', async () => {
    api.reset();
    const client = createClient({ baseUrl: api.url, apiKey: KEY });
    for (let i = 0; i < 10; i++) await client.health();
    // undici may open a second connection while the first is being released; never one per call.
    expect(new Set(api.seen.map((seen) => seen.remotePort)).size).toBeLessThanOrEqual(2);
    await client.close();
  });

  it('sends through a given dispatcher, and leaves it open on close', async () => {
    api.reset();
    const agent = new Agent();
    const client = createClient({ baseUrl: api.url, apiKey: KEY, dispatcher: agent });
    await client.health();
    await client.close();
    expect(agent.closed).toBe(false);
    expect(api.seen).toHaveLength(1);
    await agent.close();
  });

  it('refuses to use a closed client', async () => {
    const client = createClient({ baseUrl: api.url, apiKey: KEY, retries: 0 });
    await client.close();
    await expect(client.health()).rejects.toMatchObject({ code: 'network_error', transient: false });
  });
});
