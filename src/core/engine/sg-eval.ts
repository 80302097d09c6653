/**
 * Security-group evaluation (network-semantics.md §1): the rules of every group on the ENI are one
 * allow-list; a packet passes if any rule matches it. A CIDR or prefix-list rule matches the peer's
 * address as seen; a group reference matches only a member ENI talking on private addresses
 * (same VPC, or an active same-Region peering), never traffic that came through an internet gateway.
 */
import { cidrContainsAddress, TrafficSet, type Address } from '../net/index.ts';
import type { EniInfo, GroupInfo, RuleInfo } from './compiled.ts';
import type { Explanation, ExplanationCode } from './types.ts';
import { groupsPhrase, listing } from './labels.ts';
import { maskedUnion } from './sg-masks.ts';

export type SgDirection = 'ingress' | 'egress';

const unionMemo = new WeakMap<readonly GroupInfo[], Map<string, TrafficSet>>();

/** The other end of the packet, as the rules see it. */
export interface SgPeer {
  /** The address rules' CIDRs are matched against (source for ingress, destination for egress). */
  address?: Address;
  /** The ENI at the other end, when it is in the design. */
  eni?: EniInfo;
  /** The packet crossed an internet gateway: group references cannot match. */
  viaPublic?: boolean;
  /** How messages name the peer: "app-1 (10.0.2.4)", "203.0.113.9". */
  desc: string;
}

function peerMatches(rule: RuleInfo, peer: SgPeer): boolean {
  if (rule.ref) return rule.ref.status === 'ok' && !peer.viaPublic && peer.eni !== undefined && peer.eni.groupIds.has(rule.ref.groupId);
  const a = peer.address;
  if (!a) return false;
  for (const c of rule.cidrs) if (cidrContainsAddress(c, a)) return true;
  return false;
}

/** Whether any rule of the direction could match the peer at all (a cheap filter before set work). */
export function anyRuleForPeer(groups: readonly GroupInfo[], dir: SgDirection, peer: SgPeer): boolean {
  for (const g of groups) for (const r of g[dir]) if (!r.traffic.isEmpty() && peerMatches(r, peer)) return true;
  return false;
}

/** Everything the groups allow toward/from the peer: the union of matching rules, memoised on which rules match. */
/** sgUnion for interface `eni` seen at its private `address` (the hot case: no peer object built). */
export function eniUnion(groups: readonly GroupInfo[], dir: SgDirection, eni: EniInfo, address: Address): TrafficSet {
  return maskedUnion(groups, dir, eni, address, TrafficSet.empty()) ?? computeUnion(groups, dir, { address, eni, desc: '' });
}

export function sgUnion(groups: readonly GroupInfo[], dir: SgDirection, peer: SgPeer): TrafficSet {
  // A peer interface on its private address: the masked fast path (sg-masks.ts).
  if (peer.eni && !peer.viaPublic && peer.address) {
    const hit = maskedUnion(groups, dir, peer.eni, peer.address, TrafficSet.empty());
    if (hit) return hit;
  }
  return computeUnion(groups, dir, peer);
}

function computeUnion(groups: readonly GroupInfo[], dir: SgDirection, peer: SgPeer): TrafficSet {
  let mask = dir;
  let any = false;
  for (const g of groups) {
    for (const r of g[dir]) {
      const m = peerMatches(r, peer);
      mask += m ? '1' : '0';
      any ||= m;
    }
  }
  if (!any) return TrafficSet.empty();
  let memo = unionMemo.get(groups);
  if (!memo) unionMemo.set(groups, (memo = new Map()));
  let union = memo.get(mask);
  if (!union) {
    union = TrafficSet.empty();
    for (const g of groups) for (const r of g[dir]) if (peerMatches(r, peer)) union = union.union(r.traffic);
    memo.set(mask, union);
  }
  return union;
}

/** The part of `asked` the groups allow toward/from the peer. */
export function sgAllowed(groups: readonly GroupInfo[], dir: SgDirection, peer: SgPeer, asked: TrafficSet): TrafficSet {
  return intersect(asked, sgUnion(groups, dir, peer));
}

/** a ∩ b without building a set when one side is everything or nothing. */
export function intersect(a: TrafficSet, b: TrafficSet): TrafficSet {
  if (b.isAll() || a.isEmpty()) return a;
  if (a.isAll() || b.isEmpty()) return b;
  return a.intersect(b);
}

/** The rules that admitted part of `asked`, as "AppSG (sg-app): tcp 8080 from AlbSG (sg-alb)". */
export function sgMatchDetail(groups: readonly GroupInfo[], dir: SgDirection, peer: SgPeer, asked: TrafficSet): string {
  const parts: string[] = [];
  for (const g of groups) {
    for (const r of g[dir]) {
      if (peerMatches(r, peer) && r.traffic.overlaps(asked)) parts.push(`${g.label}: ${r.traffic.describe()} ${dir === 'ingress' ? 'from' : 'to'} ${r.peerLabel}`);
    }
  }
  return parts.join('; ');
}

