import { createHash } from 'node:crypto';
import { randomBase62 } from '../../store/index.js';

// docs/api.md: `sk-` and at least 32 base62 characters. We make 40 (≈238 bits); an operator's
// own PIPEWRIGHT_API_KEY may be longer, within reason.
const KEY_PATTERN = /^sk-[0-9A-Za-z]{32,200}$/;
const GENERATED_LENGTH = 40;
const PREFIX_LENGTH = 12;

export function generateApiKey(): string {
  return `sk-${randomBase62(GENERATED_LENGTH)}`;
}

export function isWellFormedApiKey(text: string): boolean {
  return KEY_PATTERN.test(text);
}

/** SHA-256 hex: the only form of a key the store ever holds. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** What names a key in `keys list` and `keys revoke`: `sk-` and 9 characters, too few to use. */
export function prefixOf(key: string): string {
  return key.slice(0, PREFIX_LENGTH);
}
