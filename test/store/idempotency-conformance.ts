import { describe, expect, it } from 'vitest';
import type { IdempotencyBegin, Store } from '../../src/store/index.js';
import { ABANDONED_CLAIM_MS } from '../../src/store/repositories/idempotency.js';
import type { ManualClock } from './clock.js';

type Context = () => { store: Store; clock: ManualClock; account: () => Promise<{ id: string }> };

const fingerprint = { method: 'POST', path: '/api/v1/workflows/wf_1/execute', bodyHash: 'a'.repeat(64) };
const answer = (body: string) => ({ status: 201, headers: { 'content-type': 'application/json' }, body });

function claimOf(begun: IdempotencyBegin): string {
  if (begun.state !== 'started') throw new Error(`expected a claim, got ${begun.state}`);
  return begun.claim;
}

/** Idempotency claims: part of the one suite every backend passes. */
export function describeIdempotencyStore(context: Context): void {
  describe('idempotency claims', () => {
    const expiry = (clock: ManualClock) => new Date(clock.now().getTime() + 86_400_000).toISOString();

    it('gives each claim its own token, and completes or releases only with it', async () => {
      const { store, clock, account } = context();
      const accountId = (await account()).id;
      const first = claimOf(await store.idempotency.begin(accountId, 'k', fingerprint, expiry(clock)));
      expect(await store.idempotency.release({ accountId, key: 'k', claim: 'not-the-claim' })).toBe(false);
      expect(await store.idempotency.complete({ accountId, key: 'k', claim: 'not-the-claim' }, answer('{}'))).toBe(false);
      expect(await store.idempotency.begin(accountId, 'k', fingerprint, expiry(clock))).toEqual({ state: 'in_flight' });
      expect(await store.idempotency.release({ accountId, key: 'k', claim: first })).toBe(true);
      const second = claimOf(await store.idempotency.begin(accountId, 'k', fingerprint, expiry(clock)));
      expect(second).not.toBe(first);
      expect(await store.idempotency.complete({ accountId, key: 'k', claim: second }, answer('{"n":2}'))).toBe(true);
      // A stored answer is final: its own claim can neither release nor overwrite it.
      expect(await store.idempotency.release({ accountId, key: 'k', claim: second })).toBe(false);
      expect(await store.idempotency.complete({ accountId, key: 'k', claim: second }, answer('{"n":3}'))).toBe(false);
      expect(await store.idempotency.begin(accountId, 'k', fingerprint, expiry(clock))).toEqual({ state: 'done', response: answer('{"n":2}') });
    });

    it('never lets the late holder of an abandoned claim release or complete the claim that took over', async () => {
      const { store, clock, account } = context();
      const accountId = (await account()).id;
      const abandoned = claimOf(await store.idempotency.begin(accountId, 'k', fingerprint, expiry(clock)));
      clock.advance(ABANDONED_CLAIM_MS + 1);
      const current = claimOf(await store.idempotency.begin(accountId, 'k', fingerprint, expiry(clock)));
      expect(await store.idempotency.release({ accountId, key: 'k', claim: abandoned })).toBe(false);
      expect(await store.idempotency.begin(accountId, 'k', fingerprint, expiry(clock))).toEqual({ state: 'in_flight' });
      expect(await store.idempotency.complete({ accountId, key: 'k', claim: abandoned }, answer('{"late":true}'))).toBe(false);
      expect(await store.idempotency.complete({ accountId, key: 'k', claim: current }, answer('{"current":true}'))).toBe(true);
      expect(await store.idempotency.begin(accountId, 'k', fingerprint, expiry(clock))).toEqual({ state: 'done', response: answer('{"current":true}') });
    });
  });
}
