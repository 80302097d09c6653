/**
 * Egress of all traffic to the world, per tier of the group's members: expected for the web tier
 * and load balancers (info), questionable for the app tier (low), wrong for the data tier (high).
 * Groups without members are left to the unused-group check.
 */
import type { LintRule, Severity } from '../types.ts';
import { allGroupRules, listNames, makeFinding, membersOf } from '../finding.ts';
import { isWorldPeer } from '../match/world.ts';
import { protocolOf } from '../match/rule-traffic.ts';
import { tierOf, type Tier } from '../match/tier.ts';
import { PROTOCOL_ALL } from '../../net/index.ts';
import { removeRuleFix, ruleTargets } from './scanner-common.ts';

const BY_TIER: Record<Tier, Severity> = { web: 'info', bastion: 'info', app: 'low', data: 'high' };
const ORDER: readonly Tier[] = ['data', 'app', 'bastion', 'web'];

export const openEgress: LintRule = {
  id: 'sg-open-egress',
  title: 'All traffic allowed out to the world',
  severity: 'low',
  anchors: ['CKV_AWS_382', 'AVD-AWS-0104'],
  family: 'scanner',
  check(ctx) {
    const d = ctx.design;
    return allGroupRules(d, 'egress').flatMap((x) => {
      if (protocolOf(x.rule.match) !== PROTOCOL_ALL || !isWorldPeer(x.rule.peer)) return [];
      const members = membersOf(d, x.group.id);
      if (members.length === 0) return [];
      const tiers = new Set(members.map((m) => tierOf(d, m)));
      const tier = ORDER.find((t) => tiers.has(t))!;
      const cidr = x.rule.peer.kind === 'cidr' ? x.rule.peer.cidr : '';
      return [
        makeFinding(this, {
          ids: [x.group.id, x.rule.id],
          severity: BY_TIER[tier],
          message: `${x.group.name} allows all traffic out to ${cidr} from ${listNames(members.map((m) => m.name))} (${tier} tier)`,
          risk:
            tier === 'data'
              ? 'A database or cache that can send anything anywhere lets an attacker exfiltrate data or fetch tools with nothing in the way.'
              : 'Unrestricted egress lets a compromised host exfiltrate data and reach command-and-control servers on any port.',
          fix: tier === 'data' ? 'Remove the rule: the data tier needs no outbound rule to answer its clients.' : 'Allow out only the ports and destinations the hosts need (443 to the Internet, the next tier by group).',
          targets: ruleTargets(x),
          resourceIds: members.map((m) => m.id),
          ...(tier === 'data' ? { quickFix: removeRuleFix(x) } : {}),
        }),
      ];
    });
  },
};
