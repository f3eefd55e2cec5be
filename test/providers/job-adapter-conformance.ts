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
import { droppingHttp } from './dropping-http.js';
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
  /** A status besides 429 on which the provider's own client re-sends a submit, if there is one. */
  resentStatus?: number;
  /** Where a provider_submit_uncertain message sends the user to look for the job. */
  lookIn: string;
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

    it('sends a submit answered 500 once, then fails with provider_submit_uncertain saying where to look', async () => {
      fake.failNext(500, { times: 2 });
      const error = await rejection(adapter.call(c.call, callContext()));
      expect(error).toMatchObject({ code: 'provider_submit_uncertain', transient: false, details: { provider: c.provider, status: 500 } });
      expect(error.message).toContain(c.lookIn);
      expect(fake.faultsServed).toBe(1);
      expect(fake.counters.submits).toBe(0);
    });

    if (c.resentStatus !== undefined) {
      const status = c.resentStatus;
      it(`re-sends a submit answered ${status}, as the provider's own client does, and then succeeds`, async () => {
        fake.failNext(status);
        await adapter.call(c.call, callContext());
        expect(fake.faultsServed).toBe(1);
        expect(fake.counters.submits).toBe(1);
      });
    }

    it('does not re-send a submit whose connection dropped after it went out: provider_submit_uncertain', async () => {
      const dropping = fastAdapter(c.provider, c.settings(fake, key), droppingHttp('after-sending'));
      const error = await rejection(dropping.call(c.call, callContext()));
      expect(error).toMatchObject({ code: 'provider_submit_uncertain', transient: false, details: { errorCode: 'UND_ERR_SOCKET' } });
      // The stand-in took it: exactly the job the message warns about, and no second one.
      expect(fake.counters.submits).toBe(1);
    });

    it('sends a submit again when the connection failed before it went out', async () => {
      const refused = fastAdapter(c.provider, c.settings(fake, key), droppingHttp('before-sending'));
      await refused.call(c.call, callContext());
      expect(fake.counters.submits).toBe(1);
    });

    it('retries a status check answered 5xx and then succeeds', async () => {
      await adapter.call(c.call, callContext({ rememberJob: async () => fake.failNext(500) }));
      expect(fake.faultsServed).toBe(1);
      expect(fake.counters).toMatchObject({ submits: 1, polls: 3 });
    });

    it('gives up after its retries with transient provider_rate_limited / provider_unavailable, having started nothing more', async () => {
      fake.failNext(429, { times: 3, retryAfter: '0' });
      expect(await rejection(adapter.call(c.call, callContext()))).toMatchObject({ code: 'provider_rate_limited', transient: true });
      expect(fake.counters.submits).toBe(0);
      const ctx = callContext({ rememberJob: async () => fake.failNext(502, { times: 3 }) });
      expect(await rejection(adapter.call(c.call, ctx))).toMatchObject({ code: 'provider_unavailable', transient: true });
      expect(fake.counters.submits).toBe(1);
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
