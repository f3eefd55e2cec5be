import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderAdapter } from '../../src/providers/index.js';
import { startReplicateFake, type ReplicateFake } from './fakes/replicate-fake.js';
import { describeJobAdapter, type JobFake } from './job-adapter-conformance.js';
import { callContext, fastAdapter, rejection } from './support.js';

const CALL = { endpoint: 'black-forest-labs/flux-1.1-pro', input: { prompt: 'a red sneaker', aspect_ratio: '1:1' } };

describeJobAdapter({
  provider: 'replicate',
  envVar: 'REPLICATE_API_TOKEN',
  startFake: startReplicateFake,
  settings: (fake: JobFake, key) => ({ replicate: { apiToken: key, apiUrl: (fake as ReplicateFake).apiUrl } }),
  authHeader: (key) => `Bearer ${key}`,
  call: CALL,
  runningMessage: 'Replicate prediction processing',
  lookIn: 'https://replicate.com/predictions',
});

describe('replicate adapter: prediction details', () => {
  const TOKEN = 'r8_test_token_0123456789';
  let fake: ReplicateFake;
  let replicate: ProviderAdapter;

  beforeEach(async () => {
    fake = await startReplicateFake(TOKEN);
    replicate = fastAdapter('replicate', { replicate: { apiToken: TOKEN, apiUrl: fake.apiUrl } });
  });
  afterEach(() => fake.close());

  it('creates the prediction with the endpoint as `version` and returns `prediction.output`', async () => {
    const result = await replicate.call(CALL, callContext());
    expect(fake.created).toEqual([{ version: 'black-forest-labs/flux-1.1-pro', input: CALL.input }]);
    expect(result).toEqual({ jobId: 'pred1', output: ['https://replicate.delivery/xezq/out-0.webp'] });
  });

  it('reports status changes and complete log lines', async () => {
    const ctx = callContext();
    await replicate.call(CALL, ctx);
    expect(ctx.progressReports).toEqual(['Replicate prediction starting', 'Replicate prediction processing']);
    expect(ctx.logs).toEqual(['Using seed: 42', 'loading weights']);
  });

  it('ends on `aborted` (the deadline passed before the prediction started) with provider_job_failed, polling no further', async () => {
    fake.knobs.expiresQueued = true;
    const error = await rejection(replicate.call(CALL, callContext()));
    expect(error).toMatchObject({ code: 'provider_job_failed', transient: false, details: { jobId: 'pred1', status: 'aborted' } });
    expect(error.message).toContain('deadline');
    expect(fake.counters).toMatchObject({ submits: 1, polls: 2, cancels: 0 });
  });
});
