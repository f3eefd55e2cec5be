import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIdempotencyService } from '../../src/service/idempotency/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { ABANDONED_CLAIM_MS } from '../../src/store/repositories/idempotency.js';
import { ManualClock } from './clock.js';

// The repository and the service together, on the real SQLite store.

const request = { method: 'POST', path: '/api/v1/workflows/wf_1/execute', body: '{"inputs":{}}' };
const answer = { status: 201, headers: { 'content-type': 'application/json', location: '/x' }, body: '{"executionId":"exe_1"}' };

let home: string;
let clock: ManualClock;
let store: Store;
let accountId: string;
const service = () => createIdempotencyService({ store, now: clock.now });

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'pw-idem-'));
  clock = new ManualClock();
  store = await openStore({ home, now: clock.now });
  accountId = (await store.accounts.create({ name: 'A', plan: 'pro', creditsBalance: 0 })).id;
});
afterEach(() => store.close());

describe('idempotency on the store', () => {
  it('runs the first request, then replays its answer for the same one', async () => {
    const idem = service();
    expect(await idem.begin(accountId, 'k1', request)).toEqual({ kind: 'run', claim: expect.any(String) });
    await idem.complete(accountId, 'k1', answer);
    expect(await idem.begin(accountId, 'k1', request)).toEqual({ kind: 'replay', ...answer });
  });

  it('refuses a repeat in flight (409) and a different request under the same key (422)', async () => {
    const idem = service();
    await idem.begin(accountId, 'k1', request);
    await expect(idem.begin(accountId, 'k1', request)).rejects.toMatchObject({ code: 'idempotency_key_in_use' });
    for (const other of [
      { ...request, body: '{"inputs":{"a":1}}' },
      { ...request, path: '/api/v1/workflows/wf_2/execute' },
      { ...request, method: 'PUT' },
    ]) {
      await expect(idem.begin(accountId, 'k1', other)).rejects.toMatchObject({ code: 'idempotency_key_reused' });
    }
    await idem.complete(accountId, 'k1', answer);
    await expect(idem.begin(accountId, 'k1', { ...request, body: '{}' })).rejects.toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('scopes keys to an account', async () => {
    const other = (await store.accounts.create({ name: 'B', plan: 'pro', creditsBalance: 0 })).id;
    const idem = service();
    await idem.begin(accountId, 'shared', request);
    expect(await idem.begin(other, 'shared', { ...request, body: 'different' })).toEqual({ kind: 'run', claim: expect.any(String) });
  });

  it('lets exactly one of many simultaneous claims run', async () => {
    const idem = service();
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => idem.begin(accountId, 'race', request)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(
      Array(19).fill('idempotency_key_in_use'),
    );
  });

  it('forgets a released claim so a retry runs, but never a stored answer', async () => {
    const idem = service();
    await idem.begin(accountId, 'k1', request);
    await idem.release(accountId, 'k1');
    expect(await idem.begin(accountId, 'k1', { ...request, body: 'now another body' })).toEqual({ kind: 'run', claim: expect.any(String) });
    await idem.complete(accountId, 'k1', answer);
    await idem.release(accountId, 'k1');
    expect((await idem.begin(accountId, 'k1', { ...request, body: 'now another body' })).kind).toBe('replay');
  });

  it('treats an answer older than 24 h as absent, and purges it', async () => {
    const idem = service();
    await idem.begin(accountId, 'k1', request);
    await idem.complete(accountId, 'k1', answer);
    clock.advance(24 * 3_600_000 - 1);
    expect((await idem.begin(accountId, 'k1', request)).kind).toBe('replay');
    clock.advance(1);
    expect(await idem.begin(accountId, 'k1', { ...request, body: 'fresh' })).toEqual({ kind: 'run', claim: expect.any(String) });
    await idem.begin(accountId, 'k2', request);
    clock.advance(25 * 3_600_000);
    expect(await store.idempotency.purgeExpired(clock.now().toISOString())).toBe(2);
  });

  it('stops an abandoned claim (its process died) from blocking the key', async () => {
    const idem = service();
    await idem.begin(accountId, 'k1', request);
    clock.advance(ABANDONED_CLAIM_MS - 1);
    await expect(idem.begin(accountId, 'k1', request)).rejects.toMatchObject({ code: 'idempotency_key_in_use' });
    clock.advance(2);
    expect(await idem.begin(accountId, 'k1', request)).toEqual({ kind: 'run', claim: expect.any(String) });
  });

  it('never lets a late release or answer of an abandoned claim touch the claim that took over', async () => {
    const idem = service();
    const claimOf = (begun: Awaited<ReturnType<typeof idem.begin>>) => (begun.kind === 'run' ? begun.claim : 'not a claim');
    const abandoned = claimOf(await idem.begin(accountId, 'k1', request));
    clock.advance(ABANDONED_CLAIM_MS + 1);
    const current = claimOf(await idem.begin(accountId, 'k1', request));
    await idem.release(accountId, 'k1', abandoned);
    await expect(idem.begin(accountId, 'k1', request)).rejects.toMatchObject({ code: 'idempotency_key_in_use' });
    await idem.complete(accountId, 'k1', { ...answer, body: '{"late":true}' }, abandoned);
    await idem.complete(accountId, 'k1', answer, current);
    expect(await idem.begin(accountId, 'k1', request)).toEqual({ kind: 'replay', ...answer });
  });

  it('keeps claims and answers across a reopen of the store', async () => {
    const idem = service();
    await idem.begin(accountId, 'done', request);
    await idem.complete(accountId, 'done', answer);
    await idem.begin(accountId, 'busy', request);
    await store.close();
    store = await openStore({ home, now: clock.now });
    expect(await service().begin(accountId, 'done', request)).toEqual({ kind: 'replay', ...answer });
    await expect(service().begin(accountId, 'busy', request)).rejects.toMatchObject({ code: 'idempotency_key_in_use' });
  });

  it('refuses keys that are empty, too long or not printable ASCII', async () => {
    const idem = service();
    for (const key of ['', 'x'.repeat(256), 'tab\there', 'é']) {
      await expect(idem.begin(accountId, key, request)).rejects.toMatchObject({ code: 'idempotency_key_invalid' });
    }
    expect(await idem.begin(accountId, 'x'.repeat(255), request)).toEqual({ kind: 'run', claim: expect.any(String) });
  });
});
