import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAddress, parseAddress, type Address } from './address.ts';
import {
  canonicalCidr,
  cidrContainsAddress,
  cidrContainsCidr,
  cidrFromBlock,
  cidrsOverlap,
  cidrSize,
  compareCidrs,
  isWorldCidr,
  longestPrefixMatch,
  parseCidr,
  parseCidrCached,
  type Cidr,
} from './cidr.ts';
import { unwrap } from '../model/result.ts';

const cidr = (text: string): Cidr => unwrap(parseCidr(text));
const addr = (text: string): Address => unwrap(parseAddress(text));
const errorOf = (text: string, options = {}) => {
  const r = parseCidr(text, options);
  if (r.ok) throw new Error(`${text} parsed as ${r.value.text}`);
  return r.error;
};

const ipv4Cidr = fc
  .tuple(fc.bigInt({ min: 0n, max: 0xffffffffn }), fc.integer({ min: 0, max: 32 }))
  .map(([v, p]) => cidrFromBlock(4, v, p));
const ipv6Cidr = fc
  .tuple(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), fc.integer({ min: 0, max: 128 }))
  .map(([v, p]) => cidrFromBlock(6, v, p));
const anyCidr = fc.oneof(ipv4Cidr, ipv6Cidr);

describe('parseCidr', () => {
  it('reads an IPv4 block as its first and last address', () => {
    expect(cidr('10.0.0.0/16')).toEqual({ family: 4, first: 0x0a000000n, last: 0x0a00ffffn, prefix: 16, text: '10.0.0.0/16' });
  });

  it('reads /0 and /32 edges', () => {
    expect(cidr('0.0.0.0/0')).toEqual({ family: 4, first: 0n, last: 0xffffffffn, prefix: 0, text: '0.0.0.0/0' });
    expect(cidr('10.1.2.3/32')).toEqual({ family: 4, first: 0x0a010203n, last: 0x0a010203n, prefix: 32, text: '10.1.2.3/32' });
    expect(cidr('255.255.255.255/32').last).toBe(0xffffffffn);
  });

  it('reads IPv6 blocks, including ::/0 and /128, into canonical lowercase text', () => {
    expect(cidr('2001:DB8:AB::/56')).toEqual({
      family: 6,
      first: 0x20010db800ab0000_0000000000000000n,
      last: 0x20010db800ab00ff_ffffffffffffffffn,
      prefix: 56,
      text: '2001:db8:ab::/56',
    });
    expect(cidr('::/0')).toEqual({ family: 6, first: 0n, last: (1n << 128n) - 1n, prefix: 0, text: '::/0' });
    expect(cidr('::1/128')).toEqual({ family: 6, first: 1n, last: 1n, prefix: 128, text: '::1/128' });
  });

  it('clears host bits as AWS does (100.68.0.18/18 is stored as 100.68.0.0/18)', () => {
    expect(cidr('100.68.0.18/18').text).toBe('100.68.0.0/18');
    expect(cidr('2001:db8::1/32').text).toBe('2001:db8::/32');
    expect(cidr('10.1.2.3/0').text).toBe('0.0.0.0/0');
  });

  it('in strict mode refuses host bits and names the canonical form', () => {
    expect(errorOf('100.68.0.18/18', { strict: true })).toEqual({
      code: 'cidr/not-canonical',
      message: '100.68.0.18/18 has host bits set after /18: write 100.68.0.0/18 (AWS stores it that way)',
      input: '100.68.0.18/18',
    });
    expect(errorOf('2001:db8::1/64', { strict: true }).message).toBe(
      '2001:db8::1/64 has host bits set after /64: write 2001:db8::/64 (AWS stores it that way)',
    );
    expect(parseCidr('100.68.0.0/18', { strict: true }).ok).toBe(true);
    expect(parseCidr('2001:DB8::/32', { strict: true }).ok).toBe(true);
  });

  it('reads a bare address as /32 or /128 only when allowed', () => {
    expect(unwrap(parseCidr('10.0.0.5', { allowBareAddress: true })).text).toBe('10.0.0.5/32');
    expect(unwrap(parseCidr('2001:db8::5', { allowBareAddress: true })).text).toBe('2001:db8::5/128');
    expect(errorOf('10.0.0.5')).toEqual({
      code: 'cidr/prefix',
      message: "10.0.0.5 has no prefix length: write 10.0.0.5/32 for this one address, or give the block's /n",
      input: '10.0.0.5',
    });
    expect(errorOf('2001:db8::5').message).toBe(
      "2001:db8::5 has no prefix length: write 2001:db8::5/128 for this one address, or give the block's /n",
    );
  });

  it('keeps IPv4-mapped IPv6 blocks IPv6', () => {
    expect(cidr('::ffff:10.0.0.0/104')).toEqual({
      family: 6,
      first: 0xffff0a000000n,
      last: 0xffff0affffffn,
      prefix: 104,
      text: '::ffff:10.0.0.0/104',
    });
  });

  it('ignores surrounding whitespace', () => {
    expect(cidr(' \t10.0.0.0/8\n').text).toBe('10.0.0.0/8');
  });

  it.each([
    ['10.0.0.300/16', 'cidr/syntax', '10.0.0.300/16 is not an IPv4 CIDR: 300 is over 255'],
    ['010.0.0.0/8', 'cidr/syntax', '010.0.0.0/8 is not an IPv4 CIDR: 010 has a leading zero; write it as 10'],
    ['10.0.0/8', 'cidr/syntax', '10.0.0/8 is not an IPv4 CIDR: it has 3 parts separated by dots; an IPv4 address has 4 (a.b.c.d)'],
    ['10.0.0.0/8/9', 'cidr/syntax', "10.0.0.0/8/9 is not a CIDR: it has more than one '/'"],
    ['', 'cidr/syntax', 'The CIDR is empty: expected a block such as 10.0.0.0/16 or 2001:db8::/56'],
    ['   ', 'cidr/syntax', 'The CIDR is empty: expected a block such as 10.0.0.0/16 or 2001:db8::/56'],
    ['any', 'cidr/syntax', 'any is not a CIDR: expected a.b.c.d (IPv4) or hexadecimal groups separated by colons (IPv6)'],
    ['2001:db8::g/64', 'cidr/syntax', '2001:db8::g/64 is not an IPv6 CIDR: "g" is not a hexadecimal digit'],
    ['fe80::%eth0/64', 'cidr/syntax', 'fe80::%eth0/64 is not an IPv6 CIDR: zone ids (the %… suffix) are not allowed'],
    ['10.0.0.0/33', 'cidr/prefix', '10.0.0.0/33: an IPv4 prefix length is 0 to 32, not 33'],
    ['::/129', 'cidr/prefix', '::/129: an IPv6 prefix length is 0 to 128, not 129'],
    ['10.0.0.0/', 'cidr/prefix', "10.0.0.0/ has no prefix length after '/'"],
    ['10.0.0.0/-1', 'cidr/prefix', '10.0.0.0/-1: the prefix length "-1" is not a whole number'],
    ['10.0.0.0/ 8', 'cidr/prefix', '10.0.0.0/ 8: the prefix length " 8" is not a whole number'],
    ['10.0.0.0/08', 'cidr/prefix', '10.0.0.0/08: the prefix length 08 has a leading zero; write /8'],
    ['10.0.0.0/255.255.0.0', 'cidr/prefix', '10.0.0.0/255.255.0.0: the prefix length "255.255.0.0" is not a whole number'],
  ])('refuses %j saying exactly why', (input, code, message) => {
    expect(errorOf(input)).toEqual({ code, message, input });
  });

  it('agrees with itself on canonical text: parsing a canonical text gives the same block', () => {
    fc.assert(
      fc.property(anyCidr, (c) => {
        expect(unwrap(parseCidr(c.text, { strict: true }))).toEqual(c);
      }),
    );
  });
});

