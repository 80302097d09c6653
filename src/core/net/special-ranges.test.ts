import { describe, expect, it } from 'vitest';
import { parseAddress, type Address } from './address.ts';
import { parseCidr, type Cidr } from './cidr.ts';
import { isPrivateCidr, isPrivateIpv4, isPublicAddress } from './special-ranges.ts';
import { unwrap } from '../model/result.ts';

const addr = (text: string): Address => unwrap(parseAddress(text));
const cidr = (text: string): Cidr => unwrap(parseCidr(text));

describe('isPrivateIpv4', () => {
  it.each([
    ['10.0.0.0', true],
    ['10.255.255.255', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.0', false],
    ['192.168.1.1', true],
    ['100.64.0.1', true],
    ['100.127.255.255', true],
    ['100.128.0.0', false],
    ['169.254.169.254', true],
    ['8.8.8.8', false],
    ['11.0.0.0', false],
  ])('%s -> %s', (text, expected) => {
    expect(isPrivateIpv4(addr(text))).toBe(expected);
  });

  it('is false for IPv6, even IPv4-mapped', () => {
    expect(isPrivateIpv4(addr('::ffff:10.0.0.1'))).toBe(false);
    expect(isPrivateIpv4(addr('fd00::1'))).toBe(false);
  });
});

describe('isPublicAddress', () => {
  it.each([
    ['8.8.8.8', true],
    ['54.239.28.85', true],
    ['10.0.0.1', false],
    ['100.64.0.1', false],
    ['169.254.169.254', false],
    ['127.0.0.1', false],
    ['0.0.0.0', false],
    ['192.0.2.10', false],
    ['198.51.100.1', false],
    ['203.0.113.5', false],
    ['198.18.0.1', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['2600:1f18::1', true],
    ['2a05:d018::1', true],
    ['2001:db8::1', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['::1', false],
    ['ff02::1', false],
    ['::ffff:8.8.8.8', false],
  ])('%s -> %s', (text, expected) => {
    expect(isPublicAddress(addr(text))).toBe(expected);
  });
});

describe('isPrivateCidr', () => {
  it.each([
    ['10.0.0.0/16', true],
    ['10.0.0.0/8', true],
    ['10.0.0.0/7', false],
    ['172.16.0.0/12', true],
    ['172.16.0.0/11', false],
    ['100.64.0.0/10', true],
    ['169.254.0.0/16', true],
    ['0.0.0.0/0', false],
    ['8.8.8.0/24', false],
    ['fd12:3456::/48', true],
    ['fe80::/64', true],
    ['2600:1f18::/56', false],
    ['::/0', false],
  ])('%s -> %s', (text, expected) => {
    expect(isPrivateCidr(cidr(text))).toBe(expected);
  });
});
