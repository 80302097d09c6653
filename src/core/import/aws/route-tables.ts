/**
 * describe-route-tables: Routes (destination, target, State) and Associations. The main table's
 * association has Main: true and no SubnetId; subnets without an explicit one use it.
 */
import type { Route, RouteDestination, RouteTarget } from '../../model/types.ts';
import type { Cursor } from './cursor.ts';
import type { ImportContext } from './context.ts';
import { readCidr } from './addresses.ts';
import { nameFrom, readTags } from './tags.ts';

/** Target fields AWS may set on a route, checked in this order; the ones the engine models first. */
const OTHER_TARGETS = [
  'TransitGatewayId',
  'EgressOnlyInternetGatewayId',
  'NetworkInterfaceId',
  'InstanceId',
  'CarrierGatewayId',
  'LocalGatewayId',
  'CoreNetworkArn',
] as const;

const ASSOCIATION_GONE = new Set(['disassociating', 'disassociated', 'failed']);

function destination(route: Cursor, ctx: ImportContext): RouteDestination | undefined {
  const cidr = readCidr(route, 'DestinationCidrBlock', ctx, 4) ?? readCidr(route, 'DestinationIpv6CidrBlock', ctx, 6);
  if (cidr) return { cidr };
  const prefixListId = route.optionalId('DestinationPrefixListId');
  return prefixListId ? { prefixListId } : undefined;
}

function target(route: Cursor, ctx: ImportContext): RouteTarget | undefined {
  const gateway = route.optionalId('GatewayId');
  if (gateway === 'local') return { kind: 'local' };
  // By prefix, or by naming a gateway of the input: translated IaC inputs (Terraform HCL,
  // CloudFormation) give gateways ids such as `aws_internet_gateway.main` that have no igw- prefix.
  if (gateway && (gateway.startsWith('igw-') || ctx.internetGateways.has(gateway))) return { kind: 'internet-gateway', id: gateway };
  const nat = route.optionalId('NatGatewayId');
  if (nat) return { kind: 'nat-gateway', id: nat };
  const peering = route.optionalId('VpcPeeringConnectionId');
  if (peering) return { kind: 'peering', id: peering };
  if (gateway) return { kind: 'other', id: gateway }; // vgw-, vpce- and friends
  for (const key of OTHER_TARGETS) {
    const id = route.optionalId(key);
    if (id) return { kind: 'other', id };
  }
  return undefined;
}

function readRoute(route: Cursor, ctx: ImportContext, tableId: string, vpcId: string): Route | undefined {
  const dest = destination(route, ctx);
  const to = target(route, ctx);
  if (!dest || !to) {
    ctx.warn('import/route-dropped', `a route of ${tableId} has no ${dest ? 'target' : 'destination'} the designer can read; it was left out.`, route, tableId);
    return undefined;
  }
  const rawState = route.str('State');
  let state: Route['state'] = 'active';
  if (rawState === 'blackhole') state = 'blackhole';
  else if (rawState !== undefined && rawState !== 'active') {
    ctx.warn('import/route-state', `route state "${rawState}" is not active or blackhole; it was read as active.`, route.at('State'), tableId);
  }
  if (to.kind === 'local' && 'cidr' in dest) ctx.hintVpcCidr(vpcId, dest.cidr);
  return { destination: dest, target: to, state };
}

/** Imports describe-route-tables; associations are applied once subnets and VPCs are all known. */
export function importRouteTables(items: Cursor[], ctx: ImportContext): void {
  for (const item of items) {
    const id = item.id('RouteTableId');
    const vpcId = item.id('VpcId');
    const routes = item.objects('Routes').flatMap((r) => readRoute(r, ctx, id, vpcId) ?? []);
    const tags = readTags(item, ctx);
    const added = ctx.put('routeTables', ctx.routeTables, id, { id, name: nameFrom(tags, id), vpcId, routes, ...(tags ? { tags } : {}) }, item);
    if (!added) continue;
    for (const assoc of item.objects('Associations')) {
      const state = assoc.obj('AssociationState')?.str('State');
      if (state && ASSOCIATION_GONE.has(state)) continue;
      if (assoc.bool('Main')) {
        ctx.mainRouteTables.set(vpcId, { id, at: assoc });
        continue;
      }
      const subnetId = assoc.optionalId('SubnetId');
      if (subnetId) ctx.subnetRouteTables.set(subnetId, { id, at: assoc });
      // Gateway (edge) associations route traffic entering from an IGW/VGW: not modelled.
    }
  }
}
