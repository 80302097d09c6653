/**
 * Transitive exposure: a data-tier or private resource the Internet reaches through a chain
 * (Internet -> ALB -> app -> DB), from the engine's multi-hop exposure, with the chain.
 *
 * Severity ladder. Two things decide it: how many hosts an attacker must take over on the way
 * (the chain's intermediate resources, load balancers not counted: a managed balancer forwards,
 * it cannot be taken over), and the shape of the chain:
 * - designed: it walks the tiers in order (front: load balancer, web, bastion; then app; then
 *   data) without skipping a tier the design has, every inner hop is a security-group reference,
 *   and no hop carries an admin port or all ports, except admin ports from the bastion's group
 *   (the designed admin path). This is the architecture working: the data tier is reported at
 *   `info` so the chain stays visible, a private app host not at all.
 * - loose: a hop skips a tier the design has (web -> data beside an app tier, Internet -> app host
 *   beside a front tier), the target admits the last host by a CIDR instead of a group reference
 *   (a CIDR further up is its own target's finding, and the engine already follows every other
 *   host the block holds), or the chain enters a host other than a bastion on an admin port from a
 *   restricted source.
 * - admin: a hop carries an admin port (SSH, RDP, Telnet, VNC, WinRM) or every port, other than
 *   the bastion path, or the chain enters a host open to the whole Internet on an admin port.
 *
 * | hosts to take over | 0 (load balancers only) | 1        | 2      | 3 or more |
 * |--------------------|-------------------------|----------|--------|-----------|
 * | data, designed     | critical                | info     | info   | info      |
 * | data, loose        | critical                | medium   | low    | low       |
 * | data, admin        | critical                | critical | high   | medium    |
 * | private, designed  | -                       | -        | -      | -         |
 * | private, loose     | low                     | low      | info   | info      |
 * | private, admin     | critical                | high     | medium | low       |
 *
 * A data-tier port behind nothing but load balancers is the database on the Internet, whatever the
 * shape. Each row only falls as the chain grows, so a shorter chain never ranks below a longer one
 * of the same shape. Of a resource's chains the worst is reported; on a tie, one open to the whole
 * Internet before one from named sources only, then the shortest.
 */
import type { Design, Resource, SecurityGroupRule } from '../../model/types.ts';
import type { ChainHop, ExposureEntry } from '../../engine/types.ts';
import { reach } from '../../engine/index.ts';
import { removeRules } from '../../model/commands/rules.ts';
import { ok } from '../../model/result.ts';
import type { CommandResult } from '../../model/commands/common.ts';
import { PortSet, PROTOCOL_TCP, PROTOCOL_UDP, TrafficSet } from '../../net/index.ts';
import type { LintContext, LintRule, QuickFix, Severity } from '../types.ts';
import { listNames, makeFinding, peerLabel, quickFix, resourceTarget } from '../finding.ts';
import { internetReach, publicAddressInPublicSubnet } from '../match/exposure.ts';
import { ADMIN_PORTS, describePorts } from '../match/ports.ts';
import { describeMatch, portsOfTraffic, ruleTraffic } from '../match/rule-traffic.ts';
import { isWorldPeer } from '../match/world.ts';
import { designTierOf, isBastionGroup, peerMatchesEni, presentLevels, tierLevel, type TierLevel } from './design-support.ts';

const ID = 'design-transitive-exposure';

type Shape = 'designed' | 'loose' | 'admin';

const LADDER: Record<'data' | 'private', Record<Shape, readonly (Severity | undefined)[]>> = {
  data: {
    designed: ['critical', 'info', 'info', 'info'],
    loose: ['critical', 'medium', 'low', 'low'],
    admin: ['critical', 'critical', 'high', 'medium'],
  },
  private: {
    designed: [undefined, undefined, undefined, undefined],
    loose: ['low', 'low', 'info', 'info'],
    admin: ['critical', 'high', 'medium', 'low'],
  },
};

const SHAPE_RANK: Record<Shape, number> = { designed: 0, loose: 1, admin: 2 };

/** A rule that makes a hop an admin hop, for the quick fix. */
interface AdminRule {
  groupId: string;
  ruleId: string;
  /** "tcp 22 from 0.0.0.0/0 in DBSG" */
  label: string;
}

/** What is wrong with one hop, if anything. */
interface HopFlaw {
  shape: Exclude<Shape, 'designed'>;
  /** Half a sentence: "DBSG admits 22 (SSH) from web-1 (tcp 22 from 0.0.0.0/0)". */
  why: string;
  /** The ingress rules that give the hop its admin ports (inner hops only). */
  rules: AdminRule[];
  skip?: string;
}