describe('canonicalCidr', () => {
  it('spells a block as AWS stores it', () => {
    expect(canonicalCidr('100.68.0.18/18')).toEqual({ ok: true, value: '100.68.0.0/18' });
    expect(canonicalCidr('2001:0DB8:0000::/48')).toEqual({ ok: true, value: '2001:db8::/48' });
    expect(canonicalCidr('10.0.0.1', { allowBareAddress: true })).toEqual({ ok: true, value: '10.0.0.1/32' });
  });

  it('passes the parse error through', () => {
    expect(canonicalCidr('10.0.0.0/40')).toEqual({
      ok: false,
      error: { code: 'cidr/prefix', message: '10.0.0.0/40: an IPv4 prefix length is 0 to 32, not 40', input: '10.0.0.0/40' },
    });
  });

  it('is idempotent', () => {
    const text = fc.oneof(
      fc.tuple(fc.bigInt({ min: 0n, max: 0xffffffffn }), fc.integer({ min: 0, max: 32 })).map(([v, p]) => `${formatAddress(4, v)}/${p}`),
      fc.tuple(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), fc.integer({ min: 0, max: 128 })).map(([v, p]) => `${formatAddress(6, v).toUpperCase()}/${p}`),
    );
    fc.assert(
      fc.property(text, (t) => {
        const once = unwrap(canonicalCidr(t));
        expect(unwrap(canonicalCidr(once))).toBe(once);
        expect(parseCidr(once, { strict: true }).ok).toBe(true);
      }),
    );
  });
});

