/** Remote administration (SSH, RDP, Telnet, VNC, WinRM) open to the world, range-aware, -1 included. */
import type { LintRule } from '../types.ts';
import { openPorts } from '../match/rule-traffic.ts';
import { ADMIN_PORTS } from '../match/ports.ts';
import { narrowToVpcFix, worldPortFindings } from './scanner-common.ts';

export const adminPortOpenToWorld: LintRule = {
  id: 'sg-admin-port-world',
  title: 'Admin port open to the world',
  severity: 'critical',
  anchors: [
    'EC2.13',
    'EC2.14',
    'EC2.53',
    'EC2.54',
    'CIS 5.2',
    'CIS 5.3',
    'CKV_AWS_24',
    'CKV_AWS_25',
    'AVD-AWS-0107',
    'Prowler ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22',
    'Prowler ec2_securitygroup_allow_ingress_from_internet_to_port_3389',
  ],
  family: 'scanner',
  check(ctx) {
    return worldPortFindings(this, ctx, {
      portsOf: (x) => openPorts(x.rule.match).intersect(ADMIN_PORTS),
      ladder: ['critical', 'high', 'medium'],
      risk: 'Remote administration open to the Internet is scanned within minutes and brute-forced or exploited; one weak credential gives a shell.',
      fix: 'Admit administration only from a bastion group, a VPN or an office CIDR, or use Session Manager and remove the rule.',
      quickFix: narrowToVpcFix,
    });
  },
};
