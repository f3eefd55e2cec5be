import { PipewrightError } from '../../src/errors/index.js';
import type { ArtifactUrlRenderer, Services } from '../../src/service/index.js';
import type { Principal } from '../../src/service/index.js';
import type { IdempotencyService } from '../../src/service/idempotency/index.js';

/** Every request runs; the real service is tested on the store and over HTTP. */
export const noIdempotency: IdempotencyService = {
  begin: async () => ({ kind: 'run', claim: 'none' }),
  complete: async () => {},
  release: async () => {},
};

/** The middleware tests' answers name no stored files. */
export const noArtifactUrls: ArtifactUrlRenderer = { idOf: () => undefined, url: (id) => id };

/**
 * A stand-in for the middleware unit tests only: `sk-good` is an admin key, `sk-read` holds
 * workflows:read. The route suite runs against the real services and store.
 */
export function fakeServices(overrides: { requestsPerMinute?: number; fail?: unknown; storeDown?: boolean } = {}): Services {
  const principals: Record<string, Principal> = {
    'Bearer sk-good': { accountId: 'acc_1', keyId: 'key_1', scopes: ['admin'], plan: 'free' },
    'Bearer sk-read': { accountId: 'acc_1', keyId: 'key_2', scopes: ['workflows:read'], plan: 'free' },
  };
  const unused = () => {
    throw new Error('not used by the middleware tests');
  };
  return {
    auth: {
      authenticate: async (header) => {
        if (header === undefined) throw new PipewrightError('missing_api_key', 'Send Authorization: Bearer sk-…');
        const principal = principals[header];
        if (principal === undefined) throw new PipewrightError('invalid_api_key', 'Invalid API key');
        return principal;
      },
    },
    usage: {
      limitsFor: () => ({ requestsPerMinute: overrides.requestsPerMinute ?? 100, executionsPerMinute: 10, executionsPerDay: 50 }),
      usage: unused,
    },
    workflows: {
      lint: (body: unknown) => {
        if (overrides.fail !== undefined) throw overrides.fail;
        return { ok: body !== undefined, violations: [], warnings: [] };
      },
    } as Partial<Services['workflows']> as Services['workflows'],
    health: { check: async () => (overrides.storeDown ? { ok: false, store: 'unavailable' } : { ok: true, store: 'ok' }) },
    catalog: { nodes: () => ({ nodes: [] }) },
    keys: {} as Services['keys'],
    accounts: {} as Services['accounts'],
    executions: {} as Services['executions'],
    artifacts: {} as Services['artifacts'],
    callbacks: {} as Services['callbacks'],
  };
}