describe('parseCidrCached', () => {
  it('returns the same frozen result for the same text and options', () => {
    const a = parseCidrCached('10.0.0.0/16');
    expect(parseCidrCached('10.0.0.0/16')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(unwrap(a))).toBe(true);
  });

  it('keeps options apart', () => {
    expect(parseCidrCached('10.0.0.5/16').ok).toBe(true);
    expect(parseCidrCached('10.0.0.5/16', { strict: true }).ok).toBe(false);
    expect(parseCidrCached('10.0.0.5').ok).toBe(false);
    expect(parseCidrCached('10.0.0.5', { allowBareAddress: true }).ok).toBe(true);
  });
});

describe('block relations', () => {
  it('cidrContainsAddress includes both ends and nothing of the other family', () => {
    const c = cidr('10.0.0.0/24');
    expect(cidrContainsAddress(c, addr('10.0.0.0'))).toBe(true);
    expect(cidrContainsAddress(c, addr('10.0.0.255'))).toBe(true);
    expect(cidrContainsAddress(c, addr('10.0.1.0'))).toBe(false);
    expect(cidrContainsAddress(c, addr('9.255.255.255'))).toBe(false);
    expect(cidrContainsAddress(cidr('::/0'), addr('10.0.0.1'))).toBe(false);
    expect(cidrContainsAddress(cidr('0.0.0.0/0'), addr('::ffff:10.0.0.1'))).toBe(false);
  });

  it('cidrContainsAddress agrees with first <= x <= last', () => {
    fc.assert(
      fc.property(ipv4Cidr, fc.bigInt({ min: 0n, max: 0xffffffffn }), (c, v) => {
        const a = unwrap(parseAddress(formatAddress(4, v)));
        expect(cidrContainsAddress(c, a)).toBe(c.first <= v && v <= c.last);
      }),
    );
    fc.assert(
      fc.property(ipv6Cidr, fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (c, v) => {
        const a = unwrap(parseAddress(formatAddress(6, v)));
        expect(cidrContainsAddress(c, a)).toBe(c.first <= v && v <= c.last);
      }),
    );
  });

  it('cidrContainsCidr and cidrsOverlap follow nesting', () => {
    const vpc = cidr('10.0.0.0/16');
    const subnet = cidr('10.0.1.0/24');
    const other = cidr('10.1.0.0/16');
    expect(cidrContainsCidr(vpc, subnet)).toBe(true);
    expect(cidrContainsCidr(subnet, vpc)).toBe(false);
    expect(cidrContainsCidr(vpc, vpc)).toBe(true);
    expect(cidrsOverlap(vpc, subnet)).toBe(true);
    expect(cidrsOverlap(subnet, vpc)).toBe(true);
    expect(cidrsOverlap(vpc, other)).toBe(false);
    expect(cidrsOverlap(cidr('0.0.0.0/0'), cidr('::/0'))).toBe(false);
  });

  it('two blocks either nest or are disjoint', () => {
    fc.assert(
      fc.property(anyCidr, anyCidr, (a, b) => {
        const overlap = cidrsOverlap(a, b);
        expect(overlap).toBe(cidrContainsCidr(a, b) || cidrContainsCidr(b, a));
      }),
    );
  });

  it('isWorldCidr is true only for /0', () => {
    expect(isWorldCidr(cidr('0.0.0.0/0'))).toBe(true);
    expect(isWorldCidr(cidr('::/0'))).toBe(true);
    expect(isWorldCidr(cidr('0.0.0.0/1'))).toBe(false);
    expect(isWorldCidr(cidr('128.0.0.0/1'))).toBe(false);
  });

  it('cidrSize counts addresses', () => {
    expect(cidrSize(cidr('10.0.0.0/16'))).toBe(65536n);
    expect(cidrSize(cidr('10.0.0.1/32'))).toBe(1n);
    expect(cidrSize(cidr('0.0.0.0/0'))).toBe(1n << 32n);
    expect(cidrSize(cidr('::/0'))).toBe(1n << 128n);
    expect(cidrSize(cidr('2001:db8::/64'))).toBe(1n << 64n);
  });
});

