/** Commands on security groups as wholes: create, rename, describe, delete, attach to and detach from resources. */
import type { Design, Resource, SecurityGroup } from '../types.ts';
import { err, ok } from '../result.ts';
import { modelError } from '../errors.ts';
import { groupNameIssue, textIssue } from '../naming.ts';
import { defaultEgress } from '../defaults.ts';
import type { CommandResult } from './common.ts';
import { drop, find, newId, put } from './common.ts';

/** AWS's default quota of groups per network interface (adjustable to 16; edits hold to the default). */
export const MAX_GROUPS_PER_ENI = 5;

export interface AddSecurityGroupArgs {
  id?: string;
  vpcId: string;
  name: string;
  description?: string;
}

/** Creates a group as AWS does: no inbound rules, allow-all outbound. */
export function addSecurityGroup(d: Design, args: AddSecurityGroupArgs): CommandResult {
  const vpc = find(d, 'vpcs', args.vpcId);
  if (!vpc.ok) return vpc;
  const description = args.description ?? args.name;
  const bad = groupNameIssue(args.name, 'name') ?? textIssue(description, 'description', 'description');
  if (bad) return err(bad);
  if (Object.values(d.securityGroups).some((g) => g.vpcId === args.vpcId && g.name === args.name)) {
    return err(modelError('securityGroups/duplicate-name', `VPC ${vpc.value.name} already has a security group named "${args.name}".`, { path: 'name' }));
  }
  const id = args.id ?? newId(d, 'securityGroups');
  if (d.securityGroups[id]) return err(modelError('securityGroups/duplicate', `A security group with id ${id} already exists.`, { subject: id }));
  const group: SecurityGroup = {
    id,
    name: args.name,
    description,
    vpcId: args.vpcId,
    isDefault: false,
    ingress: [],
    egress: defaultEgress(id, vpc.value.ipv6Cidrs.length > 0),
  };
  return ok(put(d, 'securityGroups', group));
}

/** Renames a group (AWS cannot rename; the export recreates it, the design just follows the name). */
export function renameSecurityGroup(d: Design, groupId: string, name: string): CommandResult {
  const group = find(d, 'securityGroups', groupId);
  if (!group.ok) return group;
  if (group.value.isDefault) return err(modelError('securityGroups/default-immutable', 'The default security group cannot be renamed.', { subject: groupId }));
  const bad = groupNameIssue(name, 'name');
  if (bad) return err(bad);
  if (Object.values(d.securityGroups).some((g) => g.id !== groupId && g.vpcId === group.value.vpcId && g.name === name)) {
    return err(modelError('securityGroups/duplicate-name', `This VPC already has a security group named "${name}".`, { path: 'name' }));
  }
  return ok(put(d, 'securityGroups', { ...group.value, name }));
}

/** Changes a group's description. */
export function describeSecurityGroup(d: Design, groupId: string, description: string): CommandResult {
  const group = find(d, 'securityGroups', groupId);
  if (!group.ok) return group;
  const bad = textIssue(description, 'description', 'description');
  if (bad) return err(bad);
  return ok(put(d, 'securityGroups', { ...group.value, description }));
}

/** Resources with at least one ENI in the group. */
export function groupMembers(d: Design, groupId: string): Resource[] {
  return Object.values(d.resources).filter((r) => r.enis.some((e) => e.securityGroupIds.includes(groupId)));
}

/** Other groups whose rules reference this one. */
export function groupsReferencing(d: Design, groupId: string): SecurityGroup[] {
  return Object.values(d.securityGroups).filter(
    (g) => g.id !== groupId && [...g.ingress, ...g.egress].some((r) => r.peer.kind === 'security-group' && r.peer.groupId === groupId),
  );
}

/**
 * Deletes a group. Like AWS, refuses while members or other groups' rules use it, unless `force`,
 * which detaches it from its members and removes the rules that reference it.
 */
