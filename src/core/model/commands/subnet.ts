/** Commands on subnets: add inside a VPC's space, rename, associate tables and ACLs, remove with contents. */
import type { Design, Subnet } from '../types.ts';
import { err, ok } from '../result.ts';
import { modelError } from '../errors.ts';
import { cidrIssue } from '../cidr-check.ts';
import { textIssue } from '../naming.ts';
import { cidrContainsCidr, cidrsOverlap, parseCidrCached } from '../../net/index.ts';
import type { CommandResult } from './common.ts';
import { drop, find, newId, put } from './common.ts';

export interface AddSubnetArgs {
  id?: string;
  vpcId: string;
  name: string;
  cidr: string;
  availabilityZone: string;
  ipv6Cidr?: string;
  routeTableId?: string;
  networkAclId?: string;
}

/** Adds a subnet whose CIDR lies inside the VPC and overlaps no other subnet, as AWS requires. */
export function addSubnet(d: Design, args: AddSubnetArgs): CommandResult {
  const vpc = find(d, 'vpcs', args.vpcId);
  if (!vpc.ok) return vpc;
  const bad = textIssue(args.name, 'name', 'name') ?? cidrIssue(args.cidr, 4, 'cidr') ?? (args.ipv6Cidr ? cidrIssue(args.ipv6Cidr, 6, 'ipv6Cidr') : undefined);
  if (bad) return err(bad);
  const cidr = parseCidrCached(args.cidr);
  if (!cidr.ok) return err(modelError(cidr.error.code, cidr.error.message, { path: 'cidr' }));
  const inside = vpc.value.cidrs.some((c) => {
    const v = parseCidrCached(c);
    return v.ok && cidrContainsCidr(v.value, cidr.value);
  });
  if (!inside) {
    return err(modelError('subnets/outside-vpc', `${args.cidr} is not inside ${vpc.value.name}'s ${vpc.value.cidrs.join(', ')}.`, { path: 'cidr' }));
  }
  const prefix = cidr.value.prefix;
  if (prefix < 16 || prefix > 28) {
    return err(modelError('subnets/size', `A subnet must be between /16 and /28; ${args.cidr} is /${prefix}.`, { path: 'cidr' }));
  }
  const clash = Object.values(d.subnets).find((s) => {
    if (s.vpcId !== args.vpcId) return false;
    const other = parseCidrCached(s.cidr);
    return other.ok && cidrsOverlap(other.value, cidr.value);
  });
  if (clash) return err(modelError('subnets/overlap', `${args.cidr} overlaps subnet ${clash.name} (${clash.cidr}).`, { path: 'cidr' }));
  for (const [key, collection] of [['routeTableId', 'routeTables'], ['networkAclId', 'networkAcls']] as const) {
    const ref = args[key];
    if (ref) {
      const found = find(d, collection, ref);
      if (!found.ok) return found;
      if (found.value.vpcId !== args.vpcId) return err(modelError(`subnets/${key}-vpc`, `${found.value.name} belongs to another VPC.`, { path: key }));
    }
  }
  const id = args.id ?? newId(d, 'subnets');
  if (d.subnets[id]) return err(modelError('subnets/duplicate', `A subnet with id ${id} already exists.`, { subject: id }));
  const subnet: Subnet = { id, name: args.name, vpcId: args.vpcId, availabilityZone: args.availabilityZone, cidr: args.cidr };
  if (args.ipv6Cidr) subnet.ipv6Cidr = args.ipv6Cidr;
  if (args.routeTableId) subnet.routeTableId = args.routeTableId;
  if (args.networkAclId) subnet.networkAclId = args.networkAclId;
  return ok(put(d, 'subnets', subnet));
}

/** Renames a subnet. */
export function renameSubnet(d: Design, subnetId: string, name: string): CommandResult {
  const subnet = find(d, 'subnets', subnetId);
  if (!subnet.ok) return subnet;
  const bad = textIssue(name, 'name', 'name');
  if (bad) return err(bad);
  return ok(put(d, 'subnets', { ...subnet.value, name }));
}

