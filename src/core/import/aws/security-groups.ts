/**
 * describe-security-groups (IpPermissions / IpPermissionsEgress split one peer per rule) and the
 * flat describe-security-group-rules, which, when given for a group, replaces its IpPermissions
 * rules: those carry AWS's own rule ids.
 */
import type { SecurityGroup, SecurityGroupRule } from '../../model/types.ts';
import type { Cursor } from './cursor.ts';
import type { ImportContext } from './context.ts';
import { flatRule, splitPermissions } from './security-group-rules.ts';
import { clipText, readTags } from './tags.ts';

/** Stand-in VPC id for groups without one (EC2-Classic output). */
export const EC2_CLASSIC_VPC = 'ec2-classic';

/** Imports describe-security-groups, then lets describe-security-group-rules replace the rules of the groups it covers. */
export function importSecurityGroups(items: Cursor[], flat: Cursor[], ctx: ImportContext): void {
  let classic = 0;
  for (const item of items) {
    const id = item.id('GroupId');
    const ownerId = item.str('OwnerId');
    const groupName = item.str('GroupName')?.trim();
    const tags = readTags(item, ctx);
    let vpcId = item.optionalId('VpcId');
    if (!vpcId) {
      vpcId = EC2_CLASSIC_VPC;
      classic++;
    }
    const owner = { groupId: id, ownerId };
    const group: SecurityGroup = {
      id,
      // The group name, not the Name tag: it is the group's identity in AWS and in every export.
      name: clipText(groupName || tags?.Name?.trim() || id, ctx, item.at('GroupName'), 'group name'),
      description: clipText(item.str('Description') ?? '', ctx, item.at('Description'), 'description'),
      vpcId,
      isDefault: groupName === 'default',
      ingress: splitPermissions(item.objects('IpPermissions'), 'ingress', owner, ctx),
      egress: splitPermissions(item.objects('IpPermissionsEgress'), 'egress', owner, ctx),
      ...(ownerId ? { ownerId } : {}),
      ...(tags ? { tags } : {}),
    };
    ctx.put('securityGroups', ctx.securityGroups, id, group, item);
  }
  if (classic > 0) {
    ctx.warn(
      'import/ec2-classic',
      `${classic} security group${classic === 1 ? ' has' : 's have'} no VpcId (EC2-Classic output); they were placed in a stand-in VPC "${EC2_CLASSIC_VPC}".`,
    );
  }
  importFlatRules(flat, ctx);
}

function importFlatRules(items: Cursor[], ctx: ImportContext): void {
  const byGroup = new Map<string, { ingress: SecurityGroupRule[]; egress: SecurityGroupRule[] }>();
  const unknown = new Set<string>();
  for (const item of items) {
    const groupId = item.id('GroupId');
    const group = ctx.securityGroups.get(groupId);
    if (!group) {
      if (!unknown.has(groupId)) {
        ctx.warn('import/unknown-group', `rules of security group ${groupId}, which describe-security-groups does not list, were left out.`, item, groupId);
      }
      unknown.add(groupId);
      continue;
    }
    const read = flatRule(item, { groupId, ownerId: item.str('GroupOwnerId') ?? group.ownerId }, ctx);
    if (!read) continue;
    const rules = byGroup.get(groupId) ?? { ingress: [], egress: [] };
    if (!rules[read.direction].some((r) => r.id === read.rule.id)) rules[read.direction].push(read.rule);
    byGroup.set(groupId, rules);
  }
  for (const [groupId, rules] of byGroup) {
    const group = ctx.securityGroups.get(groupId)!;
    group.ingress = rules.ingress;
    group.egress = rules.egress;
  }
}
