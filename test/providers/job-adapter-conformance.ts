import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PipewrightError } from '../../src/errors/index.js';
import {
  createHttpClient,
  createProviders,
  type ProviderAdapter,
  type ProviderCall,
  type ProviderId,
  type ProviderSettings,
} from '../../src/providers/index.js';
import type { FakeServer } from './fakes/fake-server.js';
import type { JobCounters, JobKnobs } from './fakes/job-knobs.js';
import { callContext, fastAdapter, rejection } from './support.js';

export interface JobFake extends FakeServer {
  knobs: JobKnobs;
  counters: JobCounters;
}

export interface JobAdapterCase {
  provider: ProviderId;
  envVar: string;
  startFake(key: string): Promise<JobFake>;
  settings(fake: JobFake, key: string): ProviderSettings;
  authHeader(key: string): string;
  call: ProviderCall;
  /** The progress message an adapter reports once the job runs. */
  runningMessage: string;
}

/**
 * What every job-based adapter (fal queue, Replicate predictions) must do against a fake that
 * follows its provider's documented protocol. Written once, run per provider.
 */
export function describeJobAdapter(c: JobAdapterCase): void {
  const key = `${c.provider}-test-key-0123456789`;

  describe(`${c.provider} adapter: job protocol`, () => {
    let fake: JobFake;
    let adapter: ProviderAdapter;

    beforeEach(async () => {
      fake = await c.startFake(key);
      adapter = fastAdapter(c.provider, c.settings(fake, key));
    });
    afterEach(() => fake.close());

    it('submits, stores the job id before the first status check, polls through queued and running to the result', async () => {
      let pollsWhenRemembered = -1;
      const ctx = callContext({ rememberJob: async () => void (pollsWhenRemembered = fake.counters.polls) });
      const result = await adapter.call(c.call, ctx);
      expect(result.jobId).toEqual(expect.any(String));
      expect(result.output).toBeDefined();
      expect(pollsWhenRemembered).toBe(0);
      expect(fake.counters).toMatchObject({ submits: 1, polls: 3, cancels: 0 });
      expect(ctx.progressReports).toContain(c.runningMessage);
    });

    it('sends the documented auth header on every request', async () => {
      await adapter.call(c.call, callContext());
      expect(new Set(fake.counters.authHeaders)).toEqual(new Set([c.authHeader(key)]));
    });

    it('fails with provider_job_failed carrying the provider error when the job fails', async () => {
      fake.knobs.failWith = 'NSFW content detected in the output';
      const error = await rejection(adapter.call(c.call, callContext()));
      expect(error).toMatchObject({ code: 'provider_job_failed', transient: false });
      expect(error.message).toContain('NSFW content detected in the output');
    });

    it('waits out a 429 Retry-After (seconds) and then succeeds', async () => {
      fake.failNext(429, { retryAfter: '1' });
      const started = Date.now();
      await adapter.call(c.call, callContext());
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      expect(fake.counters.submits).toBe(1);
    });

    it('retries a 5xx and then succeeds', async () => {
      fake.failNext(500);
      await adapter.call(c.call, callContext());
      expect(fake.faultsServed).toBe(1);
      expect(fake.counters.submits).toBe(1);
    });

    it('gives up after its retries with transient provider_unavailable / provider_rate_limited', async () => {
      fake.failNext(502, { times: 3 });
      expect(await rejection(adapter.call(c.call, callContext()))).toMatchObject({ code: 'provider_unavailable', transient: true });
      fake.failNext(429, { times: 3, retryAfter: '0' });
      expect(await rejection(adapter.call(c.call, callContext()))).toMatchObject({ code: 'provider_rate_limited', transient: true });
      expect(fake.counters.submits).toBe(0);
    });

    it('cancels the remote job when aborted mid-way and rejects with the abort reason', async () => {
      fake.knobs.hang = true;
      const reason = new PipewrightError('cancelled', 'Execution was cancelled');
      const ctx = callContext({ progress: (_f, message) => message === c.runningMessage && ctx.controller.abort(reason) });
      await expect(adapter.call(c.call, ctx)).rejects.toBe(reason);
      expect(fake.counters.cancels).toBe(1);
    });

    it('re-attaches to the stored job after a restart: exactly one submit across both processes', async () => {
      // Process 1 stores the id, then dies: its connections drop mid-poll and nothing is cancelled.
      const firstHttp = createHttpClient();
      const first = fastAdapter(c.provider, c.settings(fake, key), firstHttp);
      let stored: string | undefined;
      const dying = first.call(
        c.call,
        callContext({
          rememberJob: async (id) => {
            stored = id;
            void firstHttp.destroy();
          },
        }),
      );
      await expect(dying).rejects.toBeDefined();
      // Process 2 gets the id back from the engine as previousJobId.
      const ctx = callContext({ previousJobId: stored! });
      const result = await adapter.call(c.call, ctx);
      expect(result.jobId).toBe(stored);
      expect(ctx.remembered).toEqual([]);
      expect(fake.counters).toMatchObject({ submits: 1, cancels: 0 });
    });

    it('reports refused credentials as provider_auth_failed without echoing the key', async () => {
      const wrongKey = `${c.provider}-wrong-key-9876543210`;
      const wrong = fastAdapter(c.provider, c.settings(fake, wrongKey));
      const error = await rejection(wrong.call(c.call, callContext()));
      expect(error).toMatchObject({ code: 'provider_auth_failed', transient: false });
      expect(JSON.stringify({ message: error.message, json: error.toJSON() })).not.toContain(wrongKey);
      expect(fake.counters.authHeaders).toEqual([c.authHeader(wrongKey)]);
    });

    it(`refuses with provider_not_configured naming ${c.envVar} when unset`, async () => {
      const unset = createProviders({}).get(c.provider)!;
      expect(unset.configured()).toBe(false);
      const error = await rejection(unset.call(c.call, callContext()));
      expect(error).toMatchObject({ code: 'provider_not_configured', kind: 'user' });
      expect(error.message).toContain(c.envVar);
      expect(fake.counters.submits).toBe(0);
    });
  });
}