describe('longestPrefixMatch', () => {
  const routes = ['0.0.0.0/0', '10.0.0.0/16', '10.0.1.0/24', '::/0', '10.0.1.0/24'].map(cidr);

  it('picks the most specific containing block', () => {
    expect(longestPrefixMatch(addr('10.0.1.7'), routes)).toBe(2);
    expect(longestPrefixMatch(addr('10.0.2.7'), routes)).toBe(1);
    expect(longestPrefixMatch(addr('8.8.8.8'), routes)).toBe(0);
    expect(longestPrefixMatch(addr('2001:db8::1'), routes)).toBe(3);
  });

  it('returns -1 when nothing contains the address', () => {
    expect(longestPrefixMatch(addr('8.8.8.8'), routes.slice(1, 3))).toBe(-1);
    expect(longestPrefixMatch(addr('8.8.8.8'), [])).toBe(-1);
  });

  it('agrees with a brute-force search', () => {
    fc.assert(
      fc.property(fc.array(ipv4Cidr, { maxLength: 12 }), fc.bigInt({ min: 0n, max: 0xffffffffn }), (candidates, v) => {
        const a = unwrap(parseAddress(formatAddress(4, v)));
        let best = -1;
        candidates.forEach((c, i) => {
          if (c.first <= v && v <= c.last && (best < 0 || c.prefix > candidates[best]!.prefix)) best = i;
        });
        expect(longestPrefixMatch(a, candidates)).toBe(best);
      }),
    );
  });
});

describe('cidrFromBlock and compareCidrs', () => {
  it('builds the aligned block containing a value', () => {
    expect(cidrFromBlock(4, 0x0a000105n, 24).text).toBe('10.0.1.0/24');
    expect(() => cidrFromBlock(4, 0n, 33)).toThrow(RangeError);
  });

  it('orders IPv4 first, then by start, wider first', () => {
    const sorted = ['::/0', '10.0.0.0/24', '10.0.0.0/16', '9.0.0.0/8'].map(cidr).sort(compareCidrs);
    expect(sorted.map((c) => c.text)).toEqual(['9.0.0.0/8', '10.0.0.0/16', '10.0.0.0/24', '::/0']);
  });
});
