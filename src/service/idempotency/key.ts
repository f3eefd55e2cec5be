import { PipewrightError } from '../../errors/index.js';

/** docs/api.md: 1–255 printable ASCII characters (space to tilde). */
const VALID_KEY = /^[\x20-\x7e]{1,255}$/;

export function checkIdempotencyKey(key: string): void {
  if (!VALID_KEY.test(key)) {
    throw new PipewrightError('idempotency_key_invalid', 'Idempotency-Key must be 1 to 255 printable ASCII characters');
  }
}
