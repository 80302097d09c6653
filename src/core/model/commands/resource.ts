/** Commands on resources: place one in subnets, move it, rename it, give or take its public address, remove it. */
import type { Design, Eni, InstanceRole, Listener, Platform, Resource, ResourceKind, TargetGroup } from '../types.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import type { ModelError } from '../errors.ts';
import { modelError } from '../errors.ts';
import { textIssue } from '../naming.ts';
import { nextFreeAddress, nextPublicAddress } from '../addressing.ts';
import type { CommandResult } from './common.ts';
import { allEniIds, drop, find, newChildId, newId, put } from './common.ts';
import { MAX_GROUPS_PER_ENI } from './security-group.ts';
import { withoutTargets } from './subnet.ts';
import { withoutLayout } from './vpc.ts';

export interface AddResourceArgs {
  id?: string;
  kind: ResourceKind;
  name: string;
  /** One subnet for an instance; two or more (different AZs) for a load balancer; the subnet group for a database. */
  subnetIds: string[];
  securityGroupIds: string[];
  publicIp?: boolean;
  role?: InstanceRole;
  platform?: Platform;
  count?: number;
  scheme?: 'internet-facing' | 'internal';
  listeners?: Listener[];
  targetGroups?: TargetGroup[];
  engine?: string;
  port?: number;
  publiclyAccessible?: boolean;
}

const DEFAULT_DB_PORTS: Record<string, number> = { postgres: 5432, mysql: 3306, mariadb: 3306, aurora: 3306, 'aurora-mysql': 3306, 'aurora-postgresql': 5432, 'sqlserver-se': 1433, 'oracle-se2': 1521 };

/** Places a new resource with one network interface per subnet (a database: in the first subnet of its group). */
export function addResource(d: Design, args: AddResourceArgs): CommandResult {
  const bad = textIssue(args.name, 'name', 'name');
  if (bad) return err(bad);
  if (args.subnetIds.length === 0) return err(modelError('resources/no-subnet', `${args.name} needs a subnet.`, { path: 'subnetIds' }));
  const subnets = [];
  for (const s of args.subnetIds) {
    const found = find(d, 'subnets', s);
    if (!found.ok) return found;
    subnets.push(found.value);
  }
  const vpcs = new Set(subnets.map((s) => s.vpcId));
  if (vpcs.size > 1) return err(modelError('resources/several-vpcs', `${args.name}'s subnets lie in different VPCs; a resource lives in one VPC.`, { path: 'subnetIds' }));
  const groups = groupsIssue(d, args.name, args.securityGroupIds, subnets[0]!.vpcId);
  if (groups) return err(groups);
  if (args.kind === 'load-balancer' && new Set(subnets.map((s) => s.availabilityZone)).size < 2) {
    return err(modelError('resources/alb-azs', `A load balancer needs subnets in at least two Availability Zones.`, { path: 'subnetIds' }));
  }
  const id = args.id ?? newId(d, 'resources');
  if (d.resources[id]) return err(modelError('resources/duplicate', `A resource with id ${id} already exists.`, { subject: id }));

  const eniSubnets = args.kind === 'database' ? subnets.slice(0, 1) : subnets;
  const enis = makeEnis(d, eniSubnets.map((s) => s.id), args);
  if (!enis.ok) return enis;
  const base = { id, name: args.name, enis: enis.value };
  const role = args.role ?? 'other';
  const platform = args.platform ?? 'linux';
  let resource: Resource;
  switch (args.kind) {
    case 'instance':
      resource = { ...base, kind: 'instance', role, platform };
      break;
    case 'instance-group':
      resource = { ...base, kind: 'instance-group', role, platform, count: args.count ?? 2 };
      break;
    case 'load-balancer':
      resource = { ...base, kind: 'load-balancer', scheme: args.scheme ?? 'internet-facing', listeners: args.listeners ?? [], targetGroups: args.targetGroups ?? [] };
      break;
    case 'database': {
      const engine = args.engine ?? 'postgres';
      resource = { ...base, kind: 'database', engine, port: args.port ?? DEFAULT_DB_PORTS[engine] ?? 5432, publiclyAccessible: args.publiclyAccessible ?? false, subnetIds: args.subnetIds };
      break;
    }
    case 'lambda':
      resource = { ...base, kind: 'lambda' };
      break;
  }
  return ok(put(d, 'resources', resource));
}

