import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PipewrightError } from '../../src/errors/index.js';
import { createHttpClient, createProviders, type ProviderAdapter } from '../../src/providers/index.js';
import { startFalFake, type FalFake } from './fakes/fal-fake.js';
import { callContext, fastAdapter, rejection } from './support.js';

const KEY = 'fal-test-key-0123456789';
const CALL = { endpoint: 'fal-ai/flux/dev', input: { prompt: 'a red sneaker' } };

describe('fal adapter', () => {
  let fake: FalFake;
  let fal: ProviderAdapter;

  beforeEach(async () => {
    fake = await startFalFake(KEY);
    fal = fastAdapter('fal', { fal: { apiKey: KEY, queueUrl: fake.url } });
  });
  afterEach(() => fake.close());

  it('submits, stores the request id before polling, and returns the result once COMPLETED', async () => {
    let pollsWhenRemembered = -1;
    const ctx = callContext({ rememberJob: async () => void (pollsWhenRemembered = fake.counters.polls) });
    const result = await fal.call(CALL, ctx);
    expect(result).toEqual({ jobId: 'req-1', output: expect.objectContaining({ images: [expect.objectContaining({ url: 'https://fal.media/files/cat.png' })] }) });
    expect(pollsWhenRemembered).toBe(0);
    expect(fake.submitted).toEqual([{ endpoint: 'fal-ai/flux/dev', input: { prompt: 'a red sneaker' } }]);
    expect(fake.counters).toMatchObject({ submits: 1, polls: 3, results: 1, cancels: 0 });
    expect(ctx.progressReports).toEqual(['In the fal queue at position 2', 'Running on fal']);
    expect(ctx.logs).toEqual(['loading model']);
  });

  it('sends `Authorization: Key <FAL_KEY>` on every request', async () => {
    await fal.call(CALL, callContext());
    expect(new Set(fake.counters.authHeaders)).toEqual(new Set([`Key ${KEY}`]));
  });

  it('fails with provider_job_failed and the model error when the result is an error', async () => {
    fake.knobs.failWith = 'Prompt flagged by the content checker';
    const error = await rejection(fal.call(CALL, callContext()));
    expect(error).toMatchObject({ code: 'provider_job_failed', transient: false });
    expect(error.message).toContain('Prompt flagged by the content checker');
  });

  it('waits out a 429 Retry-After and then succeeds', async () => {
    fake.failNext(429, { retryAfter: '1' });
    const started = Date.now();
    await fal.call(CALL, callContext());
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.counters.submits).toBe(1);
  });

  it('retries a 5xx and then succeeds', async () => {
    fake.failNext(503);
    const result = await fal.call(CALL, callContext());
    expect(result.jobId).toBe('req-1');
    expect(fake.faultsServed).toBe(1);
  });

  it('gives up after its retries with transient provider_unavailable / provider_rate_limited', async () => {
    fake.failNext(502, { times: 3 });
    expect(await rejection(fal.call(CALL, callContext()))).toMatchObject({ code: 'provider_unavailable', transient: true });
    fake.failNext(429, { times: 3, retryAfter: '0' });
    expect(await rejection(fal.call(CALL, callContext()))).toMatchObject({ code: 'provider_rate_limited', transient: true });
    expect(fake.counters.submits).toBe(0);
  });

  it('cancels the remote request when aborted mid-way and rejects with the abort reason', async () => {
    fake.knobs.hang = true;
    const reason = new PipewrightError('cancelled', 'Execution was cancelled');
    const ctx = callContext({ progress: (_f, message) => message === 'Running on fal' && ctx.controller.abort(reason) });
    await expect(fal.call(CALL, ctx)).rejects.toBe(reason);
    expect(fake.counters.cancels).toBe(1);
    expect(ctx.logs).toContain('Asked the provider to cancel job req-1');
  });

  it('re-attaches to a stored request after a restart: one submit across both processes', async () => {
    // Process 1 stores the id, then dies: its connections drop mid-poll, nothing is cancelled.
    const firstHttp = createHttpClient();
    const first = fastAdapter('fal', { fal: { apiKey: KEY, queueUrl: fake.url } }, firstHttp);
    let stored: string | undefined;
    const dying = first.call(CALL, callContext({ rememberJob: async (id) => { stored = id; void firstHttp.destroy(); } }));
    await expect(dying).rejects.toBeDefined();
    // Process 2 gets the stored id back from the engine.
    const ctx = callContext({ previousJobId: stored! });
    const result = await fal.call(CALL, ctx);
    expect(result.jobId).toBe(stored);
    expect(ctx.remembered).toEqual([]);
    expect(fake.counters).toMatchObject({ submits: 1, cancels: 0 });
  });

  it('reports refused credentials as provider_auth_failed without ever echoing the key', async () => {
    const wrongKey = 'fal-wrong-key-9876543210';
    const adapter = fastAdapter('fal', { fal: { apiKey: wrongKey, queueUrl: fake.url } });
    const error = await rejection(adapter.call(CALL, callContext()));
    expect(error).toMatchObject({ code: 'provider_auth_failed', transient: false });
    expect(JSON.stringify({ message: error.message, json: error.toJSON() })).not.toContain(wrongKey);
    expect(fake.counters.authHeaders).toEqual([`Key ${wrongKey}`]);
  });

  it('without FAL_KEY refuses with provider_not_configured naming the variable', async () => {
    const adapter = createProviders({}).get('fal')!;
    expect(adapter.configured()).toBe(false);
    expect(adapter.requiredEnv).toEqual(['FAL_KEY']);
    const error = await rejection(adapter.call(CALL, callContext()));
    expect(error).toMatchObject({ code: 'provider_not_configured', kind: 'user' });
    expect(error.message).toContain('FAL_KEY');
  });
});
