/**
 * Placing a palette item into a design: picks names, CIDRs, AZs and groups, then runs the model's
 * commands. Pure: `(design, item, target) -> Result<{ design, id }, ModelError>`; refusals say where
 * the item must go instead, and leave the design untouched.
 */
import type { AddResourceArgs, Design, ModelError, Result } from '../../core/model/index.ts';
import {
  addExternalNetwork,
  addInternetGateway,
  addNatGateway,
  addResource,
  addRouteTable,
  addSecurityGroup,
  addSubnet,
  addVpc,
  err,
  isPublicSubnet,
  modelError,
  newId,
  ok,
  setLayout,
  setRoute,
} from '../../core/model/index.ts';
import { nextSubnetCidr, nextVpcCidr, pickAvailabilityZone } from './addressing.ts';
import { paletteItem, type PaletteItemKind } from './catalogue.ts';
import { designGeometry, missingLayout, overlaps, relativePosition, type Point } from './geometry.ts';
import { nextName } from './naming.ts';

/** Where a drop landed (from geometry) or where the keyboard path aims. */
export interface PlacementTarget {
  vpcId?: string;
  subnetId?: string;
}

export interface Placed {
  design: Design;
  /** The entity the item became (the one to select). */
  id: string;
}

type Step = Result<Design, ModelError>;
const refuse = (code: string, message: string): Result<Placed, ModelError> => err(modelError(`placement/${code}`, message));

/** Places an item; `at` is the absolute canvas point of the drop (omit it to take the next free slot). */
export function placeItem(d: Design, kind: PaletteItemKind, target: PlacementTarget, at?: Point): Result<Placed, ModelError> {
  const placed = create(d, kind, target);
  if (!placed.ok) return placed;
  const { design, id } = placed.value;
  const geometry = designGeometry(design);
  const node = geometry.find((n) => n.id === id);
  const layout = missingLayout(design, geometry);
  if (at && node) {
    // A drop that would cover a sibling takes the next free slot instead: no pile-ups.
    const wanted = { ...relativePosition(geometry, node.parentId, node, at), width: node.width, height: node.height };
    const siblings = geometry.filter((n) => n.parentId === node.parentId && n.id !== id);
    if (!siblings.some((s) => overlaps(s, wanted, 8))) layout[id] = { x: wanted.x, y: wanted.y };
  }
  const laidOut = setLayout(design, layout);
  return laidOut.ok ? ok({ design: laidOut.value, id }) : laidOut;
}

function create(d: Design, kind: PaletteItemKind, target: PlacementTarget): Result<Placed, ModelError> {
  const vpcId = target.vpcId ?? (target.subnetId ? d.subnets[target.subnetId]?.vpcId : undefined);
  switch (kind) {
    case 'vpc':
      if (vpcId) return refuse('vpc-in-vpc', `A VPC can't go inside another VPC: drop it on an empty part of the canvas.`);
      return placeVpc(d);
    case 'internet':
    case 'external-network':
      if (vpcId) return refuse('external-in-vpc', `${paletteItem(kind).label} lies outside AWS: drop it on an empty part of the canvas, not inside a VPC.`);
      return placeExternal(d, kind);
    case 'public-subnet':
    case 'private-subnet':
      if (!vpcId) return refuse('subnet-outside-vpc', `A subnet goes inside a VPC: drop it onto a VPC${hasVpc(d) ? '' : ' (add a VPC from the palette first)'}.`);
      return placeSubnet(d, vpcId, kind === 'public-subnet');
    case 'internet-gateway': {
      if (!vpcId) return refuse('igw-outside-vpc', `An internet gateway attaches to a VPC: drop it onto a VPC${hasVpc(d) ? '' : ' (add a VPC first)'}.`);
      const id = newId(d, 'internetGateways');
      return withId(addInternetGateway(d, { id, vpcId, name: nextName(names(d.internetGateways), 'igw') }), id);
    }
    default:
      if (!target.subnetId) return refuse('outside-subnet', outsideSubnetMessage(d, kind));
      return placeInSubnet(d, kind, target.subnetId);
  }
}

const hasVpc = (d: Design) => Object.keys(d.vpcs).length > 0;
const names = (records: Record<string, { name: string }>) => Object.values(records).map((r) => r.name);
const withId = (step: Step, id: string): Result<Placed, ModelError> => (step.ok ? ok({ design: step.value, id }) : step);

function outsideSubnetMessage(d: Design, kind: PaletteItemKind): string {
  const label = paletteItem(kind).label;
  const where = kind === 'database' ? 'a private subnet' : kind === 'nat-gateway' || kind === 'load-balancer' || kind === 'bastion' ? 'a public subnet' : 'a subnet';
  const setup = !hasVpc(d) ? ' (add a VPC and a subnet from the palette first)' : Object.keys(d.subnets).length === 0 ? ' (add a subnet to your VPC first)' : '';
  const article = /^([AEIOU]|RDS)/.test(label) ? 'An' : 'A';
  return `${article} ${label} goes inside a subnet: drop it onto ${where}${setup}.`;
}

