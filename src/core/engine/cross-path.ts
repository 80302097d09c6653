/**
 * The other hot path of exposure and the reach matrix: interface to interface across VPCs (a
 * peering, or both internet gateways and public or NAT addresses). What gets through (the legs
 * of reach's candidates.ts planPairs, as sets: cross-fast.ts) is memoised per pair of interface
 * classes: interfaces that every rule, ACL entry and route of the design treats alike give the
 * same answer. On a large design exposure asks for tens of thousands of such pairs, from a few
 * thousand classes.
 *
 * Like fast-path.ts, what the destination resource accepts (a load balancer's listeners) and what
 * a load-balancer source sends (its target ports) is intersected at the end: both are plain
 * narrowings of the traffic, so they commute with the legs' checks.
 */
import type { IpFamily, TrafficSet } from '../net/index.ts';
import type { CompiledDesign, EniInfo, ResourceInfo } from './compiled.ts';
import { crossTraffic } from './cross-fast.ts';
import { crossClass } from './interface-classes.ts';
import { balancerAllows, destinationAllows } from './preconditions.ts';
import { intersect } from './sg-eval.ts';

/** Per asked traffic, per source class, by destination class and family (a map: a class meets few classes). */
const memo = new WeakMap<CompiledDesign, WeakMap<TrafficSet, Array<Map<number, TrafficSet> | undefined>>>();

/** What gets from `s` to `d` (in another VPC; both with an address of the family) of `asked`. */
export function crossPairTraffic(ix: CompiledDesign, src: ResourceInfo, s: EniInfo, dst: ResourceInfo, d: EniInfo, family: IpFamily, asked: TrafficSet): TrafficSet {
  const pre = intersect(destinationAllows(dst), balancerAllows(src, dst, d));
  if (pre.isEmpty()) return pre;
  let byAsked = memo.get(ix);
  if (!byAsked) memo.set(ix, (byAsked = new WeakMap()));
  let byPair = byAsked.get(asked);
  if (!byPair) byAsked.set(asked, (byPair = []));
  const row = (byPair[crossClass(ix, s)] ??= new Map());
  const key = crossClass(ix, d) * 2 + (family === 6 ? 1 : 0);
  let t = row.get(key);
  if (!t) row.set(key, (t = crossTraffic(ix, s, d, family, asked)));
  return intersect(t, pre);
}
