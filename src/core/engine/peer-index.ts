/**
 * Which resources could admit traffic from a given resource at all: those with a group whose
 * ingress references one of its groups, or holds a CIDR containing one of the addresses it can be
 * seen from (private, public, or a NAT gateway's). Exposure and the reach matrix only evaluate
 * these, so their cost follows what is actually reachable rather than the square of the design.
 */
import { cidrContainsAddress, type Address, type Cidr } from '../net/index.ts';
import type { CompiledDesign, GroupInfo, ResourceInfo, RuleInfo } from './compiled.ts';
import { orInto, setBit } from './bitset.ts';

/** An ingress rule that can admit something, with the group it belongs to; numbered in `rules`. */
interface IndexedRule {
  rule: RuleInfo;
  group: GroupInfo;
}

interface PeerIndex {
  rules: IndexedRule[];
  numbers: Map<RuleInfo, number>;
  byReference: Map<string, number[]>;
  byCidr: Array<{ cidr: Cidr; rules: number[] }>;
  /** byCidr's IPv4 blocks as plain numbers ([first, last] per entry; NaN for IPv6), for computeMatch's hot loop. */
  bounds4: Float64Array;
  /** Per byCidr entry, its rules as bits. */
  masks: Uint32Array[];
  /** The rules whose CIDRs hold a NAT gateway's public address (any host may be seen from one), as bits. */
  natRules: Uint32Array;
  /** Resources in design order, and per group the bit set (32 resources a word) of the resources it is on. */
  resources: ResourceInfo[];
  membersOf: Map<GroupInfo, Uint32Array>;
  /** Per rule number, the members (as above) of the group it belongs to: shared arrays, one per group. */
  ruleMembers: Uint32Array[];
}

/** Which of the design's ingress rules could match a resource as a peer: bits over the index's rule numbers. */
export interface PeerMatch {
  rules: Uint32Array;
}

function index(ix: CompiledDesign): PeerIndex {
  const hit = ix.memo.get('peer-index') as PeerIndex | undefined;
  if (hit) return hit;
  const rules: IndexedRule[] = [];
  const numbers = new Map<RuleInfo, number>();
  const byReference = new Map<string, number[]>();
  const cidrs = new Map<string, { cidr: Cidr; rules: number[] }>();
  for (const g of ix.groups.values()) {
    for (const r of g.ingress) {
      if (r.traffic.isEmpty() || numbers.has(r)) continue;
      // A reference that cannot match (stale, cross-Region, unknown) admits no one: sg-eval.ts.
      if (r.ref && r.ref.status !== 'ok') continue;
      const n = rules.length;
      rules.push({ rule: r, group: g });
      numbers.set(r, n);
      if (r.ref) {
        const list = byReference.get(r.ref.groupId) ?? [];
        list.push(n);
        byReference.set(r.ref.groupId, list);
      }
      for (const c of r.cidrs) {
        const entry = cidrs.get(c.text) ?? { cidr: c, rules: [] };
        entry.rules.push(n);
        cidrs.set(c.text, entry);
      }
    }
  }
  const natAddresses = [...ix.nats.values()].map((n) => n.publicIp).filter((a): a is Address => a !== undefined);
  const byCidr = [...cidrs.values()];
  const natRules = new Uint32Array((rules.length + 31) >>> 5);
  for (const { cidr, rules: ns } of byCidr) if (natAddresses.some((a) => cidrContainsAddress(cidr, a))) for (const n of ns) setBit(natRules, n);
  const resources = [...ix.resources.values()];
  const words = (resources.length + 31) >>> 5;
  const membersOf = new Map<GroupInfo, Uint32Array>();
  for (const g of ix.groups.values()) {
    const bits = new Uint32Array(words);
    for (const eni of ix.members.get(g.sg.id) ?? []) {
      const r = ix.resources.get(eni.resource.id);
      if (r) setBit(bits, r.index);
    }
    membersOf.set(g, bits);
  }
  const bounds4 = new Float64Array(byCidr.length * 2).fill(NaN);
  byCidr.forEach(({ cidr }, i) => {
    if (cidr.family !== 4) return;
    bounds4[2 * i] = Number(cidr.first);
    bounds4[2 * i + 1] = Number(cidr.last);
  });
  const masks = byCidr.map(({ rules: ns }) => {
    const m = new Uint32Array(natRules.length);
    for (const n of ns) setBit(m, n);
    return m;
  });
  const none = new Uint32Array(words);
  const ruleMembers = rules.map((r) => membersOf.get(r.group) ?? none);
  const built = { rules, numbers, byReference, byCidr, bounds4, masks, natRules, resources, membersOf, ruleMembers };
  ix.memo.set('peer-index', built);
  return built;
}

