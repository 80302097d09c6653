/**
 * Ineffective public rule: a group admits the world (0.0.0.0/0 or ::/0), but none of its members
 * can be addressed from the Internet in that family (no public address, or a subnet without a
 * route to an attached internet gateway; a Lambda function or an internal load balancer never).
 * Misleading rather than dangerous: the rule still admits every host of the VPC and its peers,
 * and turns into a real exposure the day a member gets a public address or route. When the rule is
 * what lets an Internet-reachable host carry the whole Internet on to a member (the last hop of
 * one of the engine's chains from any source, admitted by no other rule), it is not ineffective
 * at all: transitive exposure reports that chain.
 */
import type { LintRule } from '../types.ts';
import { groupTarget, listNames, makeFinding, membersOf, ruleTarget } from '../finding.ts';
import { describeMatch, ruleTraffic } from '../match/rule-traffic.ts';
import { entryTraffic } from '../match/exposure.ts';
import { TrafficSet } from '../../net/index.ts';
import type { LintContext } from '../types.ts';
import type { SecurityGroupRule } from '../../model/types.ts';
import { isWorldPeer, peerCidr } from '../match/world.ts';
import { enisOfGroup, internetAddressable, peerMatchesEni } from './design-support.ts';

const ID = 'design-ineffective-public-rule';

/** Whether the rule alone admits the last hop of a chain the whole Internet takes to a member of the group. */
function carriesAChain(ctx: LintContext, groupId: string, rule: SecurityGroupRule): boolean {
  const d = ctx.design;
  const admitted = ruleTraffic(rule.match);
  return ctx.internetExposure().entries.some((e) => {
    const to = d.resources[e.resourceId];
    const from = d.resources[e.chain[e.chain.length - 1]?.from ?? ''];
    if (e.chain.length < 2 || e.sources !== undefined || !to || !from || !to.enis.some((x) => x.securityGroupIds.includes(groupId))) return false;
    const carried = entryTraffic(e).intersect(admitted);
    if (carried.isEmpty()) return false;
    let others = TrafficSet.empty();
    for (const gid of new Set(to.enis.flatMap((x) => x.securityGroupIds))) {
      for (const r of d.securityGroups[gid]?.ingress ?? []) {
        if (r !== rule && from.enis.some((x) => peerMatchesEni(d, r.peer, x))) others = others.union(ruleTraffic(r.match));
      }
    }
    return !others.containsSet(carried);
  });
}

export const ineffectivePublicRule: LintRule = {
  id: ID,
  title: 'World-open rule on resources the Internet cannot reach',
  severity: 'low',
  anchors: [],
  family: 'design',
  check(ctx) {
    const d = ctx.design;
    return Object.values(d.securityGroups).flatMap((group) => {
      const members = enisOfGroup(d, group.id);
      if (members.length === 0) return [];
      return group.ingress.flatMap((rule) => {
        if (!isWorldPeer(rule.peer)) return [];
        const family = peerCidr(rule.peer)!.family;
        const reachable = members.some(({ resource, eni }) => resource.kind !== 'lambda' && internetAddressable(d, eni, family));
        if (reachable) return [];
        if (carriesAChain(ctx, group.id, rule)) return [];
        const resources = membersOf(d, group.id);
        const why = resources.map((r) => {
          const e = r.enis.find((x) => x.securityGroupIds.includes(group.id))!;
          const subnet = d.subnets[e.subnetId];
          const addr = family === 4 ? e.publicIp : e.ipv6Ips[0];
          if (r.kind === 'lambda') return `${r.name} (Lambda: no inbound)`;
          return `${r.name} (${addr ? `public address, but ${subnet?.name ?? e.subnetId} has no IGW route` : 'no public address'})`;
        });
        return [
          makeFinding(ineffectivePublicRule, {
            ids: [group.id, rule.id],
            message: `${group.name} admits ${describeMatch(rule.match)} from ${rule.peer.kind === 'cidr' ? rule.peer.cidr : ''}, but none of its ${resources.length} member${resources.length === 1 ? '' : 's'} can be reached from the Internet: ${listNames(why)}`,
            risk: `The rule reads as a public entry point that does not exist, still admits every host in the VPC and its peers, and becomes a real exposure as soon as a member gets a public address or route.`,
            fix: `Replace ${rule.peer.kind === 'cidr' ? rule.peer.cidr : 'the world'} with the security group or CIDR of the clients that really connect (the load balancer's group, the VPC CIDR).`,
            targets: [ruleTarget(group.id, 'ingress', rule.id), groupTarget(group.id)],
            resourceIds: resources.map((r) => r.id),
          }),
        ];
      });
    });
  },
};
