import { PipewrightError } from '../errors/index.js';
import type { OpenStoreOptions } from './open-store.js';

/**
 * The store's settings an operator gives in the environment: `PIPEWRIGHT_DATABASE_URL` (a
 * `postgres://` or `postgresql://` URL: the store is on PostgreSQL) and `PIPEWRIGHT_STORE_LOCK_WAIT_MS`.
 */
export function storeSettingsFromEnv(env: NodeJS.ProcessEnv): Pick<OpenStoreOptions, 'lockWaitMs' | 'databaseUrl'> {
  return { ...databaseUrl(env.PIPEWRIGHT_DATABASE_URL), ...lockWait(env.PIPEWRIGHT_STORE_LOCK_WAIT_MS) };
}

function databaseUrl(raw: string | undefined): Pick<OpenStoreOptions, 'databaseUrl'> {
  if (raw === undefined || raw.trim() === '') return {};
  if (!/^postgres(ql)?:\/\//.test(raw.trim())) {
    // The value is not echoed: a mistyped URL may still hold a password.
    throw new PipewrightError('invalid_field', 'PIPEWRIGHT_DATABASE_URL must be a PostgreSQL URL, postgres://user:password@host:5432/database', {
      details: { field: 'PIPEWRIGHT_DATABASE_URL' },
    });
  }
  return { databaseUrl: raw.trim() };
}

function lockWait(raw: string | undefined): Pick<OpenStoreOptions, 'lockWaitMs'> {
  if (raw === undefined) return {};
  if (!/^[0-9]{1,7}$/.test(raw.trim())) {
    throw new PipewrightError('invalid_field', `PIPEWRIGHT_STORE_LOCK_WAIT_MS must be a whole number of milliseconds (5000 is 5 s), got "${raw}"`, {
      details: { field: 'PIPEWRIGHT_STORE_LOCK_WAIT_MS' },
    });
  }
  return { lockWaitMs: Number(raw.trim()) };
}
