import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { PipewrightError } from '../../errors/index.js';
import { addressRange, isAllowedAddress, isAllowedHost, type SecurityPolicy } from '../../net/index.js';

/**
 * Refuses, without fetching it, an http(s) URL whose host the policy forbids, so a workflow learns
 * at its input rather than at some later node. Only a courtesy: guardedFetch checks every
 * connection it makes, so a name that resolves differently later is still caught there, and a
 * name that does not resolve now is let through for the fetch to judge.
 */
export async function assertAllowedUrl(raw: string, policy: SecurityPolicy): Promise<void> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PipewrightError('invalid_url', 'Not a valid URL', { kind: 'user' });
  }
  if (policy.allowPrivateNetwork || isAllowedHost(url.hostname, policy)) return;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = isIP(host) ? [host] : await resolve(host);
  const refused = addresses.find((address) => !isAllowedAddress(address, policy));
  if (refused === undefined) return;
  throw new PipewrightError(
    'forbidden_target',
    `Refusing ${url.hostname}: it is a ${addressRange(refused)} address (${refused}). ` +
      'The operator can allow it with PIPEWRIGHT_ALLOW_PRIVATE_NETWORK=1 or by listing it in PIPEWRIGHT_ALLOW_HOSTS.',
    { kind: 'user', details: { host: url.hostname, address: refused, range: addressRange(refused) } },
  );
}

async function resolve(host: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return [];
  }
}
