/**
 * The VPC's default group should restrict all traffic (EC2.2, CIS 5.4): one check for its rules
 * (AWS's own self rule and allow-all egress count, as the anchors count them), high as Security
 * Hub, Prowler and KICS grade it; one for resources that use it and groups that trust it, medium,
 * high when another group admits the default group (whatever is launched without a group of its
 * own lands in it and inherits that access).
 */
import type { LintRule } from '../types.ts';
import type { Design } from '../../model/types.ts';
import { allGroupRules, groupTarget, makeFinding, membersOf, quickFix, listNames, resourceTarget, ruleTarget, type GroupRule } from '../finding.ts';
import { describeMatch } from '../match/rule-traffic.ts';
import { removeRules } from '../../model/commands/rules.ts';

const ANCHORS = ['EC2.2', 'CIS 5.4', 'CKV2_AWS_12', 'AVD-AWS-0173', 'KICS Default Security Groups With Unrestricted Traffic'];

export const defaultGroupHasRules: LintRule = {
  id: 'sg-default-has-rules',
  title: 'Default security group has rules',
  severity: 'high',
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
          // Who uses the group is sg-default-in-use's message; this one is about the rules alone.
          message: `Default group of VPC ${vpc} has ${g.ingress.length} inbound and ${g.egress.length} outbound rules`,
          risk: 'Anything launched without an explicit group lands in the default group and silently gets its access.',
          fix:
            members.length > 0
              ? 'Move its members to dedicated groups first (emptying it now would cut them off), then remove every inbound and outbound rule of the default group.'
              : 'Remove every inbound and outbound rule of the default group and give resources dedicated groups.',
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

/** Rules of other groups that name the default group as their peer. */
function referencesTo(d: Design, groupId: string): GroupRule[] {
  return allGroupRules(d).filter((x) => x.group.id !== groupId && x.rule.peer.kind === 'security-group' && x.rule.peer.groupId === groupId);
}

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
      const trusted = referencesTo(d, g.id).filter((x) => x.direction === 'ingress');
      if (members.length === 0 && trusted.length === 0) return [];
      const vpc = d.vpcs[g.vpcId]?.name ?? g.vpcId;
      const used = members.length > 0 ? `${listNames(members.map((m) => m.name))} use${members.length === 1 ? 's' : ''} the default group of VPC ${vpc}` : `The default group of VPC ${vpc}`;
      const grants = trusted.map((x) => `${x.group.name} admits it on ${describeMatch(x.rule.match)}`);
      const reached = [...new Set(trusted.flatMap((x) => membersOf(d, x.group.id).map((m) => m.name)))];
      return [
        makeFinding(this, {
          ids: [g.id],
          ...(trusted.length > 0 ? { severity: 'high' as const } : {}),
          message: grants.length > 0 ? `${used}, and ${listNames(grants)}` : used,
          risk:
            trusted.length > 0
              ? `Anything launched without a group of its own lands in the default group and so passes ${listNames(trusted.map((x) => x.group.name))}${reached.length ? ` to ${listNames(reached)}` : ''}, without anyone granting it.`
              : 'Resources in the default group share its access with anything else launched without a group, and its rules cannot be tailored to one role.',
          fix:
            trusted.length > 0
              ? `Create a dedicated group for the resources that need the access, admit that group in ${listNames(trusted.map((x) => x.group.name))} instead of the default group, then detach the default group.`
              : "Create a dedicated group for each role, attach it, detach the default group, then remove the default group's rules.",
          targets: [groupTarget(g.id), ...members.map((m) => resourceTarget(m.id)), ...trusted.map((x) => ruleTarget(x.group.id, x.direction, x.rule.id))],
          resourceIds: members.map((m) => m.id),
        }),
      ];
    });
  },
};
