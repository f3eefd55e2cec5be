import { PipewrightError } from '../errors/index.js';
import type { OpenStoreOptions } from './open-store.js';

/** The store's settings an operator gives in the environment: `PIPEWRIGHT_STORE_LOCK_WAIT_MS`. */
export function storeSettingsFromEnv(env: NodeJS.ProcessEnv): Pick<OpenStoreOptions, 'lockWaitMs'> {
  const raw = env.PIPEWRIGHT_STORE_LOCK_WAIT_MS;
  if (raw === undefined) return {};
  if (!/^[0-9]{1,7}$/.test(raw.trim())) {
    throw new PipewrightError('invalid_field', `PIPEWRIGHT_STORE_LOCK_WAIT_MS must be a whole number of milliseconds (5000 is 5 s), got "${raw}"`, {
      details: { field: 'PIPEWRIGHT_STORE_LOCK_WAIT_MS' },
    });
  }
  return { lockWaitMs: Number(raw.trim()) };
}
