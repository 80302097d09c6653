/** A public IPv4 block wider than /24 (/1 to /23), in or out: nearly the world under another name. */
import type { LintRule } from '../types.ts';
import { allGroupRules, makeFinding } from '../finding.ts';
import { isPublicRange, peerCidr } from '../match/world.ts';
import { describeMatch, ruleTraffic } from '../match/rule-traffic.ts';
import { ladderSeverity, memberExposure, onMembers, ruleTargets } from './scanner-common.ts';

export const widePublicCidr: LintRule = {
  id: 'sg-wide-public-cidr',
  title: 'Wide public CIDR',
  severity: 'high',
  anchors: ['Prowler ec2_securitygroup_allow_wide_open_public_ipv4'],
  family: 'scanner',
  check(ctx) {
    return allGroupRules(ctx.design).flatMap((x) => {
      const c = peerCidr(x.rule.peer);
      if (!c || c.family !== 4 || c.prefix < 1 || c.prefix > 23 || !isPublicRange(c)) return [];
      const ingress = x.direction === 'ingress';
      const m = memberExposure(ctx, x.group.id, ruleTraffic(x.rule.match));
      return [
        makeFinding(this, {
          ids: [x.group.id, x.direction, x.rule.id],
          severity: ingress ? ladderSeverity(m, ['high', 'medium', 'low']) : 'low',
          message: `${x.group.name} ${ingress ? 'admits' : 'allows out'} ${describeMatch(x.rule.match)} ${ingress ? 'from' : 'to'} ${c.text} (${2 ** (32 - c.prefix)} public addresses)${onMembers(m)}`,
          risk: 'A public block wider than /24 spans many unrelated networks: the rule trusts far more of the Internet than any one partner or office uses.',
          fix: `Narrow ${c.text} to the exact addresses of the partner, office or service the rule is for (usually /24 or smaller).`,
          targets: ruleTargets(x),
          resourceIds: m.resourceIds,
        }),
      ];
    });
  },
};