/** Associates a route table with a subnet; `undefined` returns it to the VPC's main table. */
export function associateRouteTable(d: Design, subnetId: string, routeTableId: string | undefined): CommandResult {
  const subnet = find(d, 'subnets', subnetId);
  if (!subnet.ok) return subnet;
  const { routeTableId: _old, ...rest } = subnet.value;
  if (routeTableId === undefined) return ok(put(d, 'subnets', rest));
  const table = find(d, 'routeTables', routeTableId);
  if (!table.ok) return table;
  if (table.value.vpcId !== subnet.value.vpcId) return err(modelError('subnets/routeTableId-vpc', `${table.value.name} belongs to another VPC than ${subnet.value.name}.`));
  return ok(put(d, 'subnets', { ...rest, routeTableId }));
}

/** Associates a network ACL with a subnet; `undefined` returns it to the VPC's default ACL. */
export function associateNetworkAcl(d: Design, subnetId: string, networkAclId: string | undefined): CommandResult {
  const subnet = find(d, 'subnets', subnetId);
  if (!subnet.ok) return subnet;
  const { networkAclId: _old, ...rest } = subnet.value;
  if (networkAclId === undefined) return ok(put(d, 'subnets', rest));
  const acl = find(d, 'networkAcls', networkAclId);
  if (!acl.ok) return acl;
  if (acl.value.vpcId !== subnet.value.vpcId) return err(modelError('subnets/networkAclId-vpc', `${acl.value.name} belongs to another VPC than ${subnet.value.name}.`));
  return ok(put(d, 'subnets', { ...rest, networkAclId }));
}

/** What lives in a subnet: resources with an ENI there (or a DB subnet group entry) and NAT gateways. */
export function subnetContents(d: Design, subnetId: string): { resources: string[]; natGateways: string[] } {
  return {
    resources: Object.values(d.resources)
      .filter((r) => r.enis.some((e) => e.subnetId === subnetId) || (r.kind === 'database' && r.subnetIds.includes(subnetId)))
      .map((r) => r.id),
    natGateways: Object.values(d.natGateways).filter((n) => n.subnetId === subnetId).map((n) => n.id),
  };
}

/**
 * Removes a subnet. Resources wholly inside it go with it; a resource spanning several subnets
 * (load balancer, Lambda, DB subnet group) only loses its interface there.
 */
export function removeSubnet(d: Design, subnetId: string): CommandResult {
  const subnet = find(d, 'subnets', subnetId);
  if (!subnet.ok) return subnet;
  const contents = subnetContents(d, subnetId);
  let next = d;
  const gone: string[] = [];
  for (const id of contents.resources) {
    const r = d.resources[id]!;
    const enis = r.enis.filter((e) => e.subnetId !== subnetId);
    if (enis.length === 0) {
      gone.push(id);
      continue;
    }
    const updated = r.kind === 'database' ? { ...r, enis, subnetIds: r.subnetIds.filter((s) => s !== subnetId) } : { ...r, enis };
    next = put(next, 'resources', updated);
  }
  next = drop(next, 'resources', gone);
  next = withoutTargets(next, gone);
  next = drop(next, 'natGateways', contents.natGateways);
  next = drop(next, 'subnets', [subnetId]);
  const layout = { ...next.layout };
  for (const id of [subnetId, ...gone, ...contents.natGateways]) delete layout[id];
  return ok({ ...next, layout });
}

/** Removes deleted resources from every load balancer's target groups. */
export function withoutTargets(d: Design, resourceIds: string[]): Design {
  if (resourceIds.length === 0) return d;
  const gone = new Set(resourceIds);
  let next = d;
  for (const r of Object.values(d.resources)) {
    if (r.kind !== 'load-balancer' || !r.targetGroups.some((tg) => tg.targets.some((t) => gone.has(t.resourceId)))) continue;
    next = put(next, 'resources', {
      ...r,
      targetGroups: r.targetGroups.map((tg) => ({ ...tg, targets: tg.targets.filter((t) => !gone.has(t.resourceId)) })),
    });
  }
  return next;
}
