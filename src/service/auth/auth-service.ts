import { timingSafeEqual } from 'node:crypto';
import { PipewrightError } from '../../errors/index.js';
import type { Store } from '../../store/index.js';
import type { AuthService } from '../contracts.js';
import type { Plan, Principal, Scope } from '../principal.js';
import { hashApiKey, isWellFormedApiKey } from './api-key-text.js';
import type { AuthCache, CachedKey } from './auth-cache.js';

/** `last_used_at` is written at most this often per key: a hot route must not write on every call. */
const TOUCH_INTERVAL_MS = 60_000;
const BEARER = /^Bearer\s+(\S+)\s*$/i;

export function createAuthService(deps: { store: Store; cache: AuthCache; now: () => Date }): AuthService {
  const { store, cache, now } = deps;
  const lastTouched = new Map<string, number>();

  async function lookUp(hash: string, nowMs: number): Promise<CachedKey> {
    const cached = cache.get(hash, nowMs);
    if (cached) return cached;
    const key = await store.apiKeys.findByHash(hash);
    if (!key || !timingSafeEqual(Buffer.from(key.keyHash, 'hex'), Buffer.from(hash, 'hex'))) throw invalidKey();
    const account = await store.accounts.get(key.accountId);
    if (!account) throw invalidKey();
    const entry = { key, plan: account.plan as Plan };
    cache.set(hash, entry, nowMs);
    return entry;
  }

  async function touch(keyId: string, lastUsedAt: string | null, at: Date): Promise<void> {
    const previous = lastTouched.get(keyId) ?? (lastUsedAt ? Date.parse(lastUsedAt) : 0);
    if (at.getTime() - previous < TOUCH_INTERVAL_MS) return;
    lastTouched.set(keyId, at.getTime());
    await store.apiKeys.touch(keyId, at.toISOString());
  }

  return {
    async authenticate(authorization) {
      if (authorization === undefined || authorization.trim() === '') {
        throw new PipewrightError('missing_api_key', 'Send an API key: Authorization: Bearer sk-…');
      }
      const text = BEARER.exec(authorization)?.[1];
      if (text === undefined || !isWellFormedApiKey(text)) throw invalidKey();
      const at = now();
      const { key, plan } = await lookUp(hashApiKey(text), at.getTime());
      if (key.revokedAt !== null) throw invalidKey();
      if (key.expiresAt !== null && Date.parse(key.expiresAt) <= at.getTime()) {
        throw new PipewrightError('expired_api_key', 'This API key has expired', { details: { expiredAt: key.expiresAt } });
      }
      await touch(key.id, key.lastUsedAt, at);
      return { accountId: key.accountId, keyId: key.id, scopes: key.scopes as Scope[], plan } satisfies Principal;
    },
  };
}

// One message for malformed, unknown and revoked keys: the caller learns nothing about which.
function invalidKey(): PipewrightError {
  return new PipewrightError('invalid_api_key', 'The API key is not valid');
}