/** The rule's number in peerMatch's bits; -1 for a rule that admits no one. */
export function ruleNumber(ix: CompiledDesign, rule: RuleInfo): number {
  return index(ix).numbers.get(rule) ?? -1;
}

/** Whether the rule numbered `n` is among the peer's. */
export function matchesRule(m: PeerMatch, n: number): boolean {
  return n >= 0 && (m.rules[n >>> 5]! & (1 << (n & 31))) !== 0;
}

/**
 * The ingress rules that could match `src`: references to its groups, and CIDRs holding an
 * address it can be seen from (private, public, or a NAT gateway's).
 */
export function peerMatch(ix: CompiledDesign, src: ResourceInfo): PeerMatch {
  let memo = matchMemo.get(ix);
  if (!memo) matchMemo.set(ix, (memo = new Map()));
  let hit = memo.get(src);
  if (!hit) memo.set(src, (hit = computeMatch(ix, src)));
  return hit;
}

const matchMemo = new WeakMap<CompiledDesign, Map<ResourceInfo, PeerMatch>>();

function computeMatch(ix: CompiledDesign, src: ResourceInfo): PeerMatch {
  const idx = index(ix);
  const rules = idx.natRules.slice();
  const v4: number[] = [];
  const v6: Address[] = [];
  for (const e of src.enis) {
    for (const id of e.groupIds) for (const n of idx.byReference.get(id) ?? []) setBit(rules, n);
    for (const a of [e.private4, e.private6, e.public4]) {
      // IPv4 addresses as numbers against the blocks as numbers (exact: 32 bits); IPv6 by the bigints.
      if (a?.family === 4) v4.push(Number(a.value));
      else if (a) v6.push(a);
    }
  }
  const { byCidr, bounds4, masks } = idx;
  for (let i = 0; i < byCidr.length; i++) {
    let hit = false;
    const first = bounds4[2 * i]!;
    if (Number.isNaN(first)) hit = v6.some((a) => cidrContainsAddress(byCidr[i]!.cidr, a));
    else {
      const last = bounds4[2 * i + 1]!;
      for (let j = 0; j < v4.length && !hit; j++) hit = first <= v4[j]! && v4[j]! <= last;
    }
    if (hit) orInto(rules, masks[i]!);
  }
  return { rules };
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

interface TargetEntry {
  rules: Uint32Array;
  /** Bits over design order (32 resources a word). */
  bits: Uint32Array;
  targets?: ResourceInfo[];
}

/** Per design, hosts whose PeerMatch bits are equal (most of one service are) by a hash of the bits. */
const byBits = new WeakMap<CompiledDesign, Map<number, TargetEntry[]>>();

function targetEntry(ix: CompiledDesign, src: ResourceInfo): TargetEntry {
  const { rules } = peerMatch(ix, src);
  let shared = byBits.get(ix);
  if (!shared) byBits.set(ix, (shared = new Map()));
  let hash = 0x811c9dc5;
  for (let w = 0; w < rules.length; w++) hash = Math.imul(hash ^ rules[w]!, 0x01000193);
  let bucket = shared.get(hash);
  if (!bucket) shared.set(hash, (bucket = []));
  let entry = bucket.find((e) => sameBits(e.rules, rules));
  if (!entry) bucket.push((entry = { rules, bits: admitting(ix, rules) }));
  return entry;
}

/**
 * possibleTargets as bits over design order (a resource's `index`), `src` itself not left out;
 * shared by every host with the same PeerMatch, so read-only.
 */
export function possibleTargetBits(ix: CompiledDesign, src: ResourceInfo): Uint32Array {
  return targetEntry(ix, src).bits;
}

function computeTargets(ix: CompiledDesign, src: ResourceInfo): ResourceInfo[] {
  const entry = targetEntry(ix, src);
  const targets = (entry.targets ??= resourcesOf(ix, entry.bits));
  // The same answer for every host with these bits, less the host itself.
  return targets.includes(src) ? targets.filter((r) => r !== src) : targets;
}

function sameBits(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Resources with a group that one of the numbered rules belongs to, as bits over design order. */
function admitting(ix: CompiledDesign, rules: Uint32Array): Uint32Array {
  const idx = index(ix);
  // A bit set of resources, read back in design order: answers read the same whichever way they were found.
  const bits = new Uint32Array((idx.resources.length + 31) >>> 5);
  // Each group's members once (its rules share one array).
  const done = new Set<Uint32Array>();
  for (let w = 0; w < rules.length; w++) {
    for (let word = rules[w]!; word !== 0; word &= word - 1) {
      const m = idx.ruleMembers[(w << 5) + 31 - Math.clz32(word & -word)]!;
      if (done.has(m)) continue;
      done.add(m);
      orInto(bits, m);
    }
  }
  return bits;
}

function resourcesOf(ix: CompiledDesign, bits: Uint32Array): ResourceInfo[] {
  const idx = index(ix);
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
