/**
 * Transitive exposure: a data-tier or private resource the Internet reaches through a chain
 * (Internet -> ALB -> app -> DB), from the engine's multi-hop exposure.
 *
 * Severity follows how deliberate each hop is. A chain whose entry is a load-balancer listener and
 * whose every further hop is a group reference on a service port is the three-tier design working
 * as drawn: the data tier is reported at `info` (the chain is worth seeing), a private app host not
 * at all. Each hop that is looser raises it: an inner hop admitted by a CIDR rather than a group
 * reference, a host taken over from the whole Internet, an admin port, all ports.
 */
import type { Design, Resource } from '../../model/types.ts';
import type { ChainHop, ExposureEntry } from '../../engine/types.ts';
import { TrafficSet } from '../../net/index.ts';
import type { LintContext, LintRule, Severity } from '../types.ts';
import { listNames, makeFinding, resourceTarget } from '../finding.ts';
import { internetReach, publicAddressInPublicSubnet } from '../match/exposure.ts';
import { ADMIN_PORTS } from '../match/ports.ts';
import { portsOfTraffic, ruleTraffic } from '../match/rule-traffic.ts';
import { designTierOf, peerMatchesEni } from './design-support.ts';

const ID = 'design-transitive-exposure';

/** 0: deliberate; 1: looser than it needs to be; 2: a host taken over from the world or all ports; 3: an admin port from the world. */
type Looseness = 0 | 1 | 2 | 3;

const DATA_SEVERITY: readonly Severity[] = ['info', 'medium', 'high', 'critical'];
const PRIVATE_SEVERITY: readonly (Severity | undefined)[] = [undefined, 'low', 'medium', 'high'];

/** What the groups of `to` admit from `from`, intersected with what `from` lets out to `to` (security groups only). */
function groupGrant(d: Design, from: Resource, to: Resource): { traffic: TrafficSet; byReferenceOnly: boolean; fromBastion: boolean } {
  let inbound = TrafficSet.empty();
  let byCidr = TrafficSet.empty();
  let bastionRef = false;
  for (const toEni of to.enis) {
    for (const gid of toEni.securityGroupIds) {
      for (const rule of d.securityGroups[gid]?.ingress ?? []) {
        if (!from.enis.some((e) => peerMatchesEni(d, rule.peer, e))) continue;
        const t = ruleTraffic(rule.match);
        inbound = inbound.union(t);
        if (rule.peer.kind !== 'security-group') byCidr = byCidr.union(t);
        else if (/bastion|jump/i.test(d.securityGroups[rule.peer.groupId]?.name ?? '')) bastionRef = true;
      }
    }
  }
  let outbound = TrafficSet.empty();
  for (const fromEni of from.enis) {
    for (const gid of fromEni.securityGroupIds) {
      for (const rule of d.securityGroups[gid]?.egress ?? []) {
        if (to.enis.some((e) => peerMatchesEni(d, rule.peer, e))) outbound = outbound.union(ruleTraffic(rule.match));
      }
    }
  }
  const traffic = inbound.intersect(outbound);
  const fromBastion = bastionRef || (from.kind === 'instance' && from.role === 'bastion');
  return { traffic, byReferenceOnly: !traffic.isEmpty() && !byCidr.overlaps(traffic), fromBastion };
}

function hopLooseness(ctx: LintContext, hop: ChainHop, first: boolean, entry: ExposureEntry): Looseness {
  const d = ctx.design;
  const to = d.resources[hop.to];
  if (!to) return 0;
  if (first) {
    if (to.kind === 'load-balancer') return 0;
    const fromWorld = entry.sources === undefined;
    const ports = portsOfTraffic(internetReach(ctx, to.id));
    const admin = ports.isAll() || ports.overlaps(ADMIN_PORTS);
    const bastion = to.kind === 'instance' && to.role === 'bastion';
    if (admin) return fromWorld ? 3 : bastion ? 0 : 1;
    if (!fromWorld) return 0;
    return designTierOf(d, to) === 'web' ? 1 : 2;
  }
  const from = d.resources[hop.from];
  if (!from || from.kind === 'load-balancer') return 0;
  const grant = groupGrant(d, from, to);
  const ports = portsOfTraffic(grant.traffic);
  if (ports.isAll()) return 2;
  if (ports.overlaps(ADMIN_PORTS)) return grant.fromBastion && grant.byReferenceOnly ? 0 : 2;
  return grant.byReferenceOnly ? 0 : 1;
}

function chainText(d: Design, chain: readonly ChainHop[], entry: ExposureEntry): string {
  const name = (id: string) => (id === 'internet' ? (entry.sources ? `Internet (${entry.sources.join(', ')})` : 'Internet') : (d.resources[id]?.name ?? id));
  return [name(chain[0]?.from ?? 'internet'), ...chain.map((h) => `${name(h.to)} (${h.traffic})`)].join(' -> ');
}

export const transitiveExposure: LintRule = {
  id: ID,
  title: 'Data or private tier reachable from the Internet through a chain',
  severity: 'high',
  anchors: [],
  family: 'design',
  check(ctx) {
    const d = ctx.design;
    const best = new Map<string, { entry: ExposureEntry; loose: Looseness }>();
    for (const entry of ctx.internetExposure().entries) {
      if (entry.chain.length < 2) continue;
      const r = d.resources[entry.resourceId];
      if (!r) continue;
      const loose = Math.max(0, ...entry.chain.map((h, i) => hopLooseness(ctx, h, i === 0, entry))) as Looseness;
      const prev = best.get(r.id);
      if (!prev || loose > prev.loose) best.set(r.id, { entry, loose });
    }
    return [...best.values()].flatMap(({ entry, loose }) => {
      const r = d.resources[entry.resourceId]!;
      const tier = designTierOf(d, r);
      const data = tier === 'data';
      if (!data && (publicAddressInPublicSubnet(ctx, r) || tier === 'lb' || tier === 'web' || tier === 'bastion')) return [];
      const severity = data ? DATA_SEVERITY[loose] : PRIVATE_SEVERITY[loose];
      if (!severity) return [];
      const chain = chainText(d, entry.chain, entry);
      const via = listNames(entry.chain.slice(0, -1).map((h) => d.resources[h.to]?.name ?? h.to));
      return [
        makeFinding(transitiveExposure, {
          ids: [r.id],
          severity,
          message: `${r.name} (${data ? 'data' : 'private'} tier) is reachable from the Internet on ${entry.traffic} through ${entry.chain.length} hops: ${chain}`,
          risk:
            loose === 0
              ? `Every hop is a deliberate group reference on a service port, but anyone who compromises ${via} inherits its access to ${r.name}.`
              : `A hop of the chain admits more than the tier needs, so compromising ${via} from the Internet opens a path to ${r.name}.`,
          fix:
            loose === 0
              ? `Keep each hop to a group reference on the one service port; consider IAM authentication or TLS on ${r.name} as defence in depth.`
              : `Tighten the loose hop: admit the next tier only by security-group reference on its service port, keep admin ports behind the bastion, and keep hosts out of direct Internet reach.`,
          targets: [resourceTarget(r.id), ...entry.chain.slice(0, -1).map((h) => resourceTarget(h.to))],
          resourceIds: [r.id, ...entry.chain.slice(0, -1).map((h) => h.to)],
        }),
      ];
    });
  },
};