function groupsIssue(d: Design, name: string, groupIds: string[], vpcId: string): ModelError | undefined {
  if (groupIds.length === 0) return modelError('eni/needs-a-group', `${name} needs at least one security group.`, { path: 'securityGroupIds' });
  if (groupIds.length > MAX_GROUPS_PER_ENI) {
    return modelError('eni/too-many-groups', `${name} has ${groupIds.length} security groups; AWS allows ${MAX_GROUPS_PER_ENI} per network interface.`, { path: 'securityGroupIds' });
  }
  for (const g of groupIds) {
    const group = d.securityGroups[g];
    if (!group) return modelError('securityGroups/not-found', `There is no security group "${g}" in the design.`, { path: 'securityGroupIds' });
    if (group.vpcId !== vpcId) return modelError('securityGroups/wrong-vpc', `Security group ${group.name} belongs to another VPC than ${name}'s subnet.`, { path: 'securityGroupIds' });
  }
  return undefined;
}

function makeEnis(d: Design, subnetIds: string[], args: AddResourceArgs): Result<Eni[], ModelError> {
  const takenIds = new Set(allEniIds(d));
  const takenIps = new Set<string>();
  const enis: Eni[] = [];
  // Lambda never has a public address; a database has one only when publicly accessible.
  const wantsPublic = args.kind === 'lambda' ? false : args.kind === 'database' ? !!args.publiclyAccessible : args.kind === 'load-balancer' ? args.scheme !== 'internal' : !!args.publicIp;
  const takenPublic = new Set<string>();
  for (const subnetId of subnetIds) {
    const subnet = d.subnets[subnetId]!;
    const ip = nextFreeAddress(d, subnet, takenIps);
    if (!ip) return err(modelError('subnets/full', `Subnet ${subnet.name} (${subnet.cidr}) has no free address left.`, { subject: subnetId }));
    takenIps.add(ip);
    const id = newChildId('eni', takenIds);
    takenIds.add(id);
    const eni: Eni = { id, subnetId, privateIps: [ip], ipv6Ips: [], securityGroupIds: [...args.securityGroupIds] };
    if (wantsPublic) {
      const publicIp = nextPublicAddress(d, takenPublic);
      if (!publicIp) return err(modelError('resources/no-public-address', 'The design has used every public address it can draw.'));
      takenPublic.add(publicIp);
      eni.publicIp = publicIp;
    }
    enis.push(eni);
  }
  return ok(enis);
}

/** Renames a resource. */
export function renameResource(d: Design, resourceId: string, name: string): CommandResult {
  const resource = find(d, 'resources', resourceId);
  if (!resource.ok) return resource;
  const bad = textIssue(name, 'name', 'name');
  if (bad) return err(bad);
  return ok(put(d, 'resources', { ...resource.value, name }));
}

/**
 * Moves a single-subnet resource (instance, instance group, database) into another subnet of the
 * same VPC: its interface takes a free address there. Groups stay, so the move is refused across VPCs.
 */
