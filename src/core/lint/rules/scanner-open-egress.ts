/**
 * Egress of all traffic (-1) to the world, graded by the tier of the group's members: expected for
 * load balancers, the web tier and the bastion (info), questionable for the app tier (low), wrong
 * for the data tier, which never needs to open a connection (high when it has a route to the
 * Internet, medium when the rule leads only into the VPC and its peers today). The one finding for
 * this rule: narrower world egress of the data tier is design-tier-egress's, and the default
 * group's rules are the default-group checks' (EC2.2 says remove them all). Groups without members
 * are left to the unused-group check.
 */
import type { Design, Resource } from '../../model/types.ts';
import type { LintRule, Severity } from '../types.ts';
import { allGroupRules, listNames, makeFinding, membersOf } from '../finding.ts';
import { isWorldPeer } from '../match/world.ts';
import { protocolOf } from '../match/rule-traffic.ts';
import type { Tier } from '../match/tier.ts';
import { PROTOCOL_ALL } from '../../net/index.ts';
import { removeRuleFix, ruleTargets } from './scanner-common.ts';
import { designTierOf, hasWayOut } from './design-support.ts';

const BY_TIER: Record<Exclude<Tier, 'data'>, Severity> = { web: 'info', bastion: 'info', app: 'low' };
const ORDER: readonly Tier[] = ['data', 'app', 'bastion', 'web'];

/** The egress tier of a resource: load balancers count with the web tier, Lambda with the app tier. */
function egressTier(d: Design, r: Resource): Tier {
  const t = designTierOf(d, r);
  return t === 'lb' ? 'web' : t === 'function' ? 'app' : t;
}

export const openEgress: LintRule = {
  id: 'sg-open-egress',
  title: 'All traffic allowed out to the world',
  severity: 'low',
  anchors: ['CKV_AWS_382', 'AVD-AWS-0104'],
  family: 'scanner',
  check(ctx) {
    const d = ctx.design;
    return allGroupRules(d, 'egress').flatMap((x) => {
      if (x.group.isDefault || protocolOf(x.rule.match) !== PROTOCOL_ALL || !isWorldPeer(x.rule.peer)) return [];
      const members = membersOf(d, x.group.id);
      if (members.length === 0) return [];
      const tiers = new Set(members.map((m) => egressTier(d, m)));
      const tier = ORDER.find((t) => tiers.has(t))!;
      const cidr = x.rule.peer.kind === 'cidr' ? x.rule.peer.cidr : '';
      const names = listNames(members.map((m) => m.name));
      if (tier === 'data') {
        const out = members.some((m) => egressTier(d, m) === 'data' && hasWayOut(d, m));
        return [
          makeFinding(this, {
            ids: [x.group.id, x.rule.id],
            severity: out ? 'high' : 'medium',
            message: `${x.group.name} allows all traffic out to ${cidr} from ${names} (data tier)${out ? ', which has a route to the Internet' : ''}`,
            risk: out
              ? 'A database or cache that can send anything anywhere lets an attacker exfiltrate data or fetch tools with nothing in the way.'
              : 'The data tier has no route to the Internet today, but it can open any connection to every host in the VPC and its peers, and to the Internet the day its subnets get a NAT route.',
            fix: `Remove the rule: security groups are stateful, so the data tier answers its clients without any outbound rule; if it must call out (backups, patches), allow only that destination on its port.`,
            targets: ruleTargets(x),
            resourceIds: members.map((m) => m.id),
            quickFix: removeRuleFix(x),
          }),
        ];
      }
      return [
        makeFinding(this, {
          ids: [x.group.id, x.rule.id],
          severity: BY_TIER[tier],
          message: `${x.group.name} allows all traffic out to ${cidr} from ${names} (${tier} tier)`,
          risk: 'Unrestricted egress lets a compromised host exfiltrate data and reach command-and-control servers on any port.',
          fix: 'Allow out only the ports and destinations the hosts need (443 to the Internet, the next tier by group).',
          targets: ruleTargets(x),
          resourceIds: members.map((m) => m.id),
        }),
      ];
    });
  },
};