export function removeSecurityGroup(d: Design, groupId: string, options: { force?: boolean } = {}): CommandResult {
  const group = find(d, 'securityGroups', groupId);
  if (!group.ok) return group;
  if (group.value.isDefault) return err(modelError('securityGroups/default-immutable', 'The default security group of a VPC cannot be deleted.', { subject: groupId }));
  const members = groupMembers(d, groupId);
  const referencing = groupsReferencing(d, groupId);
  if (!options.force && (members.length > 0 || referencing.length > 0)) {
    const parts = [
      members.length ? `attached to ${members.map((m) => m.name).join(', ')}` : '',
      referencing.length ? `referenced by ${referencing.map((g) => g.name).join(', ')}` : '',
    ].filter(Boolean);
    return err(modelError('securityGroups/in-use', `Security group ${group.value.name} is ${parts.join(' and ')}.`, { subject: groupId }));
  }
  for (const m of members) {
    if (m.enis.some((e) => e.securityGroupIds.length === 1 && e.securityGroupIds[0] === groupId)) {
      return err(
        modelError('eni/needs-a-group', `${m.name} has no other security group; attach another before deleting ${group.value.name}.`, { subject: m.id }),
      );
    }
  }
  let next = d;
  for (const m of members) {
    next = put(next, 'resources', { ...m, enis: m.enis.map((e) => ({ ...e, securityGroupIds: e.securityGroupIds.filter((g) => g !== groupId) })) });
  }
  for (const g of referencing) {
    const keep = (r: SecurityGroup['ingress'][number]) => !(r.peer.kind === 'security-group' && r.peer.groupId === groupId);
    next = put(next, 'securityGroups', { ...g, ingress: g.ingress.filter(keep), egress: g.egress.filter(keep) });
  }
  return ok(drop(next, 'securityGroups', [groupId]));
}

/** Attaches a group to every ENI of a resource (or one ENI), within the 5-group quota and the same VPC. */
export function attachGroup(d: Design, resourceId: string, groupId: string, eniId?: string): CommandResult {
  const resource = find(d, 'resources', resourceId);
  if (!resource.ok) return resource;
  const group = find(d, 'securityGroups', groupId);
  if (!group.ok) return group;
  const enis = resource.value.enis.filter((e) => !eniId || e.id === eniId);
  if (enis.length === 0) return err(modelError('eni/not-found', `${resource.value.name} has no network interface ${eniId ?? ''}.`.trim(), { subject: resourceId }));
  for (const eni of enis) {
    const vpcId = d.subnets[eni.subnetId]?.vpcId;
    if (vpcId !== group.value.vpcId) {
      return err(
        modelError('securityGroups/wrong-vpc', `Security group ${group.value.name} belongs to another VPC than ${resource.value.name}; a group only applies in its own VPC.`, {
          subject: groupId,
        }),
      );
    }
    if (!eni.securityGroupIds.includes(groupId) && eni.securityGroupIds.length >= MAX_GROUPS_PER_ENI) {
      return err(
        modelError(
          'eni/too-many-groups',
          `${resource.value.name} already has ${MAX_GROUPS_PER_ENI} security groups, the AWS limit per network interface; detach one before adding ${group.value.name}.`,
          { subject: resourceId },
        ),
      );
    }
  }
  const updated = resource.value.enis.map((e) =>
    enis.includes(e) && !e.securityGroupIds.includes(groupId) ? { ...e, securityGroupIds: [...e.securityGroupIds, groupId] } : e,
  );
  return ok(put(d, 'resources', { ...resource.value, enis: updated } as Resource));
}

/** Detaches a group from a resource's ENIs; an ENI must keep at least one group, as in AWS. */
export function detachGroup(d: Design, resourceId: string, groupId: string): CommandResult {
  const resource = find(d, 'resources', resourceId);
  if (!resource.ok) return resource;
  if (resource.value.enis.some((e) => e.securityGroupIds.length === 1 && e.securityGroupIds[0] === groupId)) {
    return err(modelError('eni/needs-a-group', `${resource.value.name} must keep at least one security group.`, { subject: resourceId }));
  }
  const enis = resource.value.enis.map((e) => ({ ...e, securityGroupIds: e.securityGroupIds.filter((g) => g !== groupId) }));
  return ok(put(d, 'resources', { ...resource.value, enis } as Resource));
}
