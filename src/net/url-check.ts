import { lookup } from 'node:dns/promises';
import { addressRange, isAllowedAddress, isAllowedHost, isIpLiteral } from './address.js';
import type { SecurityPolicy } from './policy.js';
import { forbiddenTarget } from './refusal.js';
import { parseTarget } from './target.js';

/**
 * Refuses, without fetching it, an http(s) URL whose host the policy forbids, so a workflow learns
 * at its input rather than at some later node. Only a courtesy: guardedFetch checks every
 * connection it makes, so a name that resolves differently later is still caught there, and a
 * name that does not resolve now is let through for the fetch to judge.
 */
export async function assertAllowedUrl(raw: string, policy: SecurityPolicy): Promise<void> {
  const url = parseTarget(raw);
  if (policy.allowPrivateNetwork || isAllowedHost(url.hostname, policy)) return;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = isIpLiteral(host) ? [host] : await resolve(host);
  const refused = addresses.find((address) => !isAllowedAddress(address, policy));
  if (refused !== undefined) throw forbiddenTarget(host, refused, addressRange(refused));
}

async function resolve(host: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return [];
  }
}
