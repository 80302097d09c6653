import { addressBits, maxAddressValue, type Address, type IpFamily } from './address.ts';
import { cidrFromBlock, type Cidr } from './cidr.ts';
import { IntervalSet } from './interval-set.ts';

/**
 * A set of addresses of one family, such as "the Internet" (everything minus the VPC's space) or
 * the sources a rule admits. Combining sets of different families is a programming error and throws.
 */
export class AddressSet {
  private constructor(
    readonly family: IpFamily,
    private readonly set: IntervalSet<bigint>,
  ) {}

  /** No address of the family. */
  static empty(family: IpFamily): AddressSet {
    return new AddressSet(family, IntervalSet.ofBigints());
  }

  /** Every address of the family (0.0.0.0/0 or ::/0). */
  static all(family: IpFamily): AddressSet {
    return new AddressSet(family, IntervalSet.ofBigints([[0n, maxAddressValue(family)]]));
  }

  /** The addresses of the given blocks, which must all be of the family. */
  static fromCidrs(family: IpFamily, cidrs: Iterable<Cidr>): AddressSet {
    const ranges: Array<[bigint, bigint]> = [];
    for (const c of cidrs) {
      if (c.family !== family) throw new TypeError(`${c.text} is not an IPv${family} CIDR`);
      ranges.push([c.first, c.last]);
    }
    return new AddressSet(family, IntervalSet.ofBigints(ranges));
  }

  /** The addresses of one block. */
  static fromCidr(cidr: Cidr): AddressSet {
    return AddressSet.fromCidrs(cidr.family, [cidr]);
  }

  /** Addresses in either set. */
  union(other: AddressSet): AddressSet {
    return new AddressSet(this.family, this.set.union(this.same(other).set));
  }

  /** Addresses in both sets. */
  intersect(other: AddressSet): AddressSet {
    return new AddressSet(this.family, this.set.intersect(this.same(other).set));
  }

  /** Addresses of this set that are not in `other`. */
  subtract(other: AddressSet): AddressSet {
    return new AddressSet(this.family, this.set.subtract(this.same(other).set));
  }

  /** Every address of the family not in this set. */
  complement(): AddressSet {
    return new AddressSet(this.family, this.set.complement(0n, maxAddressValue(this.family)));
  }

  /** Whether the address is in the set (false for an address of the other family). */
  contains(address: Address): boolean {
    return address.family === this.family && this.set.contains(address.value);
  }

  /** Whether the whole block is in the set (false for a block of the other family). */
  containsCidr(cidr: Cidr): boolean {
    return cidr.family === this.family && this.set.containsSet(IntervalSet.ofBigints([[cidr.first, cidr.last]]));
  }

  /** Whether every address of `other` is in this set. */
  containsSet(other: AddressSet): boolean {
    return this.set.containsSet(this.same(other).set);
  }

  /** Whether the sets share an address. */
  overlaps(other: AddressSet): boolean {
    return this.set.overlaps(this.same(other).set);
  }

  /** Whether the set has no address. */
  isEmpty(): boolean {
    return this.set.isEmpty();
  }

  /** Whether the set is the family's whole address space. */
  isAll(): boolean {
    const ranges = this.set.toRanges();
    return ranges.length === 1 && ranges[0]![0] === 0n && ranges[0]![1] === maxAddressValue(this.family);
  }

  /** Whether both sets hold the same addresses of the same family. */
  equals(other: AddressSet): boolean {
    return this.family === other.family && this.set.equals(other.set);
  }

  /** Number of addresses. */
  size(): bigint {
    return this.set.size();
  }

  /** The address ranges [first, last] in ascending order. */
  toRanges(): Array<[bigint, bigint]> {
    return this.set.toRanges();
  }

  /** The fewest CIDR blocks that cover exactly this set, ascending: for explanations. */
  toCidrs(): Cidr[] {
    const bits = addressBits(this.family);
    const out: Cidr[] = [];
    for (const [first, last] of this.set.toRanges()) {
      // Greedy: at each start take the largest aligned block that does not run past the end.
      let start = first;
      while (start <= last) {
        const hostBits = Math.min(trailingZeroBits(start, bits), floorLog2(last - start + 1n));
        out.push(cidrFromBlock(this.family, start, bits - hostBits));
        start += 1n << BigInt(hostBits);
      }
    }
    return out;
  }

  private same(other: AddressSet): AddressSet {
    if (other.family !== this.family) throw new TypeError(`cannot combine an IPv${this.family} set with an IPv${other.family} set`);
    return other;
  }
}

function trailingZeroBits(value: bigint, bits: number): number {
  if (value === 0n) return bits;
  let n = 0;
  while (((value >> BigInt(n)) & 1n) === 0n) n++;
  return n;
}

function floorLog2(value: bigint): number {
  return value.toString(2).length - 1;
}
