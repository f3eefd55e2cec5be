import { randomBytes } from 'node:crypto';
import type { SecretRepository } from '../../store/index.js';

/** An account's callback secrets: the one callbacks are signed with, and the one it replaced, still signing until `previousUntil`. */
export interface CallbackSecrets {
  secret: string;
  previous: string | null;
  previousUntil: string | null;
}

/** How long a replaced secret keeps signing beside the new one, so a receiver can switch without missing a callback. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

const nameOf = (accountId: string) => `callback-secret:${accountId}`;

/** `whsec_` and 32 random bytes in base64: the form the Standard Webhooks libraries take. */
const fresh = (): CallbackSecrets => ({ secret: `whsec_${randomBytes(32).toString('base64')}`, previous: null, previousUntil: null });

/** The account's secrets, made on first use and the same in every process afterwards. */
export async function callbackSecrets(secrets: SecretRepository, accountId: string): Promise<CallbackSecrets> {
  return JSON.parse(await secrets.getOrCreate(nameOf(accountId), JSON.stringify(fresh()))) as CallbackSecrets;
}

/**
 * A new secret for the account; the one it replaces keeps signing beside it for a day. Of two
 * rotations at once, one wins (SecretRepository.replace) and the other answers the winner's.
 */
export async function rotateCallbackSecret(secrets: SecretRepository, accountId: string, now: Date): Promise<CallbackSecrets> {
  const name = nameOf(accountId);
  const stored = await secrets.getOrCreate(name, JSON.stringify(fresh()));
  const { secret } = JSON.parse(stored) as CallbackSecrets;
  const next: CallbackSecrets = { ...fresh(), previous: secret, previousUntil: new Date(now.getTime() + ROTATION_OVERLAP_MS).toISOString() };
  if (await secrets.replace(name, stored, JSON.stringify(next))) return next;
  return callbackSecrets(secrets, accountId);
}

/** What a callback sent at `at` is signed with: the current secret, and the replaced one while its day lasts. */
export function signingSecrets(secrets: CallbackSecrets, at: Date): string[] {
  const overlapping = secrets.previous !== null && secrets.previousUntil !== null && at.getTime() < Date.parse(secrets.previousUntil);
  return overlapping ? [secrets.secret, secrets.previous!] : [secrets.secret];
}
