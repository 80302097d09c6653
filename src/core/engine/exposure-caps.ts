/**
 * A second upper bound for exposure's (host, resource) pairs, from subnets alone: what the network
 * ACLs between the host's subnets and the resource's let through, request and reply, in one VPC.
 * Coverage.mayAdd caps each of the resource's open ingress rules with it: a rule stays open for a
 * host only while what was reported lacks part of what could pass both the rule and the ACLs on
 * the way. Without it, a rule whose UDP or ICMP part the host's own subnet never gets a reply for
 * stays open forever, and every later host it matches costs a grant (grants.ts).
 *
 * A pair across VPCs, with IPv6 on both ends, or with an address outside its subnet's block gets
 * no cap (everything): the subnet-wide ACL answers hold only for addresses inside the blocks.
 */
import { TrafficSet } from '../net/index.ts';
import type { CompiledDesign, EniInfo, ResourceInfo, SubnetInfo } from './compiled.ts';
import { blockAllowed, inSubnet, replied, throughOwnAcl } from './bound-sets.ts';
import { joined, within } from './traffic-memo.ts';

const ALL = TrafficSet.all();
const NONE = TrafficSet.empty();

interface Caps {
  /** Per resource (by index): a small number per distinct set of (subnet, ephemeral ports) its interfaces have. */
  sides: Array<number | undefined>;
  keys: Map<string, number>;
  /** Per host side, by resource side. */
  caps: Array<Array<TrafficSet | undefined>>;
}

/** Everything the ACLs between the host's subnets and the resource's can let through, or everything when they do not decide it. */
export function subnetCap(ix: CompiledDesign, host: ResourceInfo, dst: ResourceInfo): TrafficSet {
  const m = caps(ix);
  const h = sideOf(m, host);
  const d = sideOf(m, dst);
  const row = (m.caps[h] ??= []);
  return (row[d] ??= computeCap(host.enis, dst.enis));
}

/** A small number per distinct set of subnets (and client ports) a resource's interfaces have: equal numbers, equal caps. */
export function capSide(ix: CompiledDesign, r: ResourceInfo): number {
  return sideOf(caps(ix), r);
}

function caps(ix: CompiledDesign): Caps {
  let m = ix.memo.get('subnet-caps') as Caps | undefined;
  if (!m) ix.memo.set('subnet-caps', (m = { sides: [], keys: new Map(), caps: [] }));
  return m;
}

function sideOf(m: Caps, r: ResourceInfo): number {
  let id = m.sides[r.index];
  if (id === undefined) {
    // Resources with the same subnets (and client ports) share every cap.
    const key = r.enis
      .map((e) => `${e.subnet.subnet.id}|${e.ephemeral.describe()}|${inSubnet(e)}|${e.private6 !== undefined}`)
      .sort()
      .join(';');
    id = m.keys.get(key);
    if (id === undefined) m.keys.set(key, (id = m.keys.size));
    m.sides[r.index] = id;
  }
  return id;
}

function computeCap(hosts: readonly EniInfo[], dsts: readonly EniInfo[]): TrafficSet {
  if (hosts.some((e) => e.private6) && dsts.some((e) => e.private6)) return ALL;
  let cap = NONE;
  for (const s of hosts) {
    for (const d of dsts) {
      if (s.vpc !== d.vpc || !inSubnet(s) || !inSubnet(d)) return ALL;
      cap = joined(cap, pairCap(s.subnet, d.subnet, s));
      if (cap.isAll()) return ALL;
    }
  }
  return cap;
}

/** classTraffic's ACL steps (fast-path.ts) for any addresses of the two subnets: out of the host's, into the other, and the reply back. */
function pairCap(from: SubnetInfo, to: SubnetInfo, s: EniInfo): TrafficSet {
  if (from === to) return ALL;
  let t = ALL;
  if (to.acl) {
    t = within(t, blockAllowed(to.acl.inbound[4], from.cidr));
    if (!t.isEmpty()) t = replied(t, blockAllowed(to.acl.outbound[4], from.cidr), s.ephemeral);
  }
  return throughOwnAcl(t, from, to, s.ephemeral);
}
