import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPort, PortSet } from './port-set.ts';

const rangeArb = fc
  .tuple(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 65535 }))
  .map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));
const portSetArb = fc.array(rangeArb, { maxLength: 5 }).map((r) => PortSet.fromRanges(r));

describe('PortSet', () => {
  it('covers 0..65535 when all and nothing when none', () => {
    expect(PortSet.all().toRanges()).toEqual([{ from: 0, to: 65535 }]);
    expect(PortSet.all().size()).toBe(65536);
    expect(PortSet.all().contains(0)).toBe(true);
    expect(PortSet.all().contains(65535)).toBe(true);
    expect(PortSet.none().toRanges()).toEqual([]);
    expect(PortSet.none().contains(0)).toBe(false);
  });

  it('recognises a full or empty result whatever built it', () => {
    expect(PortSet.fromRange(0, 65535).isAll()).toBe(true);
    expect(PortSet.fromRanges([{ from: 0, to: 1023 }, { from: 1024, to: 65535 }]).isAll()).toBe(true);
    expect(PortSet.fromRange(80, 80).subtract(PortSet.fromRange(80, 80)).isEmpty()).toBe(true);
    expect(PortSet.fromRange(0, 0).complement().union(PortSet.fromRange(0, 0)).isAll()).toBe(true);
  });

  it('keeps the ends of the range: 0 and 65535', () => {
    const ends = PortSet.fromRange(0, 0).union(PortSet.fromRange(65535, 65535));
    expect(ends.toRanges()).toEqual([{ from: 0, to: 0 }, { from: 65535, to: 65535 }]);
    expect(ends.complement().toRanges()).toEqual([{ from: 1, to: 65534 }]);
    expect(ends.contains(1)).toBe(false);
  });

  it('computes the part of an ephemeral range a NACL lets back', () => {
    const ephemeral = PortSet.fromRange(1024, 65535);
    const nacl = PortSet.fromRange(32768, 60999);
    expect(ephemeral.intersect(nacl).toRanges()).toEqual([{ from: 32768, to: 60999 }]);
    expect(ephemeral.subtract(nacl).toRanges()).toEqual([
      { from: 1024, to: 32767 },
      { from: 61000, to: 65535 },
    ]);
    expect(ephemeral.containsSet(nacl)).toBe(true);
    expect(nacl.containsSet(ephemeral)).toBe(false);
    expect(nacl.overlaps(PortSet.fromRange(0, 1023))).toBe(false);
  });

  it('describes itself as people write ports', () => {
    expect(PortSet.fromRanges([{ from: 443, to: 443 }, { from: 80, to: 80 }, { from: 8000, to: 8080 }]).describe()).toBe('80, 443, 8000-8080');
    expect(PortSet.all().describe()).toBe('all ports');
    expect(PortSet.none().describe()).toBe('no ports');
  });

  it.each([
    [-1, 10],
    [0, 65536],
    [10, 9],
    [1.5, 2],
    [Number.NaN, 1],
  ])('refuses range %s-%s', (from, to) => {
    expect(() => PortSet.fromRange(from, to)).toThrow(RangeError);
  });

  it('isPort accepts whole numbers in 0..65535 only', () => {
    expect([0, 1, 65535].map(isPort)).toEqual([true, true, true]);
    expect([-1, 65536, 2.5, Number.NaN].map(isPort)).toEqual([false, false, false, false]);
  });

  it('satisfies the set laws', () => {
    fc.assert(
      fc.property(portSetArb, portSetArb, portSetArb, fc.integer({ min: 0, max: 65535 }), (a, b, c, p) => {
        expect(a.union(b).contains(p)).toBe(a.contains(p) || b.contains(p));
        expect(a.intersect(b).contains(p)).toBe(a.contains(p) && b.contains(p));
        expect(a.subtract(b).contains(p)).toBe(a.contains(p) && !b.contains(p));
        expect(a.complement().contains(p)).toBe(!a.contains(p));
        expect(a.intersect(b.union(c)).equals(a.intersect(b).union(a.intersect(c)))).toBe(true);
        expect(a.union(b).complement().equals(a.complement().intersect(b.complement()))).toBe(true);
        expect(a.size() + a.complement().size()).toBe(65536);
      }),
    );
  });
});
