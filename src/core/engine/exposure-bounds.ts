/**
 * What a taken-over host can open toward a resource, exactly (pairGrant) and as a cheap upper
 * bound (upperBound). Exposure asks about hundreds of thousands of (host, resource) pairs on a
 * large design, but nearly all of them either reach nothing or add nothing to what has already
 * been reported; the bound settles those without evaluating routes, ACLs and replies.
 *
 * The bound is the destination's ingress rules that match the host's interfaces, within what the
 * destination's subnet ACL lets in from them (another subnet) and what the destination accepts at
 * all: every path a packet can take ends at those groups (private or public address), so nothing
 * outside it gets through. Across VPCs the host may be seen from a public or NAT address, so the
 * bound there is everything the destination's groups admit.
 */
import { TrafficSet, type Address } from '../net/index.ts';
import type { CompiledDesign, EniInfo, GroupInfo, ResourceInfo } from './compiled.ts';
import { inSubnet, replied, throughOwnAcl } from './bound-sets.ts';
import { joined, within } from './traffic-memo.ts';
import { aclAllowedAll } from './acl-eval.ts';
import { resourceGrant } from './grants.ts';
import { addressIn } from './plan-private.ts';
import { destinationAllows } from './preconditions.ts';
import { sgUnion, type SgDirection } from './sg-eval.ts';

/** A host's grant toward a resource, memoised on the compiled design (exposure asks it again and again). */
export function pairGrant(ix: CompiledDesign, from: ResourceInfo, to: ResourceInfo): TrafficSet {
  let memo = ix.memo.get('pair-grants') as Map<ResourceInfo, Map<ResourceInfo, TrafficSet>> | undefined;
  if (!memo) ix.memo.set('pair-grants', (memo = new Map()));
  let row = memo.get(from);
  if (!row) memo.set(from, (row = new Map()));
  let t = row.get(to);
  if (!t) row.set(to, (t = resourceGrant(ix, from, to, TrafficSet.all())));
  return t;
}

const NONE = TrafficSet.empty();

/** A host's bounds: facts of the design, kept on it for every later exposure. */
export function hostBounds(ix: CompiledDesign, host: ResourceInfo): HostBounds {
  let memo = ix.memo.get('host-bounds') as Map<ResourceInfo, HostBounds> | undefined;
  if (!memo) ix.memo.set('host-bounds', (memo = new Map()));
  let b = memo.get(host);
  if (!b) memo.set(host, (b = new HostBounds(ix, host)));
  return b;
}

/** Upper bounds of one host's grants, cached per destination group list (most resources share a few). */
export class HostBounds {
  /** By destination shape (subnet and group list; compiled.ts), families, and whether its address lies in its subnet. */
  private readonly byShape = new Map<number, TrafficSet>();
  private readonly sameVpc: boolean;
  private readonly v6: boolean;

  constructor(
    private readonly ix: CompiledDesign,
    readonly host: ResourceInfo,
  ) {
    this.sameVpc = host.enis.every((e) => e.vpc === host.enis[0]?.vpc);
    this.v6 = host.enis.some((e) => e.private6);
  }

  /** A set that holds everything the host can open toward `dst` (the same object for equal inputs). */
  toward(dst: ResourceInfo): TrafficSet {
    const enis = dst.enis;
    if (enis.length === 0 || this.host.enis.length === 0) return NONE;
    let bound = this.ofEni(enis[0]!);
    for (let i = 1; i < enis.length; i++) {
      const b = this.ofEni(enis[i]!);
      if (b !== bound) bound = joined(bound, b);
    }
    return bound.isEmpty() ? bound : within(bound, destinationAllows(dst));
  }

  private ofEni(d: EniInfo): TrafficSet {
    const v6 = Boolean(d.private6 && this.v6);
    // A map, not arrays by shape: a host meets few of the design's shapes.
    const key = d.shape * 4 + (v6 ? 1 : 0) + (inSubnet(d) ? 0 : 2);
    let hit = this.byShape.get(key);
    if (!hit) this.byShape.set(key, (hit = this.compute(d, v6)));
    return hit;
  }

  private compute(d: EniInfo, v6: boolean): TrafficSet {
    if (!this.sameVpc || this.host.enis[0]!.vpc !== d.vpc) return everyIngress(d.groups);
    let out = NONE;
    for (const s of this.host.enis) {
      for (const family of v6 ? ([4, 6] as const) : ([4] as const)) {
        const t = eniBound(this.ix, s, d, family);
        if (t !== out) out = joined(out, t);
      }
    }
    return out;
  }
}

/**
 * What interface `s` can open toward `d` in its VPC, at most: per class of `s` (compiled.ts: alike
 * to every rule, ACL entry and route) and shape of `d`, so hosts of one class share the work.
 */
function eniBound(ix: CompiledDesign, s: EniInfo, d: EniInfo, family: 4 | 6): TrafficSet {
  // Per source class (array slots), by destination shape and family (a map: a class meets few shapes).
  let memo = ix.memo.get('eni-bounds') as Array<Map<number, TrafficSet> | undefined> | undefined;
  if (!memo) ix.memo.set('eni-bounds', (memo = []));
  const row = (memo[s.classId] ??= new Map());
  const block = inSubnet(d);
  const key = d.shape * 4 + (family === 6 ? 1 : 0) + (block ? 0 : 2);
  let hit = row.get(key);
  if (!hit) row.set(key, (hit = computeEniBound(s, d, family, block)));
  return hit;
}

function computeEniBound(s: EniInfo, d: EniInfo, family: 4 | 6, inBlock: boolean): TrafficSet {
  const address = addressIn(s, family);
  if (!address) return NONE;
  let t = matchedUnion(d.groups, 'ingress', s, address);
  if (s.subnet !== d.subnet && d.subnet.acl) {
    // The destination subnet's ACL, both ways: the request in, and the reply out to the host's ephemeral ports.
    const { inbound, outbound } = d.subnet.acl;
    if (!t.isEmpty()) t = within(t, aclAllowedAll(inbound[family], address));
    if (!t.isEmpty()) t = replied(t, aclAllowedAll(outbound[family], address), s.ephemeral);
  }
  if (s.subnet !== d.subnet && s.subnet.acl && family === 4 && inBlock) {
    // The host's own subnet ACL: the request out and the reply in, for any address of the destination's
    // subnet (its interfaces share this memo slot). Each reply ACL is applied on all of the host's
    // ephemeral ports, not on those the other left: a superset of the path's narrowing, as a bound may be.
    t = throughOwnAcl(t, s.subnet, d.subnet, s.ephemeral);
  }
  return t;
}

/** What the groups admit from interface `s` at `address` on private addresses (sgUnion's masked path). */
function matchedUnion(groups: readonly GroupInfo[], dir: SgDirection, s: EniInfo, address: Address): TrafficSet {
  return sgUnion(groups, dir, { address, eni: s, desc: '' });
}

const ingressMemo = new WeakMap<readonly GroupInfo[], TrafficSet>();

/** Everything the groups admit from anyone. */
function everyIngress(groups: readonly GroupInfo[]): TrafficSet {
  let hit = ingressMemo.get(groups);
  if (!hit) {
    hit = NONE;
    for (const g of groups) for (const r of g.ingress) hit = joined(hit, r.traffic);
    ingressMemo.set(groups, hit);
  }
  return hit;
}
