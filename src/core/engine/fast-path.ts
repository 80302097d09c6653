/**
 * The hot paths of exposure and the reach matrix without building checks: interface to interface
 * inside one VPC, and an external address to an interface. Every component is reduced to the set
 * it allows (memoised per group list and ACL on which rules match), so a result depends only on
 * which sets the two ends meet, and is memoised on their identities. The order and the semantics
 * are those of plan-private.ts and plan-internet.ts (engine tests check that both agree); only
 * reachability and what gets through come out, no path or explanation.
 */
import { TrafficSet, type Address, type IpFamily } from '../net/index.ts';
import type { AclEntryInfo, CompiledDesign, EniInfo, ResourceInfo, SubnetInfo } from './compiled.ts';
import { aclAllowedAll } from './acl-eval.ts';
import { oneWayPart, replyPass } from './flow-traffic.ts';
import { eniUnion, intersect, sgUnion } from './sg-eval.ts';
import { addressIn } from './plan-private.ts';
import { balancerAllows, destinationAllows } from './preconditions.ts';
import { bestRoute } from './route-eval.ts';
import { EPHEMERAL } from './compile.ts';

const ALL = TrafficSet.all();
const NONE = TrafficSet.empty();
/**
 * Per asked traffic, per source class (array slots), by destination class and family (a map: a
 * class meets few of the design's classes, and rows as long as the class count cost megabytes).
 */
const classMemo = new WeakMap<CompiledDesign, WeakMap<TrafficSet, Array<Map<number, TrafficSet> | undefined>>>();
let lastIx: CompiledDesign | undefined;
let lastAsked: TrafficSet | undefined;
let lastByPair: Array<Map<number, TrafficSet> | undefined> | undefined;

function acl(subnet: SubnetInfo, dir: 'inbound' | 'outbound', peer: Address): TrafficSet {
  const entries: AclEntryInfo[] | undefined = subnet.acl?.[dir][peer.family];
  return entries ? aclAllowedAll(entries, peer) : ALL;
}

/** Results keyed by the identities of the sets that decide them: a tree of maps, one level per part. */
type KeyTree = Map<object, KeyTree | TrafficSet>;
/**
 * One forest per kind of result: the pair and the ingress keys have different lengths and may
 * start with the same sets, so in one tree a leaf of one would stand where the other has a level.
 */
const pairTrees = new WeakMap<CompiledDesign, KeyTree>();
const ingressTrees = new WeakMap<CompiledDesign, KeyTree>();

function memoised(trees: WeakMap<CompiledDesign, KeyTree>, ix: CompiledDesign, parts: readonly object[], compute: () => TrafficSet): TrafficSet {
  let node = trees.get(ix);
  if (!node) trees.set(ix, (node = new Map()));
  const last = parts.length - 1;
  for (let i = 0; i < last; i++) {
    let next = node.get(parts[i]!) as KeyTree | undefined;
    if (!next) node.set(parts[i]!, (next = new Map()));
    node = next;
  }
  let hit = node.get(parts[last]!) as TrafficSet | undefined;
  if (!hit) node.set(parts[last]!, (hit = compute()));
  return hit;
}

/** classTraffic's key, refilled on every call (the walk does not re-enter): no array per pair. */
const pairKey: object[] = new Array(8);

