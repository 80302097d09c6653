/**
 * Tier-aware egress: the data tier (databases, caches) should open no connection to the world.
 * Security groups are stateful, so replies to its clients never need an egress rule; a world
 * egress rule there only serves exfiltration. Medium when the data tier has a way out (IGW with a
 * public address, or a NAT route), low when the rule is wrong but leads nowhere today.
 * Only the narrower rules (tcp 443, udp 53… to the world) that no scanner sees: all traffic (-1)
 * to the world is sg-open-egress's finding, graded there by the same tier and way out.
 */
import { removeRules } from '../../model/commands/rules.ts';
import { PROTOCOL_ALL } from '../../net/index.ts';
import type { LintRule } from '../types.ts';
import { listNames, makeFinding, quickFix, ruleTarget } from '../finding.ts';
import { describeMatch, protocolOf } from '../match/rule-traffic.ts';
import { isWorldPeer } from '../match/world.ts';
import { designTierOf, hasWayOut } from './design-support.ts';

const ID = 'design-tier-egress';

export const tierEgress: LintRule = {
  id: ID,
  title: 'Data tier may open connections to the world',
  severity: 'medium',
  anchors: [],
  family: 'design',
  check(ctx) {
    const d = ctx.design;
    const data = Object.values(d.resources).filter((r) => designTierOf(d, r) === 'data');
    return Object.values(d.securityGroups).flatMap((group) => {
      const members = data.filter((r) => r.enis.some((e) => e.securityGroupIds.includes(group.id)));
      if (members.length === 0) return [];
      return group.egress.flatMap((rule) => {
        if (!isWorldPeer(rule.peer) || protocolOf(rule.match) === PROTOCOL_ALL) return [];
        const out = members.some((m) => hasWayOut(d, m));
        return [
          makeFinding(tierEgress, {
            ids: [group.id, rule.id],
            severity: out ? 'medium' : 'low',
            message: `${group.name} lets ${describeMatch(rule.match)} out to ${rule.peer.kind === 'cidr' ? rule.peer.cidr : 'the world'} from the data tier (${listNames(members.map((m) => m.name))})${out ? ', which has a route to the Internet' : ''}`,
            risk: `A compromised database or cache can send its data anywhere; replies to its clients never need an egress rule because security groups are stateful.`,
            fix: `Remove the world egress rule from ${group.name}; if the data tier must call out (backups, patches), allow only that destination (a VPC endpoint's prefix list) on its port.`,
            targets: [ruleTarget(group.id, 'egress', rule.id)],
            resourceIds: members.map((m) => m.id),
            quickFix: quickFix(`Remove the world egress rule`, (design) => removeRules(design, group.id, 'egress', [rule.id])),
          }),
        ];
      });
    });
  },
};