function placeVpc(d: Design): Result<Placed, ModelError> {
  const cidr = nextVpcCidr(d);
  if (!cidr) return refuse('no-vpc-cidr', 'Every 10.x.0.0/16 range is taken by a VPC already.');
  const id = newId(d, 'vpcs');
  return withId(addVpc(d, { id, name: nextName(names(d.vpcs), 'vpc'), cidr, region: 'us-east-1' }), id);
}

function placeExternal(d: Design, kind: 'internet' | 'external-network'): Result<Placed, ModelError> {
  const id = newId(d, 'externalNetworks');
  if (kind === 'internet') return withId(addExternalNetwork(d, { id, name: 'Internet', kind: 'internet' }), id);
  const taken = names(d.externalNetworks);
  const name = taken.includes('CorpNet') ? nextName(taken, 'CorpNet') : 'CorpNet';
  return withId(addExternalNetwork(d, { id, name, kind: 'cidr', cidrs: ['192.168.0.0/16'] }), id);
}

/** The VPC's internet gateway, created when missing. */
function ensureInternetGateway(d: Design, vpcId: string): Result<{ design: Design; igwId: string }, ModelError> {
  const existing = Object.values(d.internetGateways).find((g) => g.vpcId === vpcId);
  if (existing) return ok({ design: d, igwId: existing.id });
  const igwId = newId(d, 'internetGateways');
  const added = addInternetGateway(d, { id: igwId, vpcId, name: nextName(names(d.internetGateways), 'igw') });
  return added.ok ? ok({ design: added.value, igwId }) : added;
}

const routesToIgw = (d: Design, tableId: string, igwId?: string) =>
  d.routeTables[tableId]!.routes.some(
    (r) => r.state === 'active' && 'cidr' in r.destination && r.destination.cidr === '0.0.0.0/0' && r.target.kind === 'internet-gateway' && (!igwId || r.target.id === igwId),
  );

/**
 * The route table a new subnet should use: for a public one, a table sending 0.0.0.0/0 to the
 * VPC's internet gateway (gateway and table created when missing); for a private one, the main
 * table unless that routes to the Internet, else a table without such a route.
 */
function routeTableFor(d: Design, vpcId: string, wantPublic: boolean): Result<{ design: Design; routeTableId?: string }, ModelError> {
  const vpc = d.vpcs[vpcId]!;
  const tables = Object.values(d.routeTables).filter((t) => t.vpcId === vpcId);
  if (wantPublic) {
    const igw = ensureInternetGateway(d, vpcId);
    if (!igw.ok) return igw;
    let next = igw.value.design;
    const { igwId } = igw.value;
    const existing = tables.find((t) => t.id !== vpc.mainRouteTableId && routesToIgw(next, t.id, igwId)) ?? tables.find((t) => routesToIgw(next, t.id, igwId));
    if (existing) return ok({ design: next, routeTableId: existing.id });
    const routeTableId = newId(next, 'routeTables');
    const table = addRouteTable(next, { id: routeTableId, vpcId, name: `${vpc.name}-public` });
    if (!table.ok) return table;
    const routed = setRoute(table.value, routeTableId, { destination: { cidr: '0.0.0.0/0' }, target: { kind: 'internet-gateway', id: igwId } });
    if (!routed.ok) return routed;
    next = routed.value;
    return ok({ design: next, routeTableId });
  }
  if (!vpc.mainRouteTableId || !routesToIgw(d, vpc.mainRouteTableId)) return ok({ design: d });
  const existing = tables.find((t) => !routesToIgw(d, t.id));
  if (existing) return ok({ design: d, routeTableId: existing.id });
  const routeTableId = newId(d, 'routeTables');
  const table = addRouteTable(d, { id: routeTableId, vpcId, name: `${vpc.name}-private` });
  return table.ok ? ok({ design: table.value, routeTableId }) : table;
}

function placeSubnet(d: Design, vpcId: string, wantPublic: boolean): Result<Placed, ModelError> {
  const vpc = d.vpcs[vpcId]!;
  const cidr = nextSubnetCidr(d, vpcId);
  if (!cidr) return refuse('vpc-full', `${vpc.name} (${vpc.cidrs.join(', ')}) has no free /24 left for another subnet.`);
  const availabilityZone = pickAvailabilityZone(d, vpcId, wantPublic);
  const routed = routeTableFor(d, vpcId, wantPublic);
  if (!routed.ok) return routed;
  const next = routed.value.design;
  const base = `${wantPublic ? 'public' : 'private'}-${availabilityZone.slice(-1)}`;
  const taken = names(next.subnets);
  const name = taken.includes(base) ? nextName(taken, base) : base;
  const id = newId(next, 'subnets');
  const args = { id, vpcId, name, cidr, availabilityZone, ...(routed.value.routeTableId ? { routeTableId: routed.value.routeTableId } : {}) };
  return withId(addSubnet(next, args), id);
}

