/**
 * Immutable sets of integers stored as sorted, merged, non-overlapping inclusive intervals.
 * One implementation serves ports (number) and addresses (bigint); the only arithmetic the
 * algorithms need is "next" and "previous" integer and a count, supplied per element type.
 */

export type Bound = number | bigint;

/** An inclusive range [first, last]. */
export type Interval<T extends Bound> = readonly [first: T, last: T];

interface Arithmetic<T extends Bound> {
  readonly kind: 'number' | 'bigint';
  succ(x: T): T;
  pred(x: T): T;
  count(first: T, last: T): T;
  sum(a: T, b: T): T;
  zero: T;
}

const NUMBERS: Arithmetic<number> = {
  kind: 'number',
  succ: (x) => x + 1,
  pred: (x) => x - 1,
  count: (first, last) => last - first + 1,
  sum: (a, b) => a + b,
  zero: 0,
};

const BIGINTS: Arithmetic<bigint> = {
  kind: 'bigint',
  succ: (x) => x + 1n,
  pred: (x) => x - 1n,
  count: (first, last) => last - first + 1n,
  sum: (a, b) => a + b,
  zero: 0n,
};

export class IntervalSet<T extends Bound> {
  /**
   * Flat [first0, last0, first1, last1, …], sorted, with a gap of at least one integer between
   * intervals. Never handed out, so not frozen: the engine builds hundreds of thousands of sets
   * and Object.freeze cost more than any other step of building one.
   */
  private readonly bounds: readonly T[];

  private constructor(
    private readonly arith: Arithmetic<T>,
    bounds: T[],
  ) {
    this.bounds = bounds;
  }

  /** A set of safe integers from any ranges (overlapping, adjacent or unsorted ones are merged). */
  static ofNumbers(ranges: Iterable<Interval<number>> = []): IntervalSet<number> {
    return IntervalSet.build(NUMBERS, ranges);
  }

  /** A set of bigints from any ranges (overlapping, adjacent or unsorted ones are merged). */
  static ofBigints(ranges: Iterable<Interval<bigint>> = []): IntervalSet<bigint> {
    return IntervalSet.build(BIGINTS, ranges);
  }

  private static build<T extends Bound>(arith: Arithmetic<T>, ranges: Iterable<Interval<T>>): IntervalSet<T> {
    const list: Interval<T>[] = [];
    for (const r of ranges) {
      const [first, last] = r;
      if (typeof first !== arith.kind || typeof last !== arith.kind) throw new TypeError(`interval bounds must be ${arith.kind}s`);
      if (arith.kind === 'number' && !(Number.isSafeInteger(first) && Number.isSafeInteger(last))) {
        throw new RangeError(`interval bounds must be safe integers, not [${first}, ${last}]`);
      }
      if (first > last) throw new RangeError(`interval [${first}, ${last}] ends before it starts`);
      list.push(r);
    }
    list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const out: T[] = [];
    for (const [first, last] of list) appendMerging(arith, out, first, last);
    return new IntervalSet(arith, out);
  }

  /** The empty set of the same element type. */
  empty(): IntervalSet<T> {
    return new IntervalSet(this.arith, []);
  }

  /** The single interval [first, last] of the same element type. */
  range(first: T, last: T): IntervalSet<T> {
    return IntervalSet.build(this.arith, [[first, last]]);
  }

  /** Elements in either set. */
  union(other: IntervalSet<T>): IntervalSet<T> {
    const a = this.bounds;
    const b = other.bounds;
    const out: T[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      // Take whichever interval starts first; ties are harmless because merging absorbs them.
      if (j >= b.length || (i < a.length && a[i]! <= b[j]!)) {
        appendMerging(this.arith, out, a[i]!, a[i + 1]!);
        i += 2;
      } else {
        appendMerging(this.arith, out, b[j]!, b[j + 1]!);
        j += 2;
      }
    }
    return new IntervalSet(this.arith, out);
  }

