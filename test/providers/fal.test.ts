import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderAdapter } from '../../src/providers/index.js';
import { startFalFake, type FalFake } from './fakes/fal-fake.js';
import { describeJobAdapter } from './job-adapter-conformance.js';
import { callContext, fastAdapter, rejection } from './support.js';

const CALL = { endpoint: 'fal-ai/flux/dev', input: { prompt: 'a red sneaker' } };

describeJobAdapter({
  provider: 'fal',
  envVar: 'FAL_KEY',
  startFake: startFalFake,
  settings: (fake, key) => ({ fal: { apiKey: key, queueUrl: fake.url } }),
  authHeader: (key) => `Key ${key}`,
  call: CALL,
  runningMessage: 'Running on fal',
  resentStatus: 503,
  lookIn: 'https://fal.ai/dashboard/requests',
});

describe('fal adapter: queue details', () => {
  const KEY = 'fal-test-key-0123456789';
  let fake: FalFake;
  let fal: ProviderAdapter;

  beforeEach(async () => {
    fake = await startFalFake(KEY);
    fal = fastAdapter('fal', { fal: { apiKey: KEY, queueUrl: fake.url } });
  });
  afterEach(() => fake.close());

  it('submits on the full endpoint id, checks status on owner/app, and returns the result payload', async () => {
    const ctx = callContext();
    const result = await fal.call(CALL, ctx);
    expect(result).toEqual({
      jobId: 'req-1',
      output: expect.objectContaining({ images: [expect.objectContaining({ url: `${fake.url}/files/req-1-0.png` })], seed: 42 }),
    });
    expect(fake.submitted).toEqual([{ endpoint: 'fal-ai/flux/dev', input: { prompt: 'a red sneaker' } }]);
    expect(fake.counters.results).toBe(1);
  });

  it('reports the queue position and the runner logs', async () => {
    const ctx = callContext();
    await fal.call(CALL, ctx);
    expect(ctx.progressReports).toEqual(['In the fal queue at position 2', 'Running on fal']);
    expect(ctx.logs).toEqual(['loading model']);
  });

  it('passes on what fal refuses as a permanent error, submitting nothing else', async () => {
    const error = await rejection(fal.call({ endpoint: 'fal-ai/flux/dev', input: { prompt: 'p', num_images: '2' } }, callContext()));
    expect(error).toMatchObject({ code: 'provider_bad_request', transient: false });
    expect(fake.refused).toEqual([{ endpoint: 'fal-ai/flux/dev', status: 422, body: { detail: [expect.objectContaining({ loc: ['body', 'num_images'] })] } }]);
    expect(fake.counters.submits).toBe(0);
  });

  it('refuses an endpoint that is not owner/app[/path] before any request', async () => {
    const error = await rejection(fal.call({ endpoint: 'fal-ai/../admin', input: {} }, callContext()));
    expect(error.code).toBe('provider_endpoint_invalid');
    expect(fake.counters.submits).toBe(0);
  });
});