/** The rules of `to`'s groups that admit `from`, and what they and `from`'s egress let through. */
function grants(d: Design, from: Resource, to: Resource) {
  let outbound = TrafficSet.empty();
  for (const e of from.enis) {
    for (const gid of e.securityGroupIds) {
      for (const rule of d.securityGroups[gid]?.egress ?? []) {
        if (to.enis.some((x) => peerMatchesEni(d, rule.peer, x))) outbound = outbound.union(ruleTraffic(rule.match));
      }
    }
  }
  const admitting: Array<{ groupId: string; rule: SecurityGroupRule; traffic: TrafficSet }> = [];
  for (const gid of new Set(to.enis.flatMap((e) => e.securityGroupIds))) {
    for (const rule of d.securityGroups[gid]?.ingress ?? []) {
      if (!from.enis.some((e) => peerMatchesEni(d, rule.peer, e))) continue;
      const traffic = ruleTraffic(rule.match).intersect(outbound);
      if (!traffic.isEmpty()) admitting.push({ groupId: gid, rule, traffic });
    }
  }
  return admitting;
}

/** The admin ports of some traffic that the engine confirms from `from` to `to` (tcp or udp). */
function confirmedAdminPorts(d: Design, from: Resource, to: Resource, traffic: TrafficSet): PortSet {
  const confirmed: Array<{ from: number; to: number }> = [];
  for (const range of portsOfTraffic(traffic).intersect(ADMIN_PORTS).toRanges()) {
    for (let port = range.from; port <= range.to; port++) {
      const protocols = (['tcp', 'udp'] as const).filter((name) => traffic.portsFor(name === 'tcp' ? PROTOCOL_TCP : PROTOCOL_UDP).contains(port));
      const flows = protocols.map((protocol) => reach(d, { kind: 'resource', resourceId: from.id }, { kind: 'resource', resourceId: to.id }, { protocol, port }));
      if (flows.some((f) => f.verdict === 'reachable')) confirmed.push({ from: port, to: port });
    }
  }
  return PortSet.fromRanges(confirmed);
}

/** The name of the tier a skipped level stands for. */
const LEVEL_NAME: Record<TierLevel, string> = { 0: 'web or load-balancer tier', 1: 'app tier', 2: 'data tier' };

/** The level skipped going from `from` to `to` (-1: the Internet), if the design has one in between. */
function skipped(present: Set<TierLevel>, from: number, to: TierLevel | undefined): TierLevel | undefined {
  if (to === undefined) return undefined;
  for (let l = from + 1; l < to; l++) if (present.has(l as TierLevel)) return l as TierLevel;
  return undefined;
}

function entryFlaw(ctx: LintContext, entry: ExposureEntry, to: Resource, present: Set<TierLevel>): HopFlaw | undefined {
  const d = ctx.design;
  if (to.kind === 'load-balancer') return undefined;
  const direct = portsOfTraffic(internetReach(ctx, to.id)).intersect(ADMIN_PORTS);
  if (!direct.isEmpty() && entry.sources === undefined) {
    // Open to the whole Internet: a world rule admits the admin port and the engine lets it in.
    for (const gid of new Set(to.enis.flatMap((e) => e.securityGroupIds))) {
      for (const rule of d.securityGroups[gid]?.ingress ?? []) {
        const ports = portsOfTraffic(ruleTraffic(rule.match)).intersect(direct);
        if (isWorldPeer(rule.peer) && !ports.isEmpty()) {
          return { shape: 'admin', why: `${to.name} is open to the whole Internet on ${describePorts(ports)}`, rules: [] };
        }
      }
    }
  }
  const tier = designTierOf(d, to);
  if (!direct.isEmpty() && entry.sources !== undefined && tier !== 'bastion') {
    return { shape: 'loose', why: `${to.name} admits ${describePorts(direct)} from outside without a bastion`, rules: [] };
  }
  const skip = skipped(present, -1, tierLevel(tier));
  if (skip !== undefined) return { shape: 'loose', why: `the Internet enters at ${to.name}`, rules: [], skip: LEVEL_NAME[skip] };
  return undefined;
}

