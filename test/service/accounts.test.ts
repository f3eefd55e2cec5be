import { describe, expect, it } from 'vitest';
import { emptyServices, failure, useHarness } from './harness.js';

describe('AccountService', () => {
  const h = useHarness({ startingCredits: 250 });

  it('bootstraps one account with its grant, its ledger row and an admin key, once', async () => {
    const { services, store, admin } = h();
    expect(await store.accounts.get(admin.accountId)).toMatchObject({ plan: 'pro', creditsBalance: 250 });
    const keys = await services.keys.list(admin.accountId);
    expect(keys).toEqual([expect.objectContaining({ name: 'admin', scopes: ['admin'], prefix: expect.stringMatching(/^sk-.{9}$/) })]);
    const before = await h().snapshot();
    expect(await services.accounts.bootstrap({})).toEqual({ created: false, accountId: admin.accountId });
    expect(await h().snapshot()).toEqual(before);
    expect(await services.accounts.defaultAccountId()).toBe(admin.accountId);
  });

  it('uses the configured plan and takes the operator’s own key without handing it back', async () => {
    const { services, store } = await emptyServices({ defaultPlan: 'enterprise' });
    const key = `sk-${'Op3rator'.repeat(5)}`;
    const result = await services.accounts.bootstrap({ apiKey: key });
    expect(result).toEqual({ created: true, accountId: expect.stringMatching(/^acct_/) });
    const principal = await services.auth.authenticate(`Bearer ${key}`);
    expect(principal).toMatchObject({ scopes: ['admin'], plan: 'enterprise' });
    expect((await store.accounts.get(result.accountId))?.creditsBalance).toBe(1000);
  });

  it('honours an operator key given for a store that already has its account: added as an admin key once, never silently dropped', async () => {
    const { services, store, admin } = h();
    const key = `sk-${'L4ter'.repeat(7)}`;
    expect(await services.accounts.bootstrap({ apiKey: key })).toEqual({ created: false, accountId: admin.accountId, keyAdded: true });
    expect(await services.auth.authenticate(`Bearer ${key}`)).toMatchObject({ accountId: admin.accountId, scopes: ['admin'] });
    // Known now: the next start changes nothing.
    const before = await h().snapshot();
    expect(await services.accounts.bootstrap({ apiKey: key })).toEqual({ created: false, accountId: admin.accountId });
    expect(await h().snapshot()).toEqual(before);
    expect(await store.accounts.count()).toBe(1);
  });

  it('refuses, at a later start, an operator key the store revoked or that is malformed, naming the variable', async () => {
    const { services, admin } = h();
    const { key, view } = await services.keys.create({ accountId: admin.accountId, scopes: ['admin'] });
    await services.keys.revoke(admin.accountId, view.prefix);
    const revoked = await failure(services.accounts.bootstrap({ apiKey: key }));
    expect(revoked).toMatchObject({ code: 'invalid_field', details: { field: 'PIPEWRIGHT_API_KEY' } });
    expect(revoked.message).toMatch(/PIPEWRIGHT_API_KEY names a key of this store that was revoked/);
    expect(await failure(services.accounts.bootstrap({ apiKey: 'sk-short' }))).toMatchObject({
      code: 'invalid_field',
      details: { field: 'PIPEWRIGHT_API_KEY' },
    });
  });

  it('refuses a malformed operator key and creates nothing', async () => {
    const { services, store } = await emptyServices();
    expect(await failure(services.accounts.bootstrap({ apiKey: 'sk-too-short' }))).toMatchObject({ code: 'invalid_field', details: { field: 'key' } });
    expect(await store.accounts.count()).toBe(0);
    expect((await failure(services.accounts.defaultAccountId())).code).toBe('not_found');
  });
});
