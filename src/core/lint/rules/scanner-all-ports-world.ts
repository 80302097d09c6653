/** All ports open to the world: ingress -1 (or any protocol without ports), or tcp/udp 0-65535 / 1-65535, from 0.0.0.0/0 or ::/0. */
import type { LintRule } from '../types.ts';
import { makeFinding } from '../finding.ts';
import { ruleTraffic, describeMatch } from '../match/rule-traffic.ts';
import { isAllPortsRule, ladderSeverity, memberExposure, narrowToVpcFix, onMembers, ruleTargets, worldIngressRules } from './scanner-common.ts';

export const allPortsOpenToWorld: LintRule = {
  id: 'sg-all-ports-world',
  title: 'All ports open to the world',
  severity: 'critical',
  anchors: [
    'Prowler ec2_securitygroup_allow_ingress_from_internet_to_all_ports',
    'CKV_AWS_277',
    'KICS Security Group With Unrestricted Access To All Ports (meta-IP)',
    'ScoutSuite ec2-security-group-opens-all-ports-to-all',
  ],
  family: 'scanner',
  check(ctx) {
    return worldIngressRules(ctx.design)
      .filter(isAllPortsRule)
      .map((x) => {
        const m = memberExposure(ctx, x.group.id, ruleTraffic(x.rule.match));
        return makeFinding(this, {
          ids: [x.group.id, x.rule.id],
          severity: ladderSeverity(m, ['critical', 'high', 'medium']),
          message: `${x.group.name} admits ${describeMatch(x.rule.match)} from ${x.rule.peer.kind === 'cidr' ? x.rule.peer.cidr : ''}${onMembers(m)}`,
          risk: 'Every service on these hosts, including ones nobody meant to publish, can be reached by anyone on the Internet.',
          fix: 'Replace the rule with rules for the ports the hosts serve, from the sources that need them (a load balancer group, a VPN or office CIDR).',
          targets: ruleTargets(x),
          resourceIds: m.resourceIds,
          quickFix: narrowToVpcFix(ctx.design, x),
        });
      });
  },
};
