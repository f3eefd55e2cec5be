import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { Agent } from 'undici';
import { addressRange, isAllowedAddress, isAllowedHost } from './address.js';
import type { SecurityPolicy } from './policy.js';
import { forbiddenTarget } from './refusal.js';

const agents = new WeakMap<SecurityPolicy, Promise<Agent>>();

/**
 * One pooled agent per policy: connections are reused, and every new one is checked. undici is
 * loaded with the first fetch: it costs ~65 ms at start, and most processes never fetch a URL.
 */
export function agentFor(policy: SecurityPolicy): Promise<Agent> {
  let agent = agents.get(policy);
  if (!agent) {
    agent = import('undici').then(({ Agent }) => new Agent({ connect: { lookup: guardedLookup(policy) } }));
    agents.set(policy, agent);
  }
  return agent;
}

/**
 * Checks the addresses a name resolves to at connect time, on the very lookup whose answer the
 * socket then uses — a name that resolved to a public address when checked and to an internal
 * one when connecting (DNS rebinding) is caught here. One internal answer refuses the whole name.
 */
function guardedLookup(policy: SecurityPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = isAllowedHost(hostname, policy) ? undefined : addresses.find((a) => !isAllowedAddress(a.address, policy));
      if (refused) return callback(forbiddenTarget(hostname, refused.address, addressRange(refused.address)), '', 0);
      const first = addresses[0];
      if (options.all) callback(null, addresses);
      else if (first) callback(null, first.address, first.family);
      else callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
    });
  };
}