export function moveResource(d: Design, resourceId: string, subnetId: string): CommandResult {
  const resource = find(d, 'resources', resourceId);
  if (!resource.ok) return resource;
  const target = find(d, 'subnets', subnetId);
  if (!target.ok) return target;
  const r = resource.value;
  if (r.enis.length !== 1) {
    return err(modelError('resources/move-multi-subnet', `${r.name} spans ${r.enis.length} subnets; change its subnets instead of moving it.`, { subject: resourceId }));
  }
  const eni = r.enis[0]!;
  if (eni.subnetId === subnetId) return ok(d);
  const from = d.subnets[eni.subnetId];
  if (from && from.vpcId !== target.value.vpcId) {
    return err(
      modelError('resources/move-across-vpcs', `${r.name} cannot move to ${target.value.name}: it is in another VPC, and security groups belong to one VPC.`, { subject: resourceId }),
    );
  }
  const ip = nextFreeAddress(d, target.value);
  if (!ip) return err(modelError('subnets/full', `Subnet ${target.value.name} (${target.value.cidr}) has no free address left.`, { subject: subnetId }));
  const moved: Eni = { ...eni, subnetId, privateIps: [ip], ipv6Ips: [] };
  const next: Resource =
    r.kind === 'database' ? { ...r, enis: [moved], subnetIds: r.subnetIds.includes(subnetId) ? r.subnetIds : [subnetId, ...r.subnetIds.filter((s) => s !== eni.subnetId)] } : { ...r, enis: [moved] };
  return ok(put(d, 'resources', next));
}

/** Gives a resource's interfaces a public address, or takes it away. Lambda functions never get one. */
export function setPublicAddress(d: Design, resourceId: string, wanted: boolean): CommandResult {
  const resource = find(d, 'resources', resourceId);
  if (!resource.ok) return resource;
  const r = resource.value;
  if (wanted && r.kind === 'lambda') return err(modelError('resources/lambda-public', 'A Lambda function never has a public address; give it a route to a NAT gateway instead.', { subject: resourceId }));
  const takenPublic = new Set<string>();
  const enis: Eni[] = [];
  for (const e of r.enis) {
    if (!wanted) {
      const { publicIp: _gone, ...rest } = e;
      enis.push(rest);
    } else if (e.publicIp) {
      enis.push(e);
    } else {
      const publicIp = nextPublicAddress(d, takenPublic);
      if (!publicIp) return err(modelError('resources/no-public-address', 'The design has used every public address it can draw.'));
      takenPublic.add(publicIp);
      enis.push({ ...e, publicIp });
    }
  }
  const updated = r.kind === 'database' ? { ...r, enis, publiclyAccessible: wanted } : { ...r, enis };
  return ok(put(d, 'resources', updated as Resource));
}

/** Removes resources, their targets in load balancers, and their layout. */
export function removeResources(d: Design, resourceIds: string[]): CommandResult {
  for (const id of resourceIds) {
    const found = find(d, 'resources', id);
    if (!found.ok) return found;
  }
  return ok(withoutLayout(withoutTargets(drop(d, 'resources', resourceIds), resourceIds), resourceIds));
}

/** Replaces a resource's kind-specific settings (listeners, engine, count…) after checking them. */
export function updateResource(d: Design, resourceId: string, patch: Partial<Resource>): CommandResult {
  const resource = find(d, 'resources', resourceId);
  if (!resource.ok) return resource;
  if (patch.kind && patch.kind !== resource.value.kind) return err(modelError('resources/kind', 'A resource cannot change its kind.', { subject: resourceId }));
  if ('enis' in patch || 'id' in patch) return err(modelError('resources/patch', 'Change interfaces with moveResource, attachGroup or setPublicAddress.', { subject: resourceId }));
  const next = { ...resource.value, ...patch } as Resource;
  if (patch.name !== undefined) {
    const bad = textIssue(patch.name, 'name', 'name');
    if (bad) return err(bad);
  }
  if (next.kind === 'load-balancer') {
    const tgs = new Set(next.targetGroups.map((t) => t.id));
    const orphan = next.listeners.find((l) => !tgs.has(l.targetGroupId));
    if (orphan) return err(modelError('resources/listener-target-group', `Listener ${orphan.protocol} ${orphan.port} forwards to a target group the load balancer does not have.`));
    const missing = next.targetGroups.flatMap((t) => t.targets).find((t) => !d.resources[t.resourceId]);
    if (missing) return err(modelError('resources/not-found', `Target ${missing.resourceId} is not in the design.`));
  }
  if (next.kind === 'instance-group' && (!Number.isInteger(next.count) || next.count < 1)) {
    return err(modelError('resources/count', 'An instance group needs at least one instance.', { path: 'count' }));
  }
  return ok(put(d, 'resources', next));
}
