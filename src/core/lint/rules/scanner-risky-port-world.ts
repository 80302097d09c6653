/** A risky port of the catalogue's list (databases, caches, file sharing, cluster APIs…) open to the world; admin ports have their own rule. */
import { PortSet } from '../../net/index.ts';
import type { LintRule } from '../types.ts';
import { openPorts } from '../match/rule-traffic.ts';
import { ADMIN_PORTS, RISKY_PORTS } from '../match/ports.ts';
import { isAllPortsRule, narrowToVpcFix, worldPortFindings } from './scanner-common.ts';

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
    return worldPortFindings(this, ctx, {
      portsOf: (x) =>
        // A rule opening every port gets the all-ports finding instead: it names the same risk once.
        isAllPortsRule(x) ? PortSet.none() : openPorts(x.rule.match).intersect(RISKY_NOT_ADMIN),
      ladder: ['critical', 'high', 'medium'],
      risk: 'Databases, caches, file shares and cluster APIs on these ports are routinely found by Internet scanners and exploited or emptied.',
      fix: 'Admit these ports only from the groups or private CIDRs that use them (the app tier, a VPN), never from the world.',
      quickFix: narrowToVpcFix,
    });
  },
};
