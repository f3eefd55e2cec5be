import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anthropicText, createProviders, type ProviderAdapter } from '../../src/providers/index.js';
import { startAnthropicFake, type AnthropicFake } from './fakes/anthropic-fake.js';
import { callContext, fastAdapter, rejection } from './support.js';

const KEY = 'sk-ant-test-0123456789';
const CALL = { endpoint: 'claude-sonnet-4-5', input: { max_tokens: 256, messages: [{ role: 'user', content: 'Describe a red sneaker' }] } };

describe('anthropic adapter', () => {
  let fake: AnthropicFake;
  let anthropic: ProviderAdapter;

  beforeEach(async () => {
    fake = await startAnthropicFake(KEY);
    anthropic = fastAdapter('anthropic', { anthropic: { apiKey: KEY, baseUrl: fake.url } });
  });
  afterEach(() => fake.close());

  it('posts /v1/messages with x-api-key and anthropic-version, and returns the message JSON', async () => {
    const result = await anthropic.call(CALL, callContext());
    expect(anthropicText(result.output)).toBe('A red sneaker, on white marble.');
    const [request] = fake.requests;
    expect(request?.body).toEqual({ ...CALL.input, model: 'claude-sonnet-4-5', stream: false });
    expect(request?.headers).toMatchObject({ 'x-api-key': KEY, 'anthropic-version': '2023-06-01' });
    expect(request?.headers.authorization).toBeUndefined();
  });

  it('retries 529 overloaded_error and a 429 with Retry-After, then succeeds', async () => {
    fake.failNext(529, { body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } });
    fake.failNext(429, { retryAfter: '0', body: { type: 'error', error: { type: 'rate_limit_error', message: 'Slow down' } } });
    expect(anthropicText((await anthropic.call(CALL, callContext())).output)).toBeDefined();
    expect(fake.faultsServed).toBe(2);
  });

  it('gives up on a lasting overload with transient provider_unavailable quoting the error', async () => {
    fake.failNext(529, { times: 3, body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } });
    const error = await rejection(anthropic.call(CALL, callContext()));
    expect(error).toMatchObject({ code: 'provider_unavailable', transient: true });
    expect(error.message).toContain('Overloaded');
  });

  it('refuses a request without max_tokens before sending it', async () => {
    const error = await rejection(anthropic.call({ endpoint: 'claude-sonnet-4-5', input: { messages: [] } }, callContext()));
    expect(error).toMatchObject({ code: 'provider_bad_request', transient: false });
    expect(fake.requests).toHaveLength(0);
  });

  it('reports a refused key as provider_auth_failed without echoing it', async () => {
    const wrongKey = 'sk-ant-wrong-9876543210';
    const error = await rejection(fastAdapter('anthropic', { anthropic: { apiKey: wrongKey, baseUrl: fake.url } }).call(CALL, callContext()));
    expect(error.code).toBe('provider_auth_failed');
    expect(JSON.stringify({ message: error.message, json: error.toJSON() })).not.toContain(wrongKey);
  });

  it('refuses with provider_not_configured naming ANTHROPIC_API_KEY when unset', async () => {
    const error = await rejection(createProviders({}).get('anthropic')!.call(CALL, callContext()));
    expect(error.code).toBe('provider_not_configured');
    expect(error.message).toContain('ANTHROPIC_API_KEY');
  });
});
