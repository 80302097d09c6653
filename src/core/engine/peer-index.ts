/**
 * Which resources could admit traffic from a given resource at all: those with a group whose
 * ingress references one of its groups, or holds a CIDR containing one of the addresses it can be
 * seen from (private, public, or a NAT gateway's). Exposure and the reach matrix only evaluate
 * these, so their cost follows what is actually reachable rather than the square of the design.
 */
import { cidrContainsAddress, type Address, type Cidr } from '../net/index.ts';
import type { CompiledDesign, GroupInfo, ResourceInfo } from './compiled.ts';

interface PeerIndex {
  byReference: Map<string, GroupInfo[]>;
  byCidr: Array<{ cidr: Cidr; groups: GroupInfo[] }>;
  natAddresses: Address[];
  /** Resources in design order, and per group the bit set (32 resources a word) of the resources it is on. */
  resources: ResourceInfo[];
  membersOf: Map<GroupInfo, Uint32Array>;
}

function index(ix: CompiledDesign): PeerIndex {
  const hit = ix.memo.get('peer-index') as PeerIndex | undefined;
  if (hit) return hit;
  const byReference = new Map<string, GroupInfo[]>();
  const cidrs = new Map<string, { cidr: Cidr; groups: GroupInfo[] }>();
  for (const g of ix.groups.values()) {
    for (const r of g.ingress) {
      if (r.traffic.isEmpty()) continue;
      if (r.ref) {
        if (r.ref.status !== 'ok') continue;
        const list = byReference.get(r.ref.groupId) ?? [];
        if (!list.includes(g)) list.push(g);
        byReference.set(r.ref.groupId, list);
      }
      for (const c of r.cidrs) {
        const entry = cidrs.get(c.text) ?? { cidr: c, groups: [] };
        if (!entry.groups.includes(g)) entry.groups.push(g);
        cidrs.set(c.text, entry);
      }
    }
  }
  const natAddresses = [...ix.nats.values()].map((n) => n.publicIp).filter((a): a is Address => a !== undefined);
  const resources = [...ix.resources.values()];
  const words = (resources.length + 31) >>> 5;
  const membersOf = new Map<GroupInfo, Uint32Array>();
  for (const g of ix.groups.values()) {
    const bits = new Uint32Array(words);
    for (const eni of ix.members.get(g.sg.id) ?? []) {
      const r = ix.resources.get(eni.resource.id);
      if (r) bits[r.index >>> 5]! |= 1 << (r.index & 31);
    }
    membersOf.set(g, bits);
  }
  const built = { byReference, byCidr: [...cidrs.values()], natAddresses, resources, membersOf };
  ix.memo.set('peer-index', built);
  return built;
}

/** Resources (other than `src`) whose groups could admit something from `src`, in design order. */
export function possibleTargets(ix: CompiledDesign, src: ResourceInfo): ResourceInfo[] {
  let memo = targetsMemo.get(ix);
  if (!memo) targetsMemo.set(ix, (memo = new Map()));
  let hit = memo.get(src);
  if (!hit) memo.set(src, (hit = computeTargets(ix, src)));
  return hit;
}

const targetsMemo = new WeakMap<CompiledDesign, Map<ResourceInfo, ResourceInfo[]>>();

function computeTargets(ix: CompiledDesign, src: ResourceInfo): ResourceInfo[] {
  const idx = index(ix);
  const groups = new Set<GroupInfo>();
  const addresses: Address[] = [...idx.natAddresses];
  for (const e of src.enis) {
    for (const id of e.groupIds) for (const g of idx.byReference.get(id) ?? []) groups.add(g);
    for (const a of [e.private4, e.private6, e.public4]) if (a) addresses.push(a);
  }
  for (const { cidr, groups: gs } of idx.byCidr) {
    if (addresses.some((a) => cidrContainsAddress(cidr, a))) for (const g of gs) groups.add(g);
  }
  // A bit set of resources, read back in design order: answers read the same whichever way they were found.
  const bits = new Uint32Array((idx.resources.length + 31) >>> 5);
  for (const g of groups) {
    const m = idx.membersOf.get(g);
    if (m) for (let w = 0; w < bits.length; w++) bits[w]! |= m[w]!;
  }
  bits[src.index >>> 5]! &= ~(1 << (src.index & 31));
  const out: ResourceInfo[] = [];
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    while (word !== 0) {
      const low = word & -word;
      out.push(idx.resources[(w << 5) + 31 - Math.clz32(low)]!);
      word ^= low;
    }
  }
  return out;
}
