import { describe, expect, it } from 'vitest';
import { failure, useHarness } from './harness.js';

const h = useHarness();

describe('AuthService.authenticate', () => {
  it('resolves a bearer key to its account, key, scopes and plan', async () => {
    const { services, adminKey, admin } = h();
    expect(adminKey).toMatch(/^sk-[0-9A-Za-z]{40}$/);
    expect(admin).toMatchObject({ accountId: expect.stringMatching(/^acct_/), keyId: expect.stringMatching(/^key_/), scopes: ['admin'], plan: 'pro' });
    expect(await services.auth.authenticate(`bearer   ${adminKey}`)).toEqual(admin);
  });

  it.each([
    ['no header', undefined, 'missing_api_key'],
    ['an empty header', '  ', 'missing_api_key'],
    ['another scheme', 'Basic dXNlcjpwYXNz', 'invalid_api_key'],
    ['a bearer without a key', 'Bearer', 'invalid_api_key'],
    ['a malformed key', 'Bearer sk-short', 'invalid_api_key'],
    ['a key with bad characters', `Bearer sk-${'a'.repeat(39)}!`, 'invalid_api_key'],
    ['an unknown key', `Bearer sk-${'a'.repeat(40)}`, 'invalid_api_key'],
  ])('refuses %s', async (_, header, code) => {
    expect((await failure(h().services.auth.authenticate(header))).code).toBe(code);
  });

  it('refuses a revoked key at once in this process', async () => {
    const { services, admin } = h();
    const { key, view } = await services.keys.create({ accountId: admin.accountId, scopes: ['workflows:read'] });
    await services.auth.authenticate(`Bearer ${key}`);
    await services.keys.revoke(admin.accountId, view.prefix);
    expect((await failure(services.auth.authenticate(`Bearer ${key}`))).code).toBe('invalid_api_key');
  });

  it('sees a revocation made by another process once the cache entry ages out', async () => {
    const { services, admin, clock, sibling } = h();
    const { key, view } = await services.keys.create({ accountId: admin.accountId });
    await services.auth.authenticate(`Bearer ${key}`);
    await (await sibling()).keys.revoke(admin.accountId, view.prefix);
    clock.advance(5_001);
    expect((await failure(services.auth.authenticate(`Bearer ${key}`))).code).toBe('invalid_api_key');
  });

  it('refuses an expired key with its own code', async () => {
    const { services, admin, clock } = h();
    const expiresAt = new Date(clock.now().getTime() + 60_000);
    const { key } = await services.keys.create({ accountId: admin.accountId, expiresAt });
    await services.auth.authenticate(`Bearer ${key}`);
    clock.advance(60_000);
    const error = await failure(services.auth.authenticate(`Bearer ${key}`));
    expect(error).toMatchObject({ code: 'expired_api_key', details: { expiredAt: expiresAt.toISOString() } });
  });

  it('records use at most once a minute per key', async () => {
    const { services, store, admin, adminKey, clock } = h();
    const lastUsed = async () => (await store.apiKeys.listByAccount(admin.accountId))[0]?.lastUsedAt;
    const first = await lastUsed();
    expect(first).toBe(clock.now().toISOString());
    clock.advance(30_000);
    await services.auth.authenticate(`Bearer ${adminKey}`);
    expect(await lastUsed()).toBe(first);
    clock.advance(30_000);
    await services.auth.authenticate(`Bearer ${adminKey}`);
    expect(await lastUsed()).toBe(clock.now().toISOString());
  });
});
