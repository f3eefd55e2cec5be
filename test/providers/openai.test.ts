import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PipewrightError } from '../../src/errors/index.js';
import { chatText, createProviders, openAiImages, type ProviderAdapter } from '../../src/providers/index.js';
import { startOpenAiFake, type OpenAiFake } from './fakes/openai-fake.js';
import { callContext, fastAdapter, rejection } from './support.js';

const KEY = 'sk-test-0123456789abcdef';
const CHAT = { endpoint: 'chat:gpt-4o-mini', input: { messages: [{ role: 'user', content: 'Rewrite: red sneaker' }] } };

describe('openai-compatible adapter', () => {
  let fake: OpenAiFake;
  let openai: ProviderAdapter;

  beforeEach(async () => {
    fake = await startOpenAiFake(KEY);
    openai = fastAdapter('openai', { openai: { apiKey: KEY, baseUrl: fake.baseUrl, source: 'OPENAI_API_KEY' } });
  });
  afterEach(() => fake.close());

  it('posts chat completions with the model from the endpoint and returns the completion JSON', async () => {
    const result = await openai.call(CHAT, callContext());
    expect(fake.requests).toEqual([
      { path: '/v1/chat/completions', body: { ...CHAT.input, model: 'gpt-4o-mini', stream: false }, authorization: `Bearer ${KEY}` },
    ]);
    expect(result.jobId).toBeUndefined();
    expect(chatText(result.output)).toBe('A crisp studio photo of a red sneaker.');
  });

  it('posts image generations and returns the images response, b64_json or url', async () => {
    const b64 = await openai.call({ endpoint: 'images:gpt-image-1', input: { prompt: 'a red sneaker' } }, callContext());
    expect(openAiImages(b64.output)).toEqual([{ b64Json: 'iVBORw0KGgo=', contentType: 'image/png' }]);
    const url = await openai.call({ endpoint: 'images:dall-e-3', input: { prompt: 'a red sneaker', response_format: 'url' } }, callContext());
    expect(openAiImages(url.output)).toEqual([{ url: 'https://oaidalleapiprodscus.blob.core.windows.net/img.png' }]);
    expect(fake.requests.map((request) => request.path)).toEqual(['/v1/images/generations', '/v1/images/generations']);
  });

  it('honours a 429 Retry-After given as an HTTP-date, then succeeds', async () => {
    fake.failNext(429, { retryAfter: new Date(Date.now() + 1_000).toUTCString() });
    await openai.call(CHAT, callContext());
    expect(fake.requests).toHaveLength(1);
    expect(fake.faultsServed).toBe(1);
  });

  it('retries a 5xx, then succeeds', async () => {
    fake.failNext(503);
    expect(chatText((await openai.call(CHAT, callContext())).output)).toBeDefined();
  });

  it('takes a 429 insufficient_quota as permanent provider_quota_exhausted: one call, not retried', async () => {
    const body = {
      error: {
        message: 'You exceeded your current quota, please check your plan and billing details.',
        type: 'insufficient_quota',
        param: null,
        code: 'insufficient_quota',
      },
    };
    fake.failNext(429, { times: 2, body });
    const error = await rejection(openai.call(CHAT, callContext()));
    expect(error).toMatchObject({ code: 'provider_quota_exhausted', kind: 'user', transient: false, details: { status: 429 } });
    expect(error.message).toContain('You exceeded your current quota');
    expect(fake.faultsServed).toBe(1);
  });

  it('does not re-send an answer marked x-should-retry: false, as the SDKs obey it', async () => {
    let sent = 0;
    const http = {
      send: async () => {
        sent++;
        return { status: 500, headers: { 'x-should-retry': 'false' }, text: '{"error":{"message":"The server had an error","type":"server_error"}}' };
      },
      destroy: async () => undefined,
    };
    const marked = fastAdapter('openai', { openai: { apiKey: KEY, baseUrl: fake.baseUrl, source: 'OPENAI_API_KEY' } }, http);
    expect(await rejection(marked.call(CHAT, callContext()))).toMatchObject({ code: 'provider_unavailable', transient: false });
    expect(sent).toBe(1);
  });

  it('reports a 400 as provider_bad_request with the provider message, not retried', async () => {
    const error = await rejection(openai.call({ endpoint: 'chat:gpt-4o-mini', input: {} }, callContext()));
    expect(error).toMatchObject({ code: 'provider_bad_request', transient: false });
    expect(error.message).toContain("Missing required parameter: 'messages'.");
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a refused key as provider_auth_failed without echoing it', async () => {
    const wrongKey = 'sk-wrong-9876543210fedcba';
    const wrong = fastAdapter('openai', { openai: { apiKey: wrongKey, baseUrl: fake.baseUrl, source: 'OPENAI_API_KEY' } });
    const error = await rejection(wrong.call(CHAT, callContext()));
    expect(error.code).toBe('provider_auth_failed');
    expect(JSON.stringify({ message: error.message, json: error.toJSON() })).not.toContain(wrongKey);
  });

  it('passes the signal to the request: an abort rejects at once with its reason', async () => {
    fake.knobs.delayMs = 5_000;
    const ctx = callContext();
    const reason = new PipewrightError('cancelled', 'Execution was cancelled');
    setTimeout(() => ctx.controller.abort(reason), 50);
    const started = Date.now();
    await expect(openai.call(CHAT, ctx)).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses an endpoint without a known operation', async () => {
    expect((await rejection(openai.call({ endpoint: 'gpt-4o-mini', input: {} }, callContext()))).code).toBe('provider_endpoint_invalid');
  });

  it('refuses with provider_not_configured naming the variables when unset', async () => {
    const error = await rejection(createProviders({}).get('openai')!.call(CHAT, callContext()));
    expect(error.code).toBe('provider_not_configured');
    expect(error.message).toMatch(/OPENAI_API_KEY.*OPENROUTER_API_KEY.*OLLAMA_HOST/);
  });
});

describe('openai-compatible adapter on a keyless server (Ollama)', () => {
  it('sends no Authorization header', async () => {
    const fake = await startOpenAiFake(undefined);
    try {
      const ollama = fastAdapter('openai', { openai: { baseUrl: fake.baseUrl, source: 'OLLAMA_HOST' } });
      await ollama.call({ endpoint: 'chat:llama3.2', input: CHAT.input }, callContext());
      expect(fake.requests[0]?.authorization).toBeUndefined();
    } finally {
      await fake.close();
    }
  });
});
