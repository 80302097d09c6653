/**
 * sgUnion's fast path for a peer interface on its private address. Which rules of a group list
 * match the peer splits in two: the references (the same for every interface with the peer's
 * group list) and the CIDRs (the same for every address of a subnet that none of the rules'
 * CIDRs cuts). Both parts are kept per list, so most calls do no matching at all; the union of
 * the matching rules is kept per mask. Exposure and the reach matrix ask this for every pair of
 * interfaces they consider.
 */
import type { Address, Cidr, TrafficSet } from '../net/index.ts';
import type { EniInfo, GroupInfo, RuleInfo } from './compiled.ts';
import { joined } from './traffic-memo.ts';

/** Above this many rules a mask no longer fits in a number: the caller matches rule by rule. */
export const MAX_MASKED_RULES = 30;

interface Masks {
  rules: RuleInfo[];
  unions: Map<number, TrafficSet>;
  byGroups: WeakMap<readonly GroupInfo[], number>;
  /** Per subnet: the CIDR mask of all its IPv4 addresses, or -1 when a rule's CIDR cuts the subnet. */
  bySubnet: WeakMap<object, number>;
}

export type Direction = 'ingress' | 'egress';
const memo = { ingress: new WeakMap<readonly GroupInfo[], Masks>(), egress: new WeakMap<readonly GroupInfo[], Masks>() };

/** The rules of the list in that direction, flattened (for callers that fall back to matching each). */
function masksOf(groups: readonly GroupInfo[], dir: Direction): Masks {
  let m = memo[dir].get(groups);
  if (!m) memo[dir].set(groups, (m = { rules: groups.flatMap((g) => g[dir]), unions: new Map(), byGroups: new WeakMap(), bySubnet: new WeakMap() }));
  return m;
}

/**
 * The union of the rules that match `peer` at `address`, or undefined when the list has too many
 * rules for a mask. `union` builds a union of traffic sets (the caller's, so identities are theirs).
 */
export function maskedUnion(groups: readonly GroupInfo[], dir: Direction, peer: EniInfo, address: Address, empty: TrafficSet): TrafficSet | undefined {
  const m = masksOf(groups, dir);
  if (m.rules.length > MAX_MASKED_RULES) return undefined;
  let refs = m.byGroups.get(peer.groups);
  if (refs === undefined) m.byGroups.set(peer.groups, (refs = referenceMask(m.rules, peer)));
  const block = peer.subnet.cidr;
  // IPv6 addresses, and addresses outside their subnet's block (a design being edited), are matched one by one.
  const inBlock = block.family === address.family && block.first <= address.value && address.value <= block.last;
  let cidrs = -1;
  if (inBlock) {
    const known = m.bySubnet.get(peer.subnet);
    if (known === undefined) m.bySubnet.set(peer.subnet, (cidrs = subnetMask(m.rules, block)));
    else cidrs = known;
  }
  const mask = refs | (cidrs >= 0 ? cidrs : cidrMask(m.rules, address));
  if (mask === 0) return empty;
  let u = m.unions.get(mask);
  if (!u) {
    // Rules of equal match share one set (compile.ts), and joined gives equal work one object:
    // group lists that admit the same rules' traffic get the same union.
    u = empty;
    for (let i = 0; i < m.rules.length; i++) if (mask & (1 << i)) u = joined(u, m.rules[i]!.traffic);
    m.unions.set(mask, u);
  }
  return u;
}

function referenceMask(rules: readonly RuleInfo[], peer: EniInfo): number {
  let mask = 0;
  for (let i = 0; i < rules.length; i++) {
    const ref = rules[i]!.ref;
    if (ref && ref.status === 'ok' && peer.groupIds.has(ref.groupId)) mask |= 1 << i;
  }
  return mask;
}

function cidrMask(rules: readonly RuleInfo[], address: Address): number {
  let mask = 0;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    if (!r.ref) for (const c of r.cidrs) if (c.family === address.family && c.first <= address.value && address.value <= c.last) mask |= 1 << i;
  }
  return mask;
}

/** The CIDR mask every address of `block` gets, or -1 when some rule's CIDR holds part of it only. */
function subnetMask(rules: readonly RuleInfo[], block: Cidr): number {
  let mask = 0;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    if (r.ref) continue;
    for (const c of r.cidrs) {
      if (c.family !== block.family || c.last < block.first || block.last < c.first) continue;
      if (c.first <= block.first && block.last <= c.last) mask |= 1 << i;
      else return -1;
    }
  }
  return mask;
}
