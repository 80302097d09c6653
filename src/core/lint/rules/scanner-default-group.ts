/**
 * The VPC's default group should restrict all traffic (EC2.2, CIS 5.4): one check for its rules
 * (AWS's own self rule and allow-all egress count, as the anchors count them), one for resources
 * that use it.
 */
import type { LintRule } from '../types.ts';
import { groupTarget, makeFinding, membersOf, quickFix, listNames, resourceTarget } from '../finding.ts';
import { removeRules } from '../../model/commands/rules.ts';

const ANCHORS = ['EC2.2', 'CIS 5.4', 'CKV2_AWS_12', 'AVD-AWS-0173', 'KICS Default Security Groups With Unrestricted Traffic'];

export const defaultGroupHasRules: LintRule = {
  id: 'sg-default-has-rules',
  title: 'Default security group has rules',
  severity: 'low',
  anchors: ANCHORS,
  family: 'scanner',
  check(ctx) {
    const d = ctx.design;
    return Object.values(d.securityGroups).flatMap((g) => {
      if (!g.isDefault || g.ingress.length + g.egress.length === 0) return [];
      const members = membersOf(d, g.id);
      const vpc = d.vpcs[g.vpcId]?.name ?? g.vpcId;
      return [
        makeFinding(this, {
          ids: [g.id],
          severity: members.length > 0 ? 'medium' : 'low',
          message: `Default group of VPC ${vpc} has ${g.ingress.length} inbound and ${g.egress.length} outbound rules${members.length ? `, used by ${listNames(members.map((m) => m.name))}` : ''}`,
          risk: 'Anything launched without an explicit group lands in the default group and silently gets its access.',
          fix: 'Remove every inbound and outbound rule of the default group and give resources dedicated groups.',
          targets: [groupTarget(g.id)],
          resourceIds: members.map((m) => m.id),
          // Only offered when nothing uses the group: emptying it would cut its members off.
          ...(members.length === 0
            ? {
                quickFix: quickFix('Remove all rules of the default group', (d1) => {
                  const cur = d1.securityGroups[g.id];
                  if (!cur) return removeRules(d1, g.id, 'ingress', []);
                  const a = removeRules(d1, g.id, 'ingress', cur.ingress.map((r) => r.id));
                  return a.ok ? removeRules(a.value, g.id, 'egress', cur.egress.map((r) => r.id)) : a;
                }),
              }
            : {}),
        }),
      ];
    });
  },
};

export const defaultGroupInUse: LintRule = {
  id: 'sg-default-in-use',
  title: 'Default security group in use',
  severity: 'medium',
  anchors: ANCHORS,
  family: 'scanner',
  check(ctx) {
    const d = ctx.design;
    return Object.values(d.securityGroups).flatMap((g) => {
      if (!g.isDefault) return [];
      const members = membersOf(d, g.id);
      if (members.length === 0) return [];
      const vpc = d.vpcs[g.vpcId]?.name ?? g.vpcId;
      return [
        makeFinding(this, {
          ids: [g.id],
          message: `${listNames(members.map((m) => m.name))} use${members.length === 1 ? 's' : ''} the default group of VPC ${vpc}`,
          risk: 'Resources in the default group share its access with anything else launched without a group, and its rules cannot be tailored to one role.',
          fix: 'Create a dedicated group for each role, attach it, detach the default group, then remove the default group\'s rules.',
          targets: [groupTarget(g.id), ...members.map((m) => resourceTarget(m.id))],
          resourceIds: members.map((m) => m.id),
        }),
      ];
    });
  },
};
