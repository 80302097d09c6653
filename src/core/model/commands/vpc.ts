/** Commands on VPCs: create one as AWS does (with its main table, default ACL and default group), rename, remove. */
import type { Design, Vpc } from '../types.ts';
import { err, ok } from '../result.ts';
import { modelError } from '../errors.ts';
import { cidrIssue } from '../cidr-check.ts';
import { textIssue } from '../naming.ts';
import { defaultNetworkAcl, defaultSecurityGroup, mainRouteTable } from '../defaults.ts';
import type { CommandResult } from './common.ts';
import { drop, find, newId, put } from './common.ts';
import { subnetContents } from './subnet.ts';

export interface AddVpcArgs {
  id?: string;
  name: string;
  cidr: string;
  ipv6Cidr?: string;
  region?: string;
}

/** Adds a VPC with its main route table, default network ACL and default security group. */
export function addVpc(d: Design, args: AddVpcArgs): CommandResult {
  const bad =
    textIssue(args.name, 'name', 'name') ?? cidrIssue(args.cidr, 4, 'cidr') ?? (args.ipv6Cidr ? cidrIssue(args.ipv6Cidr, 6, 'ipv6Cidr') : undefined);
  if (bad) return err(bad);
  const id = args.id ?? newId(d, 'vpcs');
  if (d.vpcs[id]) return err(modelError('vpcs/duplicate', `A VPC with id ${id} already exists.`, { subject: id }));
  const rtbId = newId(d, 'routeTables');
  const aclId = newId(d, 'networkAcls');
  const sgId = newId(d, 'securityGroups');
  const vpc: Vpc = {
    id,
    name: args.name,
    region: args.region ?? 'us-east-1',
    cidrs: [args.cidr],
    ipv6Cidrs: args.ipv6Cidr ? [args.ipv6Cidr] : [],
    mainRouteTableId: rtbId,
    defaultNetworkAclId: aclId,
  };
  let next = put(d, 'vpcs', vpc);
  next = put(next, 'routeTables', mainRouteTable(vpc, rtbId));
  next = put(next, 'networkAcls', defaultNetworkAcl(vpc, aclId));
  next = put(next, 'securityGroups', defaultSecurityGroup(vpc, sgId));
  return ok(next);
}

/** Renames a VPC. */
export function renameVpc(d: Design, vpcId: string, name: string): CommandResult {
  const vpc = find(d, 'vpcs', vpcId);
  if (!vpc.ok) return vpc;
  const bad = textIssue(name, 'name', 'name');
  if (bad) return err(bad);
  return ok(put(d, 'vpcs', { ...vpc.value, name }));
}

/** Removes a VPC and everything inside it: subnets, their resources, tables, ACLs, groups, gateways. */
export function removeVpc(d: Design, vpcId: string): CommandResult {
  const vpc = find(d, 'vpcs', vpcId);
  if (!vpc.ok) return vpc;
  const subnets = Object.values(d.subnets).filter((s) => s.vpcId === vpcId).map((s) => s.id);
  const contents = subnets.map((s) => subnetContents(d, s));
  let next = drop(d, 'resources', contents.flatMap((c) => c.resources));
  next = drop(next, 'natGateways', contents.flatMap((c) => c.natGateways));
  next = drop(next, 'subnets', subnets);
  next = drop(next, 'routeTables', Object.values(d.routeTables).filter((t) => t.vpcId === vpcId).map((t) => t.id));
  next = drop(next, 'networkAcls', Object.values(d.networkAcls).filter((a) => a.vpcId === vpcId).map((a) => a.id));
  next = drop(next, 'securityGroups', Object.values(d.securityGroups).filter((g) => g.vpcId === vpcId).map((g) => g.id));
  next = drop(next, 'internetGateways', Object.values(d.internetGateways).filter((g) => g.vpcId === vpcId).map((g) => g.id));
  next = drop(
    next,
    'peerings',
    Object.values(d.peerings)
      .filter((p) => p.requester.vpcId === vpcId || p.accepter.vpcId === vpcId)
      .map((p) => p.id),
  );
  next = drop(next, 'vpcs', [vpcId]);
  return ok(withoutLayout(next, [vpcId, ...subnets, ...contents.flatMap((c) => [...c.resources, ...c.natGateways])]));
}

/** Drops layout entries of removed entities so a saved design carries no orphans. */
export function withoutLayout(d: Design, ids: string[]): Design {
  if (!ids.some((id) => Object.hasOwn(d.layout, id))) return d;
  const layout = { ...d.layout };
  for (const id of ids) delete layout[id];
  return { ...d, layout };
}
