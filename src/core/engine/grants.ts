/**
 * What one end can open toward one resource, as grants: traffic plus (for an external source)
 * the source addresses it is open to. Port and address sets throughout, never port by port.
 * External-to-interface answers depend only on the interface's subnet, groups and public
 * addressing, so they are memoised per such class on the compiled design.
 */
import { addressFromValue, PortSet, TrafficSet, type AddressSet, type IpFamily } from '../net/index.ts';
import type { CompiledDesign, EniInfo, ResourceInfo } from './compiled.ts';
import { fastIngressTraffic, fastPairTraffic } from './fast-path.ts';
import { crossPairTraffic } from './cross-path.ts';
import { addressIn } from './plan-private.ts';
import { destinationAllows } from './preconditions.ts';
import type { End } from './endpoints.ts';
import { atomsOf, boundaryCidrs, rangesToSet, type Range } from './atoms.ts';

export interface Grant {
  traffic: TrafficSet;
  /** Source addresses per family; absent when the source is a resource (no address restriction). */
  sources?: Record<IpFamily, AddressSet>;
}

type ExternalEnd = Extract<End, { kind: 'external' }>;
type ResourceEnd = Extract<End, { kind: 'resource' }>;

export function resourceEnd(res: ResourceInfo): ResourceEnd {
  return { kind: 'resource', res, enis: res.enis, label: res.label };
}

/** Grants from external addresses to a resource. */
export function externalGrants(ix: CompiledDesign, src: ExternalEnd, dst: ResourceInfo, asked: TrafficSet): Grant[] {
  const byTraffic = new Map<string, { traffic: TrafficSet; ranges: Record<IpFamily, Range[]> }>();
  for (const eni of dst.enis) {
    for (const family of [4, 6] as const) {
      for (const { atom, traffic } of eniClass(ix, src, dst, eni, family, asked)) {
        const key = traffic.describe();
        let g = byTraffic.get(key);
        if (!g) byTraffic.set(key, (g = { traffic, ranges: { 4: [], 6: [] } }));
        g.ranges[family].push(atom);
      }
    }
  }
  return [...byTraffic.values()].map((g) => ({ traffic: g.traffic, sources: { 4: rangesToSet(4, g.ranges[4]), 6: rangesToSet(6, g.ranges[6]) } }));
}

function eniClass(ix: CompiledDesign, src: ExternalEnd, dst: ResourceInfo, eni: EniInfo, family: IpFamily, asked: TrafficSet): Array<{ atom: Range; traffic: TrafficSet }> {
  // Without an internet gateway or a public address nothing gets in (fastIngressTraffic's first
  // test): settle it before building keys and splitting the address space into atoms.
  if (!eni.vpc.igw || !(family === 4 ? eni.hasPublic4 : eni.hasPublic6) || destinationAllows(dst).isEmpty()) return [];
  const r = dst.resource;
  const kindKey = r.kind === 'load-balancer' ? `lb:${r.id}` : r.kind;
  const key = `in|${src.ext.id}|${src.address?.text ?? '*'}|${eni.subnet.subnet.id}|${[...eni.groupIds].join(',')}|${eni.hasPublic4}|${eni.hasPublic6}|${Boolean(eni.private6)}|${kindKey}|${family}|${asked.describe()}`;
  const hit = ix.memo.get(key) as Array<{ atom: Range; traffic: TrafficSet }> | undefined;
  if (hit) return hit;
  const out: Array<{ atom: Range; traffic: TrafficSet }> = [];
  const set = src.sets[family];
  if (!set.isEmpty() && addressIn(eni, family)) {
    for (const atom of atomsOf(set, boundaryCidrs(ix, eni, family))) {
      const traffic = fastIngressTraffic(ix, dst, eni, addressFromValue(family, atom[0]), asked);
      if (!traffic.isEmpty()) out.push({ atom, traffic });
    }
  }
  ix.memo.set(key, out);
  return out;
}

const BOTH = [4, 6] as const;
const V4_ONLY = [4] as const;

/** What a host can open toward a resource at all (resourceGrant of all traffic), memoised on the compiled design: exposure asks it again and again. */
export function pairGrant(ix: CompiledDesign, from: ResourceInfo, to: ResourceInfo): TrafficSet {
  let memo = ix.memo.get('pair-grants') as Map<ResourceInfo, Map<ResourceInfo, TrafficSet>> | undefined;
  if (!memo) ix.memo.set('pair-grants', (memo = new Map()));
  let row = memo.get(from);
  if (!row) memo.set(from, (row = new Map()));
  let t = row.get(to);
  if (!t) row.set(to, (t = resourceGrant(ix, from, to, TrafficSet.all())));
  return t;
}

/** What a resource can open toward another (every interface pair, both families), or empty traffic. */
export function resourceGrant(ix: CompiledDesign, src: ResourceInfo, dst: ResourceInfo, asked: TrafficSet): TrafficSet {
  // Pair results are memoised objects: most pairs share one, so union only the distinct ones
  // (and build no set of them for the common case of one).
  let first: TrafficSet | undefined;
  let parts: Set<TrafficSet> | undefined;
  const v6 = src.enis.some((e) => e.private6) && dst.enis.some((e) => e.private6);
  for (const family of v6 ? BOTH : V4_ONLY) {
    for (const s of src.enis) {
      for (const d of dst.enis) {
        let t = fastPairTraffic(ix, src, s, dst, d, family, asked);
        if (t === undefined) {
          // Across VPCs; resourceCandidates' pairs: both ends need an address of the family.
          t = addressIn(s, family) && addressIn(d, family) ? crossPairTraffic(ix, src, s, dst, d, family, asked) : TrafficSet.empty();
        }
        if (t.isEmpty() || t === first) continue;
        if (first === undefined) first = t;
        else (parts ??= new Set([first])).add(t);
      }
    }
  }
  if (first === undefined) return TrafficSet.empty();
  if (parts === undefined) return first;
  let traffic = TrafficSet.empty();
  for (const t of parts) traffic = traffic.isEmpty() ? t : traffic.union(t);
  return traffic;
}

const rangesMemo = new WeakMap<TrafficSet, Record<number, Array<[number, number]>>>();

/**
 * Machine form of traffic: per protocol number, inclusive ranges (ports, or icmp type*256+code); -1
 * for everything. One object per set (answers share it: read it, do not change it).
 */
export function trafficRanges(t: TrafficSet): Record<number, Array<[number, number]>> {
  let hit = rangesMemo.get(t);
  if (!hit) rangesMemo.set(t, (hit = computeRanges(t)));
  return hit;
}

function computeRanges(t: TrafficSet): Record<number, Array<[number, number]>> {
  if (t.isAll()) return { [-1]: [[0, 65535]] };
  const out: Record<number, Array<[number, number]>> = {};
  for (const p of [6, 17, 1, 58]) {
    const ports: PortSet = t.portsFor(p);
    if (!ports.isEmpty()) out[p] = ports.toRanges().map(({ from, to }) => [from, to]);
  }
  for (const [from, to] of t.wholeProtocols()) for (let p = from; p <= to; p++) if (out[p] === undefined) out[p] = [[0, 65535]];
  return out;
}