  /** Elements in both sets. */
  intersect(other: IntervalSet<T>): IntervalSet<T> {
    const a = this.bounds;
    const b = other.bounds;
    const out: T[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      const aLast = a[i + 1]!;
      const bLast = b[j + 1]!;
      const first = a[i]! > b[j]! ? a[i]! : b[j]!;
      const last = aLast < bLast ? aLast : bLast;
      if (first <= last) out.push(first, last);
      if (aLast < bLast) i += 2;
      else j += 2;
    }
    return new IntervalSet(this.arith, out);
  }

  /** Elements of this set that are not in `other`. */
  subtract(other: IntervalSet<T>): IntervalSet<T> {
    const a = this.bounds;
    const b = other.bounds;
    const out: T[] = [];
    let j = 0;
    for (let i = 0; i < a.length; i += 2) {
      const last = a[i + 1]!;
      let cursor = a[i]!;
      while (j < b.length && b[j + 1]! < cursor) j += 2;
      let open = true; // whether [cursor, last] may still hold elements
      for (let k = j; k < b.length && b[k]! <= last; k += 2) {
        if (b[k]! > cursor) out.push(cursor, this.arith.pred(b[k]!));
        if (b[k + 1]! >= last) {
          open = false;
          break;
        }
        cursor = this.arith.succ(b[k + 1]!);
      }
      if (open && cursor <= last) out.push(cursor, last);
    }
    return new IntervalSet(this.arith, out);
  }

  /** Elements of [first, last] not in this set. */
  complement(first: T, last: T): IntervalSet<T> {
    return this.range(first, last).subtract(this);
  }

  /** Whether the value is in the set (binary search). */
  contains(value: T): boolean {
    const b = this.bounds;
    let lo = 0;
    let hi = b.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (value < b[2 * mid]!) hi = mid - 1;
      else if (value > b[2 * mid + 1]!) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** Whether every element of `other` is in this set. */
  containsSet(other: IntervalSet<T>): boolean {
    const a = this.bounds;
    const b = other.bounds;
    let i = 0;
    for (let j = 0; j < b.length; j += 2) {
      while (i < a.length && a[i + 1]! < b[j]!) i += 2;
      // Intervals are merged, so a contained interval sits inside a single interval of this set.
      if (i >= a.length || a[i]! > b[j]! || a[i + 1]! < b[j + 1]!) return false;
    }
    return true;
  }

  /** Whether the sets share an element. */
  overlaps(other: IntervalSet<T>): boolean {
    const a = this.bounds;
    const b = other.bounds;
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i + 1]! < b[j]!) i += 2;
      else if (b[j + 1]! < a[i]!) j += 2;
      else return true;
    }
    return false;
  }

  /** Whether the set has no element. */
  isEmpty(): boolean {
    return this.bounds.length === 0;
  }

  /** Whether both sets hold the same elements (normalised form makes this structural). */
  equals(other: IntervalSet<T>): boolean {
    const a = this.bounds;
    const b = other.bounds;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  /** Number of elements. */
  size(): T {
    let total = this.arith.zero;
    for (let i = 0; i < this.bounds.length; i += 2) {
      total = this.arith.sum(total, this.arith.count(this.bounds[i]!, this.bounds[i + 1]!));
    }
    return total;
  }

  /** Number of intervals in the normalised form. */
  get intervalCount(): number {
    return this.bounds.length / 2;
  }

  /** The intervals in ascending order. */
  toRanges(): Array<[T, T]> {
    const out: Array<[T, T]> = [];
    for (let i = 0; i < this.bounds.length; i += 2) out.push([this.bounds[i]!, this.bounds[i + 1]!]);
    return out;
  }
}

/** Appends [first, last] to a sorted flat list, merging it into the last interval when they overlap or touch. */
function appendMerging<T extends Bound>(arith: Arithmetic<T>, out: T[], first: T, last: T): void {
  const n = out.length;
  if (n > 0 && first <= arith.succ(out[n - 1]!)) {
    if (last > out[n - 1]!) out[n - 1] = last;
  } else {
    out.push(first, last);
  }
}