function innerFlaw(d: Design, from: Resource, to: Resource, present: Set<TierLevel>, last: boolean): HopFlaw | undefined {
  const admitting = grants(d, from, to);
  const all = admitting.reduce((t, a) => t.union(a.traffic), TrafficSet.empty());
  const level = skipped(present, tierLevel(designTierOf(d, from)) ?? 0, tierLevel(designTierOf(d, to)));
  const skip = level !== undefined ? { skip: LEVEL_NAME[level] } : {};
  const rulesOf = (list: typeof admitting) =>
    list.map((a) => ({ groupId: a.groupId, ruleId: a.rule.id, label: `${describeMatch(a.rule.match)} from ${peerLabel(d, a.rule)} in ${d.securityGroups[a.groupId]?.name ?? a.groupId}` }));
  const named = (list: typeof admitting) => listNames([...new Set(list.map((a) => `${describeMatch(a.rule.match)} from ${peerLabel(d, a.rule)}`))]);
  const group = (list: typeof admitting) => listNames([...new Set(list.map((a) => d.securityGroups[a.groupId]?.name ?? a.groupId))]);
  if (portsOfTraffic(all).isAll()) {
    const open = admitting.filter((a) => portsOfTraffic(a.traffic).isAll());
    return { shape: 'admin', why: `${group(open)} admits every port from ${from.name} (${named(open)})`, rules: rulesOf(open), ...skip };
  }
  const admin = confirmedAdminPorts(d, from, to, all);
  if (!admin.isEmpty()) {
    const open = admitting.filter((a) => portsOfTraffic(a.traffic).overlaps(admin));
    const bastionPath = designTierOf(d, from) === 'bastion' && open.every((a) => a.rule.peer.kind === 'security-group' && isBastionGroup(d, a.rule.peer.groupId));
    if (!bastionPath) return { shape: 'admin', why: `${group(open)} admits ${describePorts(admin)} from ${from.name} (${named(open)})`, rules: rulesOf(open), ...skip };
  }
  const byCidr = admitting.filter((a) => a.rule.peer.kind !== 'security-group');
  // A CIDR further up the chain is that hop's target's finding; the engine already follows any other host the block holds.
  if (byCidr.length > 0 && last) return { shape: 'loose', why: `${group(byCidr)} admits ${from.name} by address (${named(byCidr)}), not by its security group`, rules: [], ...skip };
  if (level !== undefined) return { shape: 'loose', why: `${group(admitting)} admits ${from.name} directly`, rules: [], ...skip };
  return undefined;
}

interface Judged {
  entry: ExposureEntry;
  shape: Shape;
  hosts: number;
  flaws: HopFlaw[];
  severity: Severity | undefined;
}

/**
 * innerFlaw per (from, to, last hop or not) for one check: thousands of chains share a few hundred
 * hops, and judging a hop asks the engine about every admin port it carries.
 */
type HopMemo = Map<string, HopFlaw | undefined>;

