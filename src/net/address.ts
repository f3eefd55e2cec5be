import ipaddr from 'ipaddr.js';
import type { SecurityPolicy } from './policy.js';

/**
 * The ipaddr.js range of an address (`loopback`, `private`, `linkLocal`, `uniqueLocal`,
 * `carrierGradeNat`, `unicast`…). IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is classified as the
 * IPv4 address it carries, so it cannot smuggle a loopback target past the check.
 */
export function addressRange(ip: string): string {
  return ipaddr.process(stripBrackets(ip)).range();
}

/**
 * Only plain public unicast is external. Everything else — loopback, private, link-local, CGNAT,
 * multicast, reserved, and the IPv6 transition ranges that may embed an internal IPv4 — is
 * internal: an allow-list of one range cannot miss a range added later.
 */
export function isInternalAddress(ip: string): boolean {
  return addressRange(ip) !== 'unicast';
}

/** Whether a connection to `ip` is allowed: public, or internal but allowed by the operator. */
export function isAllowedAddress(ip: string, policy: SecurityPolicy): boolean {
  if (policy.allowPrivateNetwork || !isInternalAddress(ip)) return true;
  const address = ipaddr.process(stripBrackets(ip));
  return policy.allowHosts.some((entry) => addressEntryMatches(entry, address));
}

/**
 * Whether `hostname` is named in `policy.allowHosts`: exactly (case-insensitive), or under a
 * `*.example.internal` wildcard entry. Such a host may resolve to internal addresses.
 */
export function isAllowedHost(hostname: string, policy: SecurityPolicy): boolean {
  const host = normaliseHost(hostname);
  return policy.allowHosts.some((raw) => {
    const entry = normaliseHost(raw);
    if (entry.startsWith('*.')) return host.endsWith(entry.slice(1));
    return host === entry;
  });
}

/** Whether `host` (as in a URL, brackets allowed) is an IP literal rather than a name. */
export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(stripBrackets(host));
}

function addressEntryMatches(entry: string, address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  const value = entry.trim();
  let range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  if (ipaddr.isValidCIDR(value)) range = ipaddr.parseCIDR(value);
  else if (ipaddr.isValid(value)) {
    const single = ipaddr.process(value);
    range = [single, single.kind() === 'ipv4' ? 32 : 128];
  } else return false;
  const [network, bits] = range;
  return network.kind() === address.kind() && address.match(network, bits);
}

function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
