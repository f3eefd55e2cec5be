import { describe, expect, it } from 'vitest';
import { DEFAULT_KEY_SCOPES } from '../../src/service/index.js';
import { hashApiKey } from '../../src/service/auth/api-key-text.js';
import { failure, useHarness } from './harness.js';

const h = useHarness();

describe('KeyService', () => {
  it('creates a key shown once and stores only its SHA-256 hash', async () => {
    const { services, store, admin, clock } = h();
    clock.advance(1);
    const { key, view } = await services.keys.create({ accountId: admin.accountId, name: 'ci' });
    expect(view).toMatchObject({ name: 'ci', prefix: key.slice(0, 12), scopes: [...DEFAULT_KEY_SCOPES], revokedAt: null, expiresAt: null });
    const stored = await store.apiKeys.findByHash(hashApiKey(key));
    expect(stored?.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await store.apiKeys.listByAccount(admin.accountId))).not.toContain(key);
    expect((await services.keys.list(admin.accountId)).map((k) => k.name)).toEqual(['admin', 'ci']);
  });

  it.each([
    ['an unknown scope', { scopes: ['workflows:read', 'root'] }, 'scopes'],
    ['no scopes', { scopes: [] }, 'scopes'],
    ['an expiry in the past', { expiresAt: new Date('2000-01-01') }, 'expiresAt'],
    ['a malformed key text', { key: 'sk-nope' }, 'key'],
  ])('refuses %s and stores nothing', async (_, input, field) => {
    const { services, admin } = h();
    const before = await h().snapshot();
    const error = await failure(services.keys.create({ accountId: admin.accountId, ...(input as object) }));
    expect(error).toMatchObject({ code: 'invalid_field', details: { field } });
    expect(await h().snapshot()).toEqual(before);
  });

  it('revokes by prefix or by the whole key, only within the account', async () => {
    const { services, admin, stranger } = h();
    const { key, view } = await services.keys.create({ accountId: admin.accountId });
    const other = await stranger();
    expect((await failure(services.keys.revoke(other.accountId, view.prefix))).code).toBe('not_found');
    expect((await failure(services.keys.revoke(admin.accountId, 'sk-'))).code).toBe('not_found');
    const revoked = await services.keys.revoke(admin.accountId, key);
    expect(revoked).toMatchObject({ prefix: view.prefix, revokedAt: expect.any(String) });
    expect(await services.keys.revoke(admin.accountId, view.prefix)).toEqual(revoked);
  });

  it('names the candidates when a prefix matches several keys', async () => {
    const { services, admin } = h();
    const base = 'sk-SamePrefix';
    await services.keys.create({ accountId: admin.accountId, key: `${base}${'a'.repeat(30)}` });
    await services.keys.create({ accountId: admin.accountId, key: `${base}${'b'.repeat(30)}` });
    const error = await failure(services.keys.revoke(admin.accountId, 'sk-SamePre'));
    expect(error).toMatchObject({ code: 'ambiguous_prefix', details: { prefixes: ['sk-SamePrefi', 'sk-SamePrefi'] } });
  });
});
