/**
 * Remote administration (SSH, RDP, Telnet, VNC, WinRM) open to the world, range-aware, -1 included.
 *
 * Quick fix: when a bastion host's security group sits in the same VPC, the world source becomes
 * a reference to that group (administration through the bastion, which is what the fix text
 * asks for); otherwise the rule goes. Narrowing to the VPC CIDR, the fix this used to offer, kept
 * the admin port open to every host of the VPC, which is the bypass design-admin-bypasses-bastion
 * reports.
 */
import type { Design } from '../../model/types.ts';
import { removeRules, updateRule } from '../../model/commands/rules.ts';
import { sameMatch } from '../../model/match-check.ts';
import type { LintRule, QuickFix } from '../types.ts';
import { quickFix, type GroupRule } from '../finding.ts';
import { openPorts } from '../match/rule-traffic.ts';
import { ADMIN_PORTS } from '../match/ports.ts';
import { removeRuleFix, worldPortFindings } from './scanner-common.ts';
import { designTierOf } from './design-support.ts';

/**
 * The security group of the design's first bastion host (design order) in the rule's VPC, other
 * than the rule's own group: a group a bastion-tier resource carries.
 */
export function bastionGroupFor(d: Design, x: GroupRule): string | undefined {
  for (const r of Object.values(d.resources)) {
    if (designTierOf(d, r) !== 'bastion') continue;
    for (const gid of r.enis.flatMap((e) => e.securityGroupIds)) {
      const g = d.securityGroups[gid];
      if (g && g.id !== x.group.id && g.vpcId === x.group.vpcId) return g.id;
    }
  }
  return undefined;
}

/** Quick fix: admit the bastion's group instead of the world, or remove the rule when there is no bastion. */
export function bastionOrRemoveFix(d0: Design, x: GroupRule): QuickFix {
  const bastion = bastionGroupFor(d0, x);
  if (!bastion) return removeRuleFix(x);
  const name = d0.securityGroups[bastion]!.name;
  const world = x.rule.peer.kind === 'cidr' ? x.rule.peer.cidr : 'the world';
  return quickFix(`Replace ${world} with the bastion group ${name}`, (d) => {
    const peer = { kind: 'security-group' as const, groupId: bastion };
    const group = d.securityGroups[x.group.id];
    const dup = group?.[x.direction].some((r) => r.id !== x.rule.id && r.peer.kind === 'security-group' && r.peer.groupId === bastion && sameMatch(r.match, x.rule.match));
    if (dup) return removeRules(d, x.group.id, x.direction, [x.rule.id]);
    return updateRule(d, x.group.id, x.direction, x.rule.id, { match: x.rule.match, peer, description: `From the bastion group ${name} (was ${world})` });
  });
}

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
      quickFix: bastionOrRemoveFix,
    });
  },
};
