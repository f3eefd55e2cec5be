import { randomBytes } from 'node:crypto';
import type { SecretRepository } from '../../store/index.js';

/**
 * The account's callback signing secret, `whsec_` and 32 random bytes in base64 (the form the
 * Standard Webhooks libraries take), made on first use and the same in every process afterwards.
 */
export function callbackSecret(secrets: SecretRepository, accountId: string): Promise<string> {
  return secrets.getOrCreate(`callback-secret:${accountId}`, `whsec_${randomBytes(32).toString('base64')}`);
}
