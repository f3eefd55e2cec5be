import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 of the artifact id and its expiry (Unix seconds), base64url. */
export function signatureOf(secret: Buffer, id: string, exp: number): string {
  return createHmac('sha256', secret).update(`${id}.${exp}`).digest('base64url');
}

/** In constant time, so a caller cannot learn a valid signature one byte at a time. */
export function signatureMatches(secret: Buffer, id: string, exp: number, sig: string): boolean {
  const expected = Buffer.from(signatureOf(secret, id, exp));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
