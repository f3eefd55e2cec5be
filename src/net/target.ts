import { PipewrightError } from '../errors/index.js';
import { addressRange, isAllowedAddress, isIpLiteral } from './address.js';
import type { SecurityPolicy } from './policy.js';
import { forbiddenTarget } from './refusal.js';

/** Parses a fetch target (relative to `base` for a redirect). Messages leave out the URL: query strings carry secrets. */
export function parseTarget(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new PipewrightError('invalid_url', base ? `${base.host} redirected to an invalid URL` : 'Not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PipewrightError('unsupported_url', `Only http: and https: URLs can be fetched, not ${url.protocol}`, {
      details: { protocol: url.protocol },
    });
  }
  return url;
}

/**
 * Refuses an internal IP literal before any socket opens. Names are checked later, on the
 * addresses they resolve to (see guarded-agent.ts): Node does not call `lookup` for literals.
 */
export function assertAllowedLiteral(url: URL, policy: SecurityPolicy): void {
  const host = url.hostname;
  if (isIpLiteral(host) && !isAllowedAddress(host, policy)) throw forbiddenTarget(host, host, addressRange(host));
}
