import type { PortRange } from '../model/types.ts';
import { IntervalSet } from './interval-set.ts';

export const PORT_MIN = 0;
export const PORT_MAX = 65535;

/**
 * A set of values in 0..65535: destination ports for tcp/udp, or ICMP (type, code) pairs encoded as
 * type * 256 + code. Ports are numbers, not bigints, because they sit in the engine's hottest checks.
 */
export class PortSet {
  private static readonly NONE = new PortSet(IntervalSet.ofNumbers());
  private static readonly ALL = new PortSet(IntervalSet.ofNumbers([[PORT_MIN, PORT_MAX]]));

  private constructor(private readonly set: IntervalSet<number>) {}

  /** No port. */
  static none(): PortSet {
    return PortSet.NONE;
  }

  /** Every port, 0 to 65535. */
  static all(): PortSet {
    return PortSet.ALL;
  }

  /** The ports from..to inclusive; throws RangeError outside 0..65535 or when from > to (validate input first). */
  static fromRange(from: number, to: number): PortSet {
    return PortSet.fromRanges([{ from, to }]);
  }

  /** The union of inclusive ranges; throws RangeError on a range outside 0..65535 or reversed. */
  static fromRanges(ranges: Iterable<PortRange>): PortSet {
    const list: Array<[number, number]> = [];
    for (const { from, to } of ranges) {
      if (!isPort(from) || !isPort(to) || from > to) {
        throw new RangeError(`port range ${from}-${to} is not within ${PORT_MIN}-${PORT_MAX} in ascending order`);
      }
      list.push([from, to]);
    }
    return PortSet.wrap(IntervalSet.ofNumbers(list));
  }

  private static wrap(set: IntervalSet<number>): PortSet {
    if (set.isEmpty()) return PortSet.NONE;
    return set.equals(PortSet.ALL.set) ? PortSet.ALL : new PortSet(set);
  }

  /** Ports in either set. */
  union(other: PortSet): PortSet {
    return PortSet.wrap(this.set.union(other.set));
  }

  /** Ports in both sets. */
  intersect(other: PortSet): PortSet {
    return PortSet.wrap(this.set.intersect(other.set));
  }

  /** Ports of this set that are not in `other`. */
  subtract(other: PortSet): PortSet {
    return PortSet.wrap(this.set.subtract(other.set));
  }

  /** Every port not in this set. */
  complement(): PortSet {
    return PortSet.wrap(this.set.complement(PORT_MIN, PORT_MAX));
  }

  /** Whether the port is in the set. */
  contains(port: number): boolean {
    return this.set.contains(port);
  }

  /** Whether every port of `other` is in this set. */
  containsSet(other: PortSet): boolean {
    return this.set.containsSet(other.set);
  }

  /** Whether the sets share a port. */
  overlaps(other: PortSet): boolean {
    return this.set.overlaps(other.set);
  }

  /** Whether the set has no port. */
  isEmpty(): boolean {
    return this === PortSet.NONE;
  }

  /** Whether the set is 0..65535. */
  isAll(): boolean {
    return this === PortSet.ALL;
  }

  /** Whether both sets hold the same ports. */
  equals(other: PortSet): boolean {
    return this.set.equals(other.set);
  }

  /** Number of ports. */
  size(): number {
    return this.set.size();
  }

  /** The ranges in ascending order. */
  toRanges(): PortRange[] {
    return this.set.toRanges().map(([from, to]) => ({ from, to }));
  }

  /** Ports as people write them: "80, 443, 8000-8080", "all ports", "no ports". */
  describe(): string {
    if (this.isEmpty()) return 'no ports';
    if (this.isAll()) return 'all ports';
    return this.toRanges()
      .map(({ from, to }) => (from === to ? `${from}` : `${from}-${to}`))
      .join(', ');
  }
}

/** Whether the value is a valid port number (an integer in 0..65535). */
export function isPort(value: number): boolean {
  return Number.isInteger(value) && value >= PORT_MIN && value <= PORT_MAX;
}
