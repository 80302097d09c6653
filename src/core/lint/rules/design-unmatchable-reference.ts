/**
 * Group references that cannot match (network-semantics.md §1): across a cross-Region peering (AWS
 * does not allow it), or to a group whose members can reach this group's members only through the
 * internet gateway, on public addresses, which a group reference never matches.
 */
import type { Design, SecurityGroup, SecurityGroupRule } from '../../model/types.ts';
import { routeTableOf } from '../../model/queries.ts';
import { removeRules } from '../../model/commands/rules.ts';
import type { Finding, LintRule } from '../types.ts';
import { makeFinding, membersOf, peerLabel, quickFix, ruleTarget } from '../finding.ts';
import { describeMatch } from '../match/rule-traffic.ts';
import { enisOfGroup, orderedRules } from './design-support.ts';

const ID = 'design-unmatchable-group-reference';

type Why = { kind: 'cross-region'; from: string; to: string; peeringId?: string } | { kind: 'public-ip'; peerVpc: string };

/** Whether some member subnet of `group` routes to `otherVpc` over an active peering (a private path exists). */
function privatePath(d: Design, group: SecurityGroup, otherVpc: string): boolean {
  const peerings = Object.values(d.peerings).filter(
    (p) =>
      p.status === 'active' &&
      ((p.requester.vpcId === group.vpcId && p.accepter.vpcId === otherVpc) || (p.accepter.vpcId === group.vpcId && p.requester.vpcId === otherVpc)),
  );
  if (peerings.length === 0) return false;
  const ids = new Set(peerings.map((p) => p.id));
  const subnets = new Set(enisOfGroup(d, group.id).map((m) => m.eni.subnetId));
  if (subnets.size === 0) return true;
  return [...subnets].some((sid) => {
    const s = d.subnets[sid];
    const table = s ? routeTableOf(d, s) : undefined;
    return table?.routes.some((r) => r.state === 'active' && r.target.kind === 'peering' && ids.has(r.target.id)) ?? false;
  });
}

function whyUnmatchable(d: Design, group: SecurityGroup, rule: SecurityGroupRule): Why | undefined {
  const peer = rule.peer;
  if (peer.kind !== 'security-group') return undefined;
  const here = d.vpcs[group.vpcId]?.region;
  const pcx = peer.peeringId ? d.peerings[peer.peeringId] : undefined;
  if (pcx && pcx.requester.region !== pcx.accepter.region) {
    const there = pcx.requester.vpcId === group.vpcId ? pcx.accepter.region : pcx.requester.region;
    return { kind: 'cross-region', from: here ?? pcx.requester.region, to: there, peeringId: pcx.id };
  }
  const other = d.securityGroups[peer.groupId];
  if (!other || other.vpcId === group.vpcId) return undefined;
  const there = d.vpcs[other.vpcId]?.region;
  if (here && there && here !== there) return { kind: 'cross-region', from: here, to: there };
  if (peer.peeringId && pcx && pcx.status !== 'active') return undefined; // stale: design-stale-group-reference
  if (membersOf(d, other.id).length === 0) return undefined;
  if (!privatePath(d, group, other.vpcId)) return { kind: 'public-ip', peerVpc: d.vpcs[other.vpcId]?.name ?? other.vpcId };
  return undefined;
}

export const unmatchableReference: LintRule = {
  id: ID,
  title: 'Security-group reference that cannot match (cross-Region or via public IP)',
  severity: 'medium',
  anchors: [],
  family: 'design',
  check(ctx) {
    const d = ctx.design;
    const out: Finding[] = [];
    for (const { group, direction, rule } of orderedRules(d)) {
      const why = whyUnmatchable(d, group, rule);
      if (!why) continue;
      const peer = peerLabel(d, rule);
      const what = `${group.name} ${direction === 'ingress' ? 'admits' : 'lets out'} ${describeMatch(rule.match)} ${direction === 'ingress' ? 'from' : 'to'} ${peer}`;
      const common = { ids: [group.id, rule.id], targets: [ruleTarget(group.id, direction, rule.id)], resourceIds: membersOf(d, group.id).map((r) => r.id) };
      if (why.kind === 'cross-region') {
        out.push(
          makeFinding(unmatchableReference, {
            ...common,
            message: `${what}, a group in ${why.to} while ${group.name} is in ${why.from}${why.peeringId ? ` (peering ${why.peeringId})` : ''}: group references do not work across Regions`,
            risk: `The rule matches nothing, so the flow it was written for is blocked, and the usual workaround (opening a wide CIDR) admits far more.`,
            fix: `Replace the reference with the peer VPC's subnet CIDRs (or a prefix list of them) on the same ports.`,
            quickFix: quickFix(`Remove the cross-Region reference to ${peer}`, (design) => removeRules(design, group.id, direction, [rule.id])),
          }),
        );
      } else {
        out.push(
          makeFinding(unmatchableReference, {
            ...common,
            message: `${what}, whose members are in ${why.peerVpc} with no active, routed peering: their traffic can only arrive through the internet gateway on a public address, which a group reference never matches`,
            risk: `The rule matches nothing, so the intended flow fails, and it tempts someone to open the port to public CIDRs instead.`,
            fix: `Peer the two VPCs (same Region) with routes both ways so the traffic stays private, or admit the peers' public addresses (Elastic IPs) explicitly.`,
          }),
        );
      }
    }
    return out;
  },
};
