/** A risky port of the catalogue's list (databases, caches, file sharing, cluster APIs…) open to the world; admin ports have their own rule. */
import type { LintRule } from '../types.ts';
import { makeFinding } from '../finding.ts';
import { openPorts } from '../match/rule-traffic.ts';
import { ADMIN_PORTS, RISKY_PORTS } from '../match/ports.ts';
import { isAllPortsRule, ladderSeverity, memberExposure, narrowToVpcFix, onMembers, portsPhrase, portTraffic, ruleTargets, worldIngressRules } from './scanner-common.ts';

const RISKY_NOT_ADMIN = RISKY_PORTS.subtract(ADMIN_PORTS);

export const riskyPortOpenToWorld: LintRule = {
  id: 'sg-risky-port-world',
  title: 'Risky port open to the world',
  severity: 'critical',
  anchors: [
    'EC2.19',
    'Prowler ec2_securitygroup_allow_ingress_from_internet_to_high_risk_tcp_ports',
    'Prowler ec2_securitygroup_allow_ingress_from_internet_to_port_* (per port)',
    'KICS Sensitive Port Is Exposed To Entire Network',
  ],
  family: 'scanner',
  check(ctx) {
    // A rule opening every port gets the all-ports finding instead: it names the same risk once.
    return worldIngressRules(ctx.design).flatMap((x) => {
      if (isAllPortsRule(x)) return [];
      const ports = openPorts(x.rule.match).intersect(RISKY_NOT_ADMIN);
      if (ports.isEmpty()) return [];
      const m = memberExposure(ctx, x.group.id, portTraffic(ports));
      const cidr = x.rule.peer.kind === 'cidr' ? x.rule.peer.cidr : '';
      return [
        makeFinding(this, {
          ids: [x.group.id, x.rule.id],
          severity: ladderSeverity(m, ['critical', 'high', 'medium']),
          message: `${x.group.name} admits ${portsPhrase(x.rule, ports)} from ${cidr}${onMembers(m)}`,
          risk: 'Databases, caches, file shares and cluster APIs on these ports are routinely found by Internet scanners and exploited or emptied.',
          fix: 'Admit these ports only from the groups or private CIDRs that use them (the app tier, a VPN), never from the world.',
          targets: ruleTargets(x),
          resourceIds: m.resourceIds,
          quickFix: narrowToVpcFix(ctx.design, x),
        }),
      ];
    });
  },
};
