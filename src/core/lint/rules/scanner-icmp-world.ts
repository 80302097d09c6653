/** Every ICMP (or ICMPv6) type admitted from the world by an icmp rule; -1 rules get the all-ports finding. */
import type { LintRule } from '../types.ts';
import { makeFinding } from '../finding.ts';
import { coversAllIcmp, describeMatch, protocolOf, ruleTraffic } from '../match/rule-traffic.ts';
import { PROTOCOL_ALL } from '../../net/index.ts';
import { ladderSeverity, memberExposure, onMembers, removeRuleFix, ruleTargets, worldIngressRules } from './scanner-common.ts';

export const icmpFromWorld: LintRule = {
  id: 'sg-icmp-world',
  title: 'All ICMP from the world',
  severity: 'medium',
  anchors: ['ScoutSuite ec2-security-group-opens-icmp-to-all'],
  family: 'scanner',
  check(ctx) {
    return worldIngressRules(ctx.design).flatMap((x) => {
      if (protocolOf(x.rule.match) === PROTOCOL_ALL || !coversAllIcmp(x.rule.match)) return [];
      const m = memberExposure(ctx, x.group.id, ruleTraffic(x.rule.match));
      const cidr = x.rule.peer.kind === 'cidr' ? x.rule.peer.cidr : '';
      return [
        makeFinding(this, {
          ids: [x.group.id, x.rule.id],
          severity: ladderSeverity(m, ['medium', 'low', 'low']),
          message: `${x.group.name} admits all ${describeMatch(x.rule.match)} from ${cidr}${onMembers(m)}`,
          risk: 'Every ICMP type from anyone lets scanners map the hosts and opens them to ICMP floods and redirects; only a few types are needed.',
          fix: 'Admit only the ICMP types needed (echo request from monitoring, type 3 code 4 for path MTU discovery) from known sources.',
          targets: ruleTargets(x),
          resourceIds: m.resourceIds,
          quickFix: removeRuleFix(x),
        }),
      ];
    });
  },
};
