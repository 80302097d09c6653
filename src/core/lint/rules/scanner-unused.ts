/**
 * Unused security groups (on no interface and referenced by no rule; the default group is never
 * unused, AWS keeps it) and unused network ACLs (associated with no subnet; a VPC's default ACL
 * serves every subnet without an explicit association).
 */
import type { LintRule } from '../types.ts';
import { aclTarget, groupTarget, makeFinding, membersOf } from '../finding.ts';
import { quickFix } from '../finding.ts';
import { removeSecurityGroup } from '../../model/commands/security-group.ts';
import { removeNetworkAcl } from '../../model/commands/table-removal.ts';
import { subnetsUsingAcl } from '../match/nacl.ts';

export const unusedSecurityGroup: LintRule = {
  id: 'sg-unused',
  title: 'Unused security group',
  severity: 'low',
  anchors: ['Prowler ec2_securitygroup_not_used', 'EC2.22', 'CKV2_AWS_5', 'ScoutSuite ec2-security-group-unused'],
  family: 'scanner',
  check(ctx) {
    const d = ctx.design;
    const referenced = new Set(
      Object.values(d.securityGroups).flatMap((g) => [...g.ingress, ...g.egress].flatMap((r) => (r.peer.kind === 'security-group' && r.peer.groupId !== g.id ? [r.peer.groupId] : []))),
    );
    return Object.values(d.securityGroups).flatMap((g) => {
      if (g.isDefault || referenced.has(g.id) || membersOf(d, g.id).length > 0) return [];
      return [
        makeFinding(this, {
          ids: [g.id],
          message: `${g.name} is attached to no interface and referenced by no rule`,
          risk: 'Unused groups clutter reviews and get attached later by mistake, carrying rules nobody checked.',
          fix: `Delete ${g.name}.`,
          targets: [groupTarget(g.id)],
          quickFix: quickFix(`Delete ${g.name}`, (d1) => removeSecurityGroup(d1, g.id)),
        }),
      ];
    });
  },
};

export const unusedNetworkAcl: LintRule = {
  id: 'nacl-unused',
  title: 'Unused network ACL',
  severity: 'low',
  anchors: ['EC2.16', 'CKV2_AWS_1', 'Prowler ec2_networkacl_unused', 'ScoutSuite vpc-network-acl-not-used'],
  family: 'scanner',
  check(ctx) {
    const d = ctx.design;
    return Object.values(d.networkAcls).flatMap((acl) => {
      if (subnetsUsingAcl(d, acl.id).length > 0) return [];
      const isDefault = acl.isDefault || d.vpcs[acl.vpcId]?.defaultNetworkAclId === acl.id;
      return [
        makeFinding(this, {
          ids: [acl.id],
          message: `Network ACL ${acl.name} is associated with no subnet`,
          risk: 'An unused ACL is dead configuration: it misleads reviews and may be associated later with rules nobody checked.',
          fix: isDefault ? 'The default ACL cannot be deleted; leave it empty of custom rules.' : `Delete ${acl.name}.`,
          targets: [aclTarget(acl.id)],
          ...(isDefault ? {} : { quickFix: quickFix(`Delete ${acl.name}`, (d1) => removeNetworkAcl(d1, acl.id)) }),
        }),
      ];
    });
  },
};