/** Why the groups of `owner` let none of `asked` through in `dir` (codes of network-semantics.md §6). */
export function explainSg(owner: EniInfo, dir: SgDirection, peer: SgPeer, asked: TrafficSet, path: 'forward' | 'return'): Explanation {
  const groups = owner.groups;
  const labels = groups.map((g) => g.label);
  const ids = groups.map((g) => g.sg.id);
  const plural = groups.length !== 1;
  const base = {
    componentId: ids.join(',') || owner.eni.id,
    componentType: 'security-group' as const,
    componentName: labels.join(', ') || owner.label,
    direction: dir,
    path,
    groups: ids,
  };
  const make = (code: ExplanationCode, message: string, field?: Explanation['field']): Explanation => ({
    code,
    ...base,
    ...(field ? { field } : {}),
    message,
  });
  const subject = `${groupsPhrase(labels)} on ${owner.label}`;
  if (groups.length === 0) {
    return make('ENI_SG_RULES_MISMATCH', `${owner.label} has no security group the design knows (${listing(owner.missingGroups)}), so nothing matches.`);
  }
  // Engine choice: SG_HAS_NO_RULES only when the groups have no rule in either direction; a group
  // with outbound rules but no inbound ones (a new custom group) is a mismatch (scenarios S28, S29).
  if (groups.every((g) => g.ingress.length === 0 && g.egress.length === 0)) {
    return make('SG_HAS_NO_RULES', `${subject} ${plural ? 'have' : 'has'} no rules at all, so nothing gets in or out.`);
  }
  const rules = groups.flatMap((g) => g[dir]);
  const verb = dir === 'ingress' ? (plural ? 'admit' : 'admits') : plural ? 'let' : 'lets';
  const toFrom = dir === 'ingress' ? 'from' : 'to';
  if (rules.length === 0) {
    return make('ENI_SG_RULES_MISMATCH', `${subject} ${plural ? 'have' : 'has'} no ${dir} rules, so ${dir === 'ingress' ? 'nothing gets in' : 'nothing can leave'}.`);
  }
  const forTraffic = rules.filter((r) => r.traffic.overlaps(asked));
  if (forTraffic.length === 0) {
    const allowed = rules.reduce((t, r) => t.union(r.traffic), TrafficSet.empty());
    const sameProtocol = rules.some((r) => protocolsOverlap(r.traffic, asked));
    const what = dir === 'ingress' ? `admit${plural ? '' : 's'} only ${allowed.describe()}` : `let${plural ? '' : 's'} out only ${allowed.describe()}`;
    return make('ENI_SG_RULES_MISMATCH', `${subject} ${what}; ${asked.describe()} ${toFrom} ${peer.desc} matches no ${dir} rule.`, sameProtocol ? 'port' : 'protocol');
  }
  const refs = forTraffic.filter((r) => r.ref);
  const field = dir === 'ingress' ? 'source' : 'destination';
  const covered = forTraffic.reduce((t, r) => t.union(r.traffic), TrafficSet.empty()).intersect(asked).describe();
  const viaPublic = refs.find((r) => peer.viaPublic && peer.eni?.groupIds.has(r.ref!.groupId));
  if (viaPublic) {
    return make(
      'SG_REFERENCE_VIA_PUBLIC_IP',
      `${subject} ${verb} ${covered} ${toFrom} ${viaPublic.peerLabel}, but ${peer.desc} is reached through the internet gateway on a public address, which never matches a group reference.`,
      field,
    );
  }
  const cross = refs.find((r) => r.ref!.status === 'cross-region');
  if (cross) {
    return make(
      'SG_REFERENCE_CROSS_REGION',
      `${subject} ${verb} ${covered} ${toFrom} ${cross.peerLabel} across the cross-Region peering ${cross.ref!.peering?.id ?? ''}; AWS does not allow group references across Regions, so the rule matches nothing.`,
      field,
    );
  }
  const unknown = refs.find((r) => r.ref!.status === 'unknown');
  if (unknown) {
    return make(
      'UNKNOWN_PEERED_SGS',
      `${subject} ${verb} ${covered} ${toFrom} ${unknown.peerLabel}, a group of a peered VPC the design does not describe, so its members are unknown.`,
      field,
    );
  }
  const peers = [...new Set(forTraffic.map((r) => r.peerLabel + (r.ref?.status === 'stale' ? ' (stale: its peering is not active)' : '')))];
  const onlyRefs = forTraffic.every((r) => r.ref);
  const onlyCidrs = forTraffic.every((r) => !r.ref);
  const why = onlyRefs ? `is not a member${peers.length > 1 ? ' of any' : ''}` : onlyCidrs ? `is not in ${peers.length > 1 ? 'them' : 'it'}` : 'matches none of them';
  return make('ENI_SG_RULES_MISMATCH', `${subject} ${verb} ${covered} only ${toFrom} ${listing(peers)}; ${peer.desc} ${why}.`, field);
}

function protocolsOverlap(a: TrafficSet, b: TrafficSet): boolean {
  if (a.wholeProtocols().length > 0 && b.overlaps(wholeOf(a))) return true;
  for (const p of [6, 17, 1, 58]) if (!a.portsFor(p).isEmpty() && !b.portsFor(p).isEmpty()) return true;
  return false;
}

function wholeOf(t: TrafficSet): TrafficSet {
  let out = TrafficSet.empty();
  for (const [from, to] of t.wholeProtocols()) for (let p = from; p <= to; p++) out = out.union(TrafficSet.fromProtocol(p));
  return out;
}