function judge(ctx: LintContext, entry: ExposureEntry, data: boolean, present: Set<TierLevel>, hops: HopMemo): Judged {
  const d = ctx.design;
  const flaws: HopFlaw[] = [];
  const inner = (from: Resource, to: Resource, last: boolean) => {
    const key = `${from.id}>${to.id}|${last}`;
    if (!hops.has(key)) hops.set(key, innerFlaw(d, from, to, present, last));
    return hops.get(key);
  };
  entry.chain.forEach((hop: ChainHop, i) => {
    const to = d.resources[hop.to];
    const from = d.resources[hop.from];
    if (!to) return;
    const flaw = i === 0 ? entryFlaw(ctx, entry, to, present) : from ? inner(from, to, i === entry.chain.length - 1) : undefined;
    if (flaw) flaws.push(flaw);
  });
  const shape = flaws.reduce<Shape>((s, f) => (SHAPE_RANK[f.shape] > SHAPE_RANK[s] ? f.shape : s), 'designed');
  const hosts = entry.chain.slice(0, -1).filter((h) => d.resources[h.to]?.kind !== 'load-balancer').length;
  const severity = LADDER[data ? 'data' : 'private'][shape][Math.min(hosts, 3)];
  return { entry, shape, hosts, flaws, severity };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const rank = (s: Severity | undefined) => (s === undefined ? -1 : 4 - ['critical', 'high', 'medium', 'low', 'info'].indexOf(s));

/** Of two chains to one resource: the more severe, then the one open to the whole Internet, then the shorter. */
function worse(a: Judged, b: Judged): boolean {
  if (rank(a.severity) !== rank(b.severity)) return rank(a.severity) > rank(b.severity);
  const open = (j: Judged) => (j.entry.sources === undefined ? 1 : 0);
  if (open(a) !== open(b)) return open(a) > open(b);
  return a.entry.chain.length < b.entry.chain.length;
}

function chainText(d: Design, chain: readonly ChainHop[], entry: ExposureEntry): string {
  const name = (id: string) => (id === 'internet' ? (entry.sources ? `Internet (${listNames(entry.sources)})` : 'Internet') : (d.resources[id]?.name ?? id));
  return [name(chain[0]?.from ?? 'internet'), ...chain.map((h) => `${name(h.to)} (${h.traffic})`)].join(' -> ');
}

/** Removes the rules that give the chain its admin hops. */
function removeAdminRules(rules: AdminRule[]): QuickFix | undefined {
  if (rules.length === 0) return undefined;
  return quickFix(rules.length === 1 ? `Remove ${rules[0]!.label}` : `Remove the ${rules.length} rules that open admin hops (${listNames(rules.map((x) => x.label))})`, (design): CommandResult => {
    let r: CommandResult = ok(design);
    const byGroup = new Map<string, string[]>();
    for (const x of rules) byGroup.set(x.groupId, [...(byGroup.get(x.groupId) ?? []), x.ruleId]);
    for (const [groupId, ids] of byGroup) {
      if (!r.ok) return r;
      r = removeRules(r.value, groupId, 'ingress', ids);
    }
    return r;
  });
}

export const transitiveExposure: LintRule = {
  id: ID,
  title: 'Data or private tier reachable from the Internet through a chain',
  severity: 'high',
  anchors: [],
  family: 'design',
  check(ctx) {
    const d = ctx.design;
    const present = presentLevels(d);
    const best = new Map<string, Judged>();
    const hops: HopMemo = new Map();
    for (const entry of ctx.internetExposure().entries) {
      if (entry.chain.length < 2) continue;
      const r = d.resources[entry.resourceId];
      if (!r) continue;
      const tier = designTierOf(d, r);
      const data = tier === 'data';
      if (!data && (publicAddressInPublicSubnet(ctx, r) || tier === 'lb' || tier === 'web' || tier === 'bastion')) continue;
      const judged = judge(ctx, entry, data, present, hops);
      const prev = best.get(r.id);
      if (!prev || worse(judged, prev)) best.set(r.id, judged);
    }
    return [...best.values()].flatMap(({ entry, shape, hosts, flaws, severity }) => {
      if (!severity) return [];
      const r = d.resources[entry.resourceId]!;
      const data = designTierOf(d, r) === 'data';
      const skip = flaws.find((f) => f.skip)?.skip;
      const via = entry.chain.slice(0, -1).map((h) => d.resources[h.to]).filter((x): x is Resource => x !== undefined);
      const taken = via.filter((x) => x.kind !== 'load-balancer').map((x) => x.name);
      const adminRules = flaws.flatMap((f) => f.rules);
      const fix = removeAdminRules(adminRules);
      return [
        makeFinding(transitiveExposure, {
          ids: [r.id],
          severity,
          message: `${r.name} (${data ? 'data' : 'private'} tier) is reachable from the Internet on ${entry.traffic} through ${entry.chain.length} hops${skip ? `, skipping the ${skip}` : ''}: ${chainText(d, entry.chain, entry)}`,
          risk:
            hosts === 0
              ? `Nothing has to be compromised: the load balancer forwards Internet traffic straight to ${r.name}.`
              : shape === 'designed'
                ? `Every hop is a deliberate group reference on a service port, but whoever compromises ${listNames(taken)} (${hosts} host${hosts === 1 ? '' : 's'}) inherits its access to ${r.name}.`
                : `${capitalise(flaws.map((f) => f.why).join('; '))}, so whoever takes over ${listNames(taken)} (${hosts} host${hosts === 1 ? '' : 's'}) from the Internet reaches ${r.name} on ${entry.traffic}.`,
          fix:
            shape === 'designed' && hosts > 0
              ? `Keep each hop to a group reference on the one service port; consider IAM authentication or TLS on ${r.name} as defence in depth.`
              : `${adminRules.length > 0 ? `Remove the admin access (${listNames(flaws.filter((f) => f.rules.length > 0).map((f) => f.why))}) and administer ${r.name} through the bastion's group or Session Manager; ` : ''}admit each tier only from the tier in front of it, by security-group reference on its service port, and keep hosts out of direct Internet reach.`,
          targets: [resourceTarget(r.id), ...via.map((x) => resourceTarget(x.id))],
          resourceIds: [r.id, ...via.map((x) => x.id)],
          ...(fix ? { quickFix: fix } : {}),
        }),
      ];
    });
  },
};
