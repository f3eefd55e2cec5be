import { describe, expect, it } from 'vitest';
import { addressRange, isAllowedAddress, isAllowedHost, isInternalAddress } from '../../src/net/index.js';
import { testPolicy } from './test-server.js';

describe('isInternalAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fd00::1', 'uniqueLocal'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['[::1]', 'loopback'],
  ])('%s is internal (%s)', (ip, range) => {
    expect(addressRange(ip)).toBe(range);
    expect(isInternalAddress(ip)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])('%s is external', (ip) => {
    expect(isInternalAddress(ip)).toBe(false);
  });
});

describe('isAllowedAddress', () => {
  it('allows public addresses under a closed policy', () => {
    expect(isAllowedAddress('8.8.8.8', testPolicy())).toBe(true);
  });

  it('refuses internal addresses unless the private network is allowed', () => {
    expect(isAllowedAddress('10.0.0.5', testPolicy())).toBe(false);
    expect(isAllowedAddress('10.0.0.5', testPolicy({ allowPrivateNetwork: true }))).toBe(true);
  });

  it('allows internal addresses inside an allowed CIDR or equal to an allowed IP', () => {
    const policy = testPolicy({ allowHosts: ['10.1.0.0/16', '192.168.5.5', 'fd00::/8', 'not-an-ip.example'] });
    expect(isAllowedAddress('10.1.200.3', policy)).toBe(true);
    expect(isAllowedAddress('10.2.0.1', policy)).toBe(false);
    expect(isAllowedAddress('192.168.5.5', policy)).toBe(true);
    expect(isAllowedAddress('192.168.5.6', policy)).toBe(false);
    expect(isAllowedAddress('fd00::abcd', policy)).toBe(true);
    expect(isAllowedAddress('::ffff:10.1.0.9', policy)).toBe(true);
  });
});

describe('isAllowedHost', () => {
  const policy = testPolicy({ allowHosts: ['Models.Internal', '*.corp.example', '10.0.0.0/8'] });

  it('matches names case-insensitively, with or without a trailing dot', () => {
    expect(isAllowedHost('models.internal', policy)).toBe(true);
    expect(isAllowedHost('MODELS.internal.', policy)).toBe(true);
    expect(isAllowedHost('other.internal', policy)).toBe(false);
  });

  it('matches subdomains of a wildcard entry, not the bare domain', () => {
    expect(isAllowedHost('a.b.corp.example', policy)).toBe(true);
    expect(isAllowedHost('corp.example', policy)).toBe(false);
    expect(isAllowedHost('evilcorp.example', policy)).toBe(false);
  });
});
