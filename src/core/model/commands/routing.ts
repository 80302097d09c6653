/** Commands on routing: route tables and routes, internet and NAT gateways, VPC peerings. */
import type { Design, NatGateway, PeeringStatus, Route, RouteTable, VpcPeering } from '../types.ts';
import { err, ok } from '../result.ts';
import { modelError } from '../errors.ts';
import { cidrIssue } from '../cidr-check.ts';
import { textIssue } from '../naming.ts';
import { nextFreeAddress, nextPublicAddress } from '../addressing.ts';
import { cidrsOverlap, parseCidrCached } from '../../net/index.ts';
import type { CommandResult } from './common.ts';
import { drop, find, newId, put } from './common.ts';
import { withoutLayout } from './vpc.ts';

/** Adds an empty route table to a VPC (local routes are implicit). */
export function addRouteTable(d: Design, args: { id?: string; vpcId: string; name: string }): CommandResult {
  const vpc = find(d, 'vpcs', args.vpcId);
  if (!vpc.ok) return vpc;
  const bad = textIssue(args.name, 'name', 'name');
  if (bad) return err(bad);
  const id = args.id ?? newId(d, 'routeTables');
  const table: RouteTable = { id, name: args.name, vpcId: args.vpcId, routes: [] };
  return ok(put(d, 'routeTables', table));
}

/** Adds or replaces the route for a destination (a table has one route per destination, as in AWS). */
export function setRoute(d: Design, routeTableId: string, route: Omit<Route, 'state'> & { state?: Route['state'] }): CommandResult {
  const table = find(d, 'routeTables', routeTableId);
  if (!table.ok) return table;
  if ('cidr' in route.destination) {
    const bad = cidrIssue(route.destination.cidr, undefined, 'destination.cidr');
    if (bad) return err(bad);
  } else if (!d.prefixLists[route.destination.prefixListId]) {
    return err(modelError('prefixLists/not-found', `There is no prefix list "${route.destination.prefixListId}" in the design.`, { path: 'destination.prefixListId' }));
  }
  const target = route.target;
  if (target.kind === 'local') return err(modelError('routes/local', 'Local routes exist for every VPC CIDR already and cannot be added.', { path: 'target' }));
  if (target.kind === 'internet-gateway') {
    const igw = find(d, 'internetGateways', target.id);
    if (!igw.ok) return igw;
    if (igw.value.vpcId !== table.value.vpcId) return err(modelError('routes/igw-vpc', `${igw.value.name} is not attached to this route table's VPC.`, { path: 'target' }));
  }
  if (target.kind === 'nat-gateway') {
    const nat = find(d, 'natGateways', target.id);
    if (!nat.ok) return nat;
    if (d.subnets[nat.value.subnetId]?.vpcId !== table.value.vpcId) return err(modelError('routes/nat-vpc', `${nat.value.name} is in another VPC; a NAT gateway serves its own VPC only.`, { path: 'target' }));
  }
  if (target.kind === 'peering') {
    const pcx = find(d, 'peerings', target.id);
    if (!pcx.ok) return pcx;
    if (pcx.value.requester.vpcId !== table.value.vpcId && pcx.value.accepter.vpcId !== table.value.vpcId) {
      return err(modelError('routes/peering-vpc', `${pcx.value.name} does not connect this route table's VPC.`, { path: 'target' }));
    }
  }
  const key = destinationKey(route.destination);
  const routes = table.value.routes.filter((r) => destinationKey(r.destination) !== key);
  return ok(put(d, 'routeTables', { ...table.value, routes: [...routes, { destination: route.destination, target, state: route.state ?? 'active' }] }));
}

/** Removes the route for a destination. */
export function removeRoute(d: Design, routeTableId: string, destination: Route['destination']): CommandResult {
  const table = find(d, 'routeTables', routeTableId);
  if (!table.ok) return table;
  const key = destinationKey(destination);
  if (!table.value.routes.some((r) => destinationKey(r.destination) === key)) {
    return err(modelError('routes/not-found', `${table.value.name} has no route to ${key}.`));
  }
  return ok(put(d, 'routeTables', { ...table.value, routes: table.value.routes.filter((r) => destinationKey(r.destination) !== key) }));
}