/** The group a new resource starts with: the VPC's default group, as AWS does when none is named. */
function startingGroup(d: Design, vpcId: string): Result<{ design: Design; groupId: string }, ModelError> {
  const groups = Object.values(d.securityGroups).filter((g) => g.vpcId === vpcId);
  const chosen = groups.find((g) => g.isDefault) ?? groups[0];
  if (chosen) return ok({ design: d, groupId: chosen.id });
  const groupId = newId(d, 'securityGroups');
  const added = addSecurityGroup(d, { id: groupId, vpcId, name: 'default-sg' });
  return added.ok ? ok({ design: added.value, groupId }) : added;
}

/** Another subnet of the same VPC and kind (public/private) in a different AZ, for ALBs and DB subnet groups. */
function partnerSubnet(d: Design, subnetId: string): string | undefined {
  const s = d.subnets[subnetId]!;
  const wantPublic = isPublicSubnet(d, s);
  return Object.values(d.subnets)
    .filter((o) => o.vpcId === s.vpcId && o.id !== s.id && o.availabilityZone !== s.availabilityZone && isPublicSubnet(d, o) === wantPublic)
    .sort((a, b) => a.availabilityZone.localeCompare(b.availabilityZone) || a.name.localeCompare(b.name))[0]?.id;
}

function placeInSubnet(d: Design, kind: PaletteItemKind, subnetId: string): Result<Placed, ModelError> {
  const subnet = d.subnets[subnetId];
  if (!subnet) return refuse('no-subnet', `There is no subnet "${subnetId}" in the design.`);
  const isPublic = isPublicSubnet(d, subnet);
  const taken = names(d.resources);
  if (kind === 'nat-gateway') {
    if (!isPublic) return refuse('nat-private', `A NAT gateway sits in a public subnet, where it can reach the internet gateway: drop it onto a public subnet, not ${subnet.name}.`);
    const id = newId(d, 'natGateways');
    return withId(addNatGateway(d, { id, subnetId, name: nextName(names(d.natGateways), 'nat') }), id);
  }
  const group = startingGroup(d, subnet.vpcId);
  if (!group.ok) return group;
  const next = group.value.design;
  const id = newId(next, 'resources');
  const base: Pick<AddResourceArgs, 'id' | 'securityGroupIds'> = { id, securityGroupIds: [group.value.groupId] };
  const role = isPublic ? 'web' : 'app';
  switch (kind) {
    case 'instance':
      return withId(addResource(next, { ...base, kind: 'instance', name: nextName(taken, role), subnetIds: [subnetId], role, publicIp: isPublic }), id);
    case 'bastion':
      return withId(addResource(next, { ...base, kind: 'instance', name: nextName(taken, 'bastion'), subnetIds: [subnetId], role: 'bastion', publicIp: isPublic }), id);
    case 'instance-group':
      return withId(addResource(next, { ...base, kind: 'instance-group', name: nextName(taken, `${role}-asg`), subnetIds: [subnetId], role, count: 2 }), id);
    case 'lambda':
      return withId(addResource(next, { ...base, kind: 'lambda', name: nextName(taken, 'fn'), subnetIds: [subnetId] }), id);
    case 'database': {
      const partner = partnerSubnet(d, subnetId);
      return withId(addResource(next, { ...base, kind: 'database', name: nextName(taken, 'db'), subnetIds: partner ? [subnetId, partner] : [subnetId], engine: 'postgres' }), id);
    }
    case 'load-balancer': {
      const partner = partnerSubnet(d, subnetId);
      const tier = isPublic ? 'public' : 'private';
      if (!partner) {
        return refuse(
          'alb-second-subnet',
          `An Application Load Balancer needs two ${tier} subnets in different Availability Zones. ${d.vpcs[subnet.vpcId]?.name ?? 'This VPC'} has no other ${tier} subnet outside ${subnet.availabilityZone}: add a ${tier} subnet in another Availability Zone first.`,
        );
      }
      const scheme = isPublic ? 'internet-facing' : 'internal';
      return withId(addResource(next, { ...base, kind: 'load-balancer', name: nextName(taken, 'alb'), subnetIds: [subnetId, partner], scheme }), id);
    }
    default:
      return refuse('not-in-subnet', `${paletteItem(kind).label} does not go inside a subnet.`);
  }
}
