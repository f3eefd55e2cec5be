import { createHash } from 'node:crypto';
import { PipewrightError } from '../../errors/index.js';
import type { Store } from '../../store/index.js';
import type { IdempotencyService } from '../execution-contracts.js';
import { checkIdempotencyKey } from './key.js';

export interface IdempotencyOptions {
  store: Pick<Store, 'idempotency'>;
  now?: () => Date;
  /** How long an answer is replayed (docs/api.md: 24 hours). */
  ttlMs?: number;
  /** Expired records are deleted at most this often, by whichever request comes first. */
  purgeEveryMs?: number;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Idempotency-Key over the store: the claim, the answer and its expiry are rows, so they hold
 * across restarts and across processes sharing a store. Keys are scoped to an account.
 */
export function createIdempotencyService(options: IdempotencyOptions): IdempotencyService {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const ttlMs = options.ttlMs ?? DAY_MS;
  const purgeEveryMs = options.purgeEveryMs ?? HOUR_MS;
  let lastPurge = 0;

  const purgeNowAndThen = async (at: Date) => {
    if (at.getTime() - lastPurge < purgeEveryMs) return;
    lastPurge = at.getTime();
    await store.idempotency.purgeExpired(at.toISOString());
  };

  return {
    async begin(accountId, key, request) {
      checkIdempotencyKey(key);
      const at = now();
      await purgeNowAndThen(at);
      const fingerprint = { method: request.method.toUpperCase(), path: request.path, bodyHash: sha256(request.body) };
      const outcome = await store.idempotency.begin(accountId, key, fingerprint, new Date(at.getTime() + ttlMs).toISOString());
      switch (outcome.state) {
        case 'started':
          return { kind: 'run', claim: outcome.claim };
        case 'done':
          return { kind: 'replay', ...outcome.response };
        case 'in_flight':
          throw new PipewrightError('idempotency_key_in_use', 'A request with this Idempotency-Key is still being handled; retry once it has finished');
        case 'mismatch':
          throw new PipewrightError('idempotency_key_reused', 'This Idempotency-Key was already used for a different request (method, path or body)');
      }
    },
    async complete(accountId, key, response, claim) {
      await store.idempotency.complete({ accountId, key, ...(claim === undefined ? {} : { claim }) }, response);
    },
    async release(accountId, key, claim) {
      await store.idempotency.release({ accountId, key, ...(claim === undefined ? {} : { claim }) });
    },
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
