import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IntervalSet } from './interval-set.ts';

const U = 40; // small universe 0..U-1 so that brute force is exact

const rangesArb = fc.array(
  fc.tuple(fc.integer({ min: 0, max: U - 1 }), fc.integer({ min: 0, max: U - 1 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
  { maxLength: 6 },
);
const setArb = rangesArb.map((r) => IntervalSet.ofNumbers(r));

function members(s: IntervalSet<number>): Set<number> {
  const out = new Set<number>();
  for (const [a, b] of s.toRanges()) for (let v = a; v <= b; v++) out.add(v);
  return out;
}
function brute(ranges: ReadonlyArray<readonly [number, number]>): Set<number> {
  const out = new Set<number>();
  for (const [a, b] of ranges) for (let v = a; v <= b; v++) out.add(v);
  return out;
}
const sorted = (s: Set<number>) => [...s].sort((x, y) => x - y);

/** The normal form: sorted, each interval valid, a gap of at least one between intervals. */
function isNormal(s: IntervalSet<number>): boolean {
  const r = s.toRanges();
  return r.every(([a, b], i) => a <= b && (i === 0 || a > r[i - 1]![1] + 1));
}

describe('IntervalSet construction', () => {
  it('sorts and merges overlapping and adjacent ranges', () => {
    expect(IntervalSet.ofNumbers([[10, 20], [1, 3], [4, 5], [15, 30], [32, 32]]).toRanges()).toEqual([
      [1, 5],
      [10, 30],
      [32, 32],
    ]);
  });

  it('is empty without ranges', () => {
    expect(IntervalSet.ofNumbers().isEmpty()).toBe(true);
    expect(IntervalSet.ofBigints([]).toRanges()).toEqual([]);
  });

  it('refuses reversed, fractional and mistyped bounds', () => {
    expect(() => IntervalSet.ofNumbers([[5, 4]])).toThrow(RangeError);
    expect(() => IntervalSet.ofNumbers([[0.5, 4]])).toThrow(RangeError);
    expect(() => IntervalSet.ofBigints([[1, 2] as unknown as [bigint, bigint]])).toThrow(TypeError);
  });

  it('always produces the normal form with exactly the given members', () => {
    fc.assert(
      fc.property(rangesArb, (r) => {
        const s = IntervalSet.ofNumbers(r);
        expect(isNormal(s)).toBe(true);
        expect(sorted(members(s))).toEqual(sorted(brute(r)));
      }),
    );
  });
});

describe('IntervalSet algebra agrees with a brute-force Set', () => {
  it('union', () => {
    fc.assert(
      fc.property(setArb, setArb, (a, b) => {
        const u = a.union(b);
        expect(isNormal(u)).toBe(true);
        expect(sorted(members(u))).toEqual(sorted(new Set([...members(a), ...members(b)])));
      }),
    );
  });

  it('intersect', () => {
    fc.assert(
      fc.property(setArb, setArb, (a, b) => {
        const i = a.intersect(b);
        const mb = members(b);
        expect(isNormal(i)).toBe(true);
        expect(sorted(members(i))).toEqual(sorted(members(a)).filter((v) => mb.has(v)));
      }),
    );
  });

  it('subtract', () => {
    fc.assert(
      fc.property(setArb, setArb, (a, b) => {
        const d = a.subtract(b);
        const mb = members(b);
        expect(isNormal(d)).toBe(true);
        expect(sorted(members(d))).toEqual(sorted(members(a)).filter((v) => !mb.has(v)));
      }),
    );
  });

  it('complement within a universe', () => {
    fc.assert(
      fc.property(setArb, (a) => {
        const c = a.complement(0, U - 1);
        const ma = members(a);
        expect(sorted(members(c))).toEqual([...Array(U).keys()].filter((v) => !ma.has(v)));
        expect(c.complement(0, U - 1).equals(a)).toBe(true);
      }),
    );
  });

  it('contains, containsSet, overlaps, size and equals', () => {
    fc.assert(
      fc.property(setArb, setArb, fc.integer({ min: -2, max: U + 1 }), (a, b, v) => {
        const ma = members(a);
        const mb = members(b);
        expect(a.contains(v)).toBe(ma.has(v));
        expect(a.containsSet(b)).toBe([...mb].every((x) => ma.has(x)));
        expect(a.overlaps(b)).toBe([...mb].some((x) => ma.has(x)));
        expect(a.size()).toBe(ma.size);
        expect(a.equals(b)).toBe(sorted(ma).join() === sorted(mb).join());
        expect(a.isEmpty()).toBe(ma.size === 0);
      }),
    );
  });

  it('satisfies the set laws', () => {
    fc.assert(
      fc.property(setArb, setArb, setArb, (a, b, c) => {
        expect(a.union(b).equals(b.union(a))).toBe(true);
        expect(a.intersect(b).equals(b.intersect(a))).toBe(true);
        expect(a.union(b.intersect(c)).equals(a.union(b).intersect(a.union(c)))).toBe(true);
        expect(a.subtract(b).equals(a.intersect(b.complement(0, U - 1)))).toBe(true);
        expect(a.subtract(b).union(a.intersect(b)).equals(a)).toBe(true);
        expect(a.subtract(b).overlaps(b)).toBe(false);
      }),
    );
  });
});

describe('IntervalSet over bigints', () => {
  it('handles the IPv6 space without losing precision', () => {
    const max = (1n << 128n) - 1n;
    const all = IntervalSet.ofBigints([[0n, max]]);
    const hole = IntervalSet.ofBigints([[1n << 64n, (1n << 65n) - 1n]]);
    const rest = all.subtract(hole);
    expect(rest.toRanges()).toEqual([
      [0n, (1n << 64n) - 1n],
      [1n << 65n, max],
    ]);
    expect(rest.size()).toBe((1n << 128n) - (1n << 64n));
    expect(rest.contains(1n << 64n)).toBe(false);
    expect(rest.contains(max)).toBe(true);
    expect(rest.union(hole).equals(all)).toBe(true);
    expect(rest.intervalCount).toBe(2);
  });

  it('merges adjacent bigint ranges', () => {
    expect(IntervalSet.ofBigints([[0n, 9n], [10n, 20n]]).toRanges()).toEqual([[0n, 20n]]);
  });
});
