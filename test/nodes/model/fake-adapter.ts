import type { ProviderAdapter, ProviderCall, ProviderCallContext, ProviderId } from '../../../src/providers/index.js';

export interface FakeAdapter extends ProviderAdapter {
  calls: { request: ProviderCall; ctx: ProviderCallContext }[];
}

/** A ProviderAdapter that answers every call with `output` and hands over job id `job_1` first. */
export function fakeAdapter(id: ProviderId, output: unknown, requiredEnv: readonly string[] = ['FAKE_KEY']): FakeAdapter {
  const calls: FakeAdapter['calls'] = [];
  return {
    id,
    requiredEnv,
    configured: () => true,
    calls,
    async call(request, ctx) {
      calls.push({ request, ctx });
      await ctx.rememberJob('job_1');
      return { output, jobId: 'job_1' };
    },
  };
}

/** An adapter with no credentials, as `createProviders` builds one when its variable is unset. */
export function unconfigured(id: ProviderId, requiredEnv: readonly string[]): ProviderAdapter {
  return { id, requiredEnv, configured: () => false, call: () => Promise.reject(new Error('must not be called')) };
}