const destinationKey = (dest: Route['destination']) => ('cidr' in dest ? dest.cidr : dest.prefixListId);

/** Creates an internet gateway attached to a VPC (one per VPC, as in AWS). */
export function addInternetGateway(d: Design, args: { id?: string; vpcId: string; name?: string }): CommandResult {
  const vpc = find(d, 'vpcs', args.vpcId);
  if (!vpc.ok) return vpc;
  const existing = Object.values(d.internetGateways).find((g) => g.vpcId === args.vpcId);
  if (existing) return err(modelError('internetGateways/one-per-vpc', `${vpc.value.name} already has internet gateway ${existing.name}; a VPC takes one.`));
  const id = args.id ?? newId(d, 'internetGateways');
  return ok(put(d, 'internetGateways', { id, name: args.name ?? `${vpc.value.name} IGW`, vpcId: args.vpcId }));
}

/** Creates a public NAT gateway in a subnet, with an Elastic IP. */
export function addNatGateway(d: Design, args: { id?: string; subnetId: string; name?: string }): CommandResult {
  const subnet = find(d, 'subnets', args.subnetId);
  if (!subnet.ok) return subnet;
  const privateIp = nextFreeAddress(d, subnet.value);
  const publicIp = nextPublicAddress(d);
  if (!privateIp) return err(modelError('subnets/full', `Subnet ${subnet.value.name} has no free address left.`));
  const id = args.id ?? newId(d, 'natGateways');
  const nat: NatGateway = { id, name: args.name ?? `NAT ${subnet.value.name}`, subnetId: args.subnetId, connectivity: 'public', privateIp, state: 'available' };
  if (publicIp) nat.publicIp = publicIp;
  return ok(put(d, 'natGateways', nat));
}

/** Removes a gateway and its layout; routes to it stay and become blackholes, as in AWS. */
export function removeGateway(d: Design, kind: 'internetGateways' | 'natGateways', id: string): CommandResult {
  const found = find(d, kind, id);
  if (!found.ok) return found;
  return ok(withoutLayout(drop(d, kind, [id]), [id]));
}

/** Peers two VPCs of the design (refused when their CIDRs overlap, as AWS refuses). */
export function addPeering(d: Design, args: { id?: string; requesterVpcId: string; accepterVpcId: string; name?: string; status?: PeeringStatus }): CommandResult {
  const a = find(d, 'vpcs', args.requesterVpcId);
  if (!a.ok) return a;
  const b = find(d, 'vpcs', args.accepterVpcId);
  if (!b.ok) return b;
  if (a.value.id === b.value.id) return err(modelError('peerings/self', 'A VPC cannot peer with itself.'));
  for (const x of a.value.cidrs) {
    for (const y of b.value.cidrs) {
      const cx = parseCidrCached(x);
      const cy = parseCidrCached(y);
      if (cx.ok && cy.ok && cidrsOverlap(cx.value, cy.value)) {
        return err(modelError('peerings/overlap', `${a.value.name} (${x}) and ${b.value.name} (${y}) overlap; AWS cannot peer VPCs with overlapping CIDRs.`));
      }
    }
  }
  const id = args.id ?? newId(d, 'peerings');
  const peering: VpcPeering = {
    id,
    name: args.name ?? `${a.value.name} ↔ ${b.value.name}`,
    requester: { vpcId: a.value.id, region: a.value.region, cidrs: a.value.cidrs },
    accepter: { vpcId: b.value.id, region: b.value.region, cidrs: b.value.cidrs },
    status: args.status ?? 'active',
  };
  return ok(put(d, 'peerings', peering));
}

/** Changes a peering's status (accept, reject, delete). */
export function setPeeringStatus(d: Design, peeringId: string, status: PeeringStatus): CommandResult {
  const pcx = find(d, 'peerings', peeringId);
  if (!pcx.ok) return pcx;
  return ok(put(d, 'peerings', { ...pcx.value, status }));
}
