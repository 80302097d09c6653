/**
 * External address sets (the Internet, a corporate network) are evaluated by atoms: the pieces of
 * the set that no CIDR of the components involved splits. Every component treats all addresses of
 * an atom alike, so one representative address per atom decides for all of it; the pieces are
 * then merged back into CIDR lists for answers ("198.51.100.7/32").
 */
import { AddressSet, cidrFromBlock, type Cidr, type IpFamily } from '../net/index.ts';
import type { CompiledDesign, EniInfo, SubnetInfo } from './compiled.ts';

export type Range = readonly [bigint, bigint];

/** Splits the set's ranges at every CIDR boundary. */
export function atomsOf(set: AddressSet, cidrs: readonly Cidr[]): Range[] {
  const points = [...new Set(cidrs.filter((c) => c.family === set.family).flatMap((c) => [c.first, c.last + 1n]))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const out: Range[] = [];
  for (const [first, last] of set.toRanges()) {
    let lo = 0;
    let hi = points.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (points[mid]! <= first) lo = mid + 1;
      else hi = mid;
    }
    let start = first;
    for (let i = lo; i < points.length && points[i]! <= last; i++) {
      out.push([start, points[i]! - 1n]);
      start = points[i]!;
    }
    out.push([start, last]);
  }
  return out;
}

/** Every CIDR that can make a component treat two external addresses differently on `eni`'s paths. */
export function boundaryCidrs(ix: CompiledDesign, eni: EniInfo, family: IpFamily): Cidr[] {
  const key = `bounds|${eni.subnet.subnet.id}|${[...eni.groupIds].join(',')}|${family}`;
  const hit = ix.memo.get(key) as Cidr[] | undefined;
  if (hit) return hit;
  const out: Cidr[] = [];
  for (const g of eni.groups) for (const r of [...g.ingress, ...g.egress]) for (const c of r.cidrs) if (c.family === family) out.push(c);
  const subnets: SubnetInfo[] = [eni.subnet];
  for (const r of eni.subnet.routeTable?.routes[family] ?? []) {
    if (r.target.kind === 'nat-gateway') {
      const n = ix.nats.get(r.target.id);
      if (n?.subnet) subnets.push(n.subnet);
    }
  }
  for (const s of subnets) {
    if (s.acl) for (const e of [...s.acl.inbound[family], ...s.acl.outbound[family]]) out.push(e.cidr);
    for (const r of s.routeTable?.routes[family] ?? []) out.push(r.cidr);
  }
  ix.memo.set(key, out);
  return out;
}

/** The fewest CIDRs covering exactly the ranges (which may touch or overlap). */
export function rangesToCidrs(family: IpFamily, ranges: readonly Range[]): Cidr[] {
  const bits = family === 4 ? 32 : 128;
  const out: Cidr[] = [];
  for (const [first, last] of mergeRanges(ranges)) {
    let start = first;
    while (start <= last) {
      let size = 0;
      while (size < bits && (start & ((1n << BigInt(size + 1)) - 1n)) === 0n && start + (1n << BigInt(size + 1)) - 1n <= last) size++;
      out.push(cidrFromBlock(family, start, bits - size));
      start += 1n << BigInt(size);
    }
  }
  return out;
}

export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: Array<[bigint, bigint]> = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1n) {
      if (b > last[1]) last[1] = b;
    } else out.push([a, b]);
  }
  return out;
}

/** The address set of the ranges. */
export function rangesToSet(family: IpFamily, ranges: readonly Range[]): AddressSet {
  return AddressSet.fromCidrs(family, rangesToCidrs(family, ranges));
}
