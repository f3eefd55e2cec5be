import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
// 248 = 4 × 62: bytes at or above it are dropped so every character is equally likely.
const UNBIASED_LIMIT = 248;

/** `length` uniformly random base62 characters (≈5.95 bits each) from the OS CSPRNG. */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte < UNBIASED_LIMIT && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** A record id: a type prefix and 16 base62 characters (≈95 bits). */
export function newId(prefix: 'acct' | 'key' | 'wf' | 'led'): string {
  return `${prefix}_${randomBase62(16)}`;
}

/** 22 base62 characters ≈ 131 bits: webhook ids are bearer secrets (docs/security.md). */
export function newWebhookId(): string {
  return randomBase62(22);
}
