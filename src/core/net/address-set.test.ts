import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAddress, type Address } from './address.ts';
import { AddressSet } from './address-set.ts';
import { cidrFromBlock, parseCidr, type Cidr } from './cidr.ts';
import { unwrap } from '../model/result.ts';

const cidr = (text: string): Cidr => unwrap(parseCidr(text));
const addr = (text: string): Address => unwrap(parseAddress(text));
const v4 = (...texts: string[]) => AddressSet.fromCidrs(4, texts.map(cidr));
const texts = (s: AddressSet) => s.toCidrs().map((c) => c.text);

describe('AddressSet', () => {
  it('models the Internet as everything minus the VPC space', () => {
    const internet = AddressSet.all(4).subtract(v4('10.0.0.0/16'));
    expect(internet.contains(addr('8.8.8.8'))).toBe(true);
    expect(internet.contains(addr('10.0.3.4'))).toBe(false);
    expect(internet.contains(addr('10.1.0.0'))).toBe(true);
    expect(texts(internet)).toEqual([
      '0.0.0.0/5',
      '8.0.0.0/7',
      '10.1.0.0/16',
      '10.2.0.0/15',
      '10.4.0.0/14',
      '10.8.0.0/13',
      '10.16.0.0/12',
      '10.32.0.0/11',
      '10.64.0.0/10',
      '10.128.0.0/9',
      '11.0.0.0/8',
      '12.0.0.0/6',
      '16.0.0.0/4',
      '32.0.0.0/3',
      '64.0.0.0/2',
      '128.0.0.0/1',
    ]);
    expect(internet.size()).toBe((1n << 32n) - 65536n);
  });

  it('merges adjacent blocks into the fewest CIDRs', () => {
    expect(texts(v4('10.0.0.0/25', '10.0.0.128/25', '10.0.1.0/24'))).toEqual(['10.0.0.0/23']);
    expect(texts(v4('10.0.0.1/32', '10.0.0.2/32'))).toEqual(['10.0.0.1/32', '10.0.0.2/32']);
  });

  it('gives the whole space as a single /0', () => {
    expect(texts(AddressSet.all(4))).toEqual(['0.0.0.0/0']);
    expect(texts(AddressSet.all(6))).toEqual(['::/0']);
    expect(AddressSet.all(6).isAll()).toBe(true);
    expect(AddressSet.empty(6).complement().isAll()).toBe(true);
    expect(texts(AddressSet.empty(4))).toEqual([]);
  });

  it('union, intersect, subtract, complement', () => {
    const a = v4('10.0.0.0/16');
    const b = v4('10.0.128.0/17', '10.1.0.0/16');
    expect(texts(a.union(b))).toEqual(['10.0.0.0/15']);
    expect(texts(a.intersect(b))).toEqual(['10.0.128.0/17']);
    expect(texts(a.subtract(b))).toEqual(['10.0.0.0/17']);
    expect(a.complement().union(a).isAll()).toBe(true);
    expect(a.overlaps(b)).toBe(true);
    expect(a.containsSet(v4('10.0.4.0/24'))).toBe(true);
    expect(a.containsCidr(cidr('10.0.4.0/24'))).toBe(true);
    expect(a.containsCidr(cidr('10.0.0.0/15'))).toBe(false);
    expect(a.equals(v4('10.0.0.0/17', '10.0.128.0/17'))).toBe(true);
  });

  it('handles IPv6 sets', () => {
    const vpc = AddressSet.fromCidr(cidr('2600:1f18:abc::/56'));
    expect(vpc.contains(addr('2600:1f18:abc:ff::1'))).toBe(true);
    expect(vpc.contains(addr('2600:1f18:abc:100::1'))).toBe(false);
    expect(vpc.size()).toBe(1n << 72n);
    expect(AddressSet.all(6).subtract(vpc).complement().equals(vpc)).toBe(true);
  });

  it('answers false for addresses and blocks of the other family', () => {
    expect(AddressSet.all(4).contains(addr('::1'))).toBe(false);
    expect(AddressSet.all(4).contains(addr('::ffff:10.0.0.1'))).toBe(false);
    expect(AddressSet.all(6).containsCidr(cidr('10.0.0.0/8'))).toBe(false);
  });

  it('throws when families are mixed, which is a programming error', () => {
    expect(() => AddressSet.fromCidrs(4, [cidr('::/0')])).toThrow('::/0 is not an IPv4 CIDR');
    expect(() => AddressSet.all(4).union(AddressSet.all(6))).toThrow('cannot combine an IPv4 set with an IPv6 set');
  });

  const blocks4 = fc.array(
    fc.tuple(fc.bigInt({ min: 0n, max: 0xffffffffn }), fc.integer({ min: 0, max: 32 })).map(([v, p]) => cidrFromBlock(4, v, p)),
    { maxLength: 8 },
  );
  const blocks6 = fc.array(
    fc.tuple(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), fc.integer({ min: 0, max: 128 })).map(([v, p]) => cidrFromBlock(6, v, p)),
    { maxLength: 8 },
  );

  it('toCidrs round-trips: the cover rebuilds the same set, without overlap, in order', () => {
    for (const [family, arb] of [[4, blocks4], [6, blocks6]] as const) {
      fc.assert(
        fc.property(arb, arb, (xs, ys) => {
          const set = AddressSet.fromCidrs(family, xs).subtract(AddressSet.fromCidrs(family, ys));
          const cover = set.toCidrs();
          expect(AddressSet.fromCidrs(family, cover).equals(set)).toBe(true);
          cover.forEach((c, i) => {
            if (i > 0) expect(c.first).toBeGreaterThan(cover[i - 1]!.last);
          });
        }),
      );
    }
  });

  it('toCidrs is minimal: no two blocks of the cover could merge into one', () => {
    fc.assert(
      fc.property(blocks4, (xs) => {
        const cover = AddressSet.fromCidrs(4, xs).toCidrs();
        cover.forEach((c, i) => {
          const next = cover[i + 1];
          if (next === undefined || next.prefix !== c.prefix || c.prefix === 0) return;
          const parent = cidrFromBlock(4, c.first, c.prefix - 1);
          expect(parent.first === c.first && parent.last === next.last).toBe(false);
        });
      }),
    );
  });
});