/** What gets from `s` to `d` on private addresses in one VPC; undefined when they are not in one VPC (use the full path). */
export function fastPairTraffic(
  ix: CompiledDesign,
  src: ResourceInfo,
  s: EniInfo,
  dst: ResourceInfo,
  d: EniInfo,
  family: IpFamily,
  asked: TrafficSet,
): TrafficSet | undefined {
  if (s.vpc !== d.vpc) return undefined;
  if (s === d) return TrafficSet.empty();
  const pre = intersect(destinationAllows(dst), balancerAllows(src, dst, d));
  if (pre.isEmpty()) return pre;
  // The rest does not depend on which interfaces of their classes these are; `pre` commutes with it.
  // Exposure asks with one (design, traffic) tens of thousands of times in a row: the last table at hand.
  let byPair = ix === lastIx && asked === lastAsked ? lastByPair : classMemo.get(ix)?.get(asked);
  if (!byPair) {
    let byAsked = classMemo.get(ix);
    if (!byAsked) classMemo.set(ix, (byAsked = new WeakMap()));
    byAsked.set(asked, (byPair = []));
  }
  lastIx = ix;
  lastAsked = asked;
  lastByPair = byPair;
  const row = (byPair[s.classId] ??= new Map());
  const key = d.classId * 2 + (family === 6 ? 1 : 0);
  let t = row.get(key);
  if (!t) row.set(key, (t = classTraffic(ix, s, d, family, asked)));
  return intersect(t, pre);
}

function classTraffic(ix: CompiledDesign, s: EniInfo, d: EniInfo, family: IpFamily, asked: TrafficSet): TrafficSet {
  const sA = addressIn(s, family);
  const dA = addressIn(d, family);
  if (!sA || !dA) return TrafficSet.empty();
  const egress = eniUnion(s.groups, 'egress', d, dA);
  if (egress.isEmpty()) return egress;
  const ingress = eniUnion(d.groups, 'ingress', s, sA);
  if (ingress.isEmpty()) return ingress;
  const same = s.subnet === d.subnet;
  const out = same ? ALL : acl(s.subnet, 'outbound', dA);
  const into = same ? ALL : acl(d.subnet, 'inbound', sA);
  const back = same ? ALL : acl(d.subnet, 'outbound', sA);
  const home = same ? ALL : acl(s.subnet, 'inbound', dA);
  pairKey[0] = asked;
  pairKey[1] = egress;
  pairKey[2] = out;
  pairKey[3] = into;
  pairKey[4] = ingress;
  pairKey[5] = back;
  pairKey[6] = home;
  pairKey[7] = s.ephemeral;
  return memoised(pairTrees, ix, pairKey, () => {
    let t = intersect(intersect(intersect(intersect(asked, egress), out), into), ingress);
    if (t.isEmpty()) return t;
    let ret = { tcp: s.ephemeral, udp: s.ephemeral };
    for (const allowed of [back, home]) {
      const r = replyPass(t, ret, allowed, true);
      t = r.traffic;
      ret = r.ret;
      if (t.isEmpty()) return t;
    }
    return t;
  });
}

/** What gets from the external address `from` (through the internet gateway) to `d`. */
export function fastIngressTraffic(ix: CompiledDesign, dst: ResourceInfo, d: EniInfo, from: Address, asked: TrafficSet): TrafficSet {
  const family = from.family;
  const vpc = d.vpc;
  if (!vpc.igw || !(family === 4 ? d.hasPublic4 : d.hasPublic6) || !addressIn(d, family)) return TrafficSet.empty();
  const r = bestRoute(d.subnet.routeTable, from);
  const routeBack = r !== undefined && r.target.kind === 'internet-gateway' && r.route?.state !== 'blackhole' && r.target.id === vpc.igw.id;
  const pre = destinationAllows(dst);
  const ingress = sgUnion(d.groups, 'ingress', { address: from, viaPublic: true, desc: '' });
  if (pre.isEmpty() || ingress.isEmpty()) return TrafficSet.empty();
  const into = acl(d.subnet, 'inbound', from);
  const back = acl(d.subnet, 'outbound', from);
  return memoised(ingressTrees, ix, [asked, pre, into, ingress, back, routeBack ? ALL : NONE], () => {
    const t = intersect(intersect(intersect(asked, pre), into), ingress);
    if (t.isEmpty()) return t;
    const answered = replyPass(t, { tcp: EPHEMERAL.wide, udp: EPHEMERAL.wide }, back, true).traffic;
    return routeBack ? answered : oneWayPart(answered);
  });
}
