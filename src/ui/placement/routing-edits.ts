/**
 * Adding and editing routes and network ACL entries as the console does: adding refuses a
 * destination or rule number already in use (AWS's RouteAlreadyExists and
 * NetworkAclEntryAlreadyExists) where the model's set-commands would silently replace; editing
 * replaces one route or entry, even when its destination or number changes, as one edit.
 */
import type { Design, ModelError, NetworkAclEntry, Result, Route } from '../../core/model/index.ts';
import { err, modelError, removeNetworkAclEntry, removeRoute, setNetworkAclEntry, setRoute } from '../../core/model/index.ts';

type RouteInput = Omit<Route, 'state'>;
type EntryKey = Pick<NetworkAclEntry, 'egress' | 'ruleNumber'>;

const destinationText = (dest: Route['destination']) => ('cidr' in dest ? dest.cidr : dest.prefixListId);
const sameDestination = (a: Route['destination'], b: Route['destination']) => destinationText(a) === destinationText(b);

/** Adds a route; refuses a destination the table already routes. */
export function addRoute(d: Design, routeTableId: string, route: RouteInput): Result<Design, ModelError> {
  const table = d.routeTables[routeTableId];
  if (table?.routes.some((r) => sameDestination(r.destination, route.destination))) {
    return err(modelError('routes/duplicate', `${table.name} already has a route to ${destinationText(route.destination)}: edit that route instead.`, { path: 'destination.cidr' }));
  }
  return setRoute(d, routeTableId, route);
}

/** Replaces the route to `previous` with `route` (whose destination may differ). */
export function replaceRoute(d: Design, routeTableId: string, previous: Route['destination'], route: RouteInput): Result<Design, ModelError> {
  const table = d.routeTables[routeTableId];
  if (!sameDestination(previous, route.destination) && table?.routes.some((r) => sameDestination(r.destination, route.destination))) {
    return err(modelError('routes/duplicate', `${table.name} already has a route to ${destinationText(route.destination)}.`, { path: 'destination.cidr' }));
  }
  const removed = removeRoute(d, routeTableId, previous);
  return removed.ok ? setRoute(removed.value, routeTableId, route) : removed;
}

/** Adds an entry; refuses a rule number already used in that direction. */
export function addNetworkAclEntry(d: Design, aclId: string, entry: NetworkAclEntry): Result<Design, ModelError> {
  const acl = d.networkAcls[aclId];
  if (acl?.entries.some((e) => e.egress === entry.egress && e.ruleNumber === entry.ruleNumber)) {
    return err(modelError('acl/duplicate', `${acl.name} already has ${entry.egress ? 'outbound' : 'inbound'} rule ${entry.ruleNumber}: pick another number or edit that entry.`, { path: 'ruleNumber' }));
  }
  return setNetworkAclEntry(d, aclId, entry);
}

/** Replaces the entry `previous` (direction and number) with `entry`, which may move to another number. */
export function replaceNetworkAclEntry(d: Design, aclId: string, previous: EntryKey, entry: NetworkAclEntry): Result<Design, ModelError> {
  const acl = d.networkAcls[aclId];
  const moved = previous.egress !== entry.egress || previous.ruleNumber !== entry.ruleNumber;
  if (moved && acl?.entries.some((e) => e.egress === entry.egress && e.ruleNumber === entry.ruleNumber)) {
    return err(modelError('acl/duplicate', `${acl.name} already has ${entry.egress ? 'outbound' : 'inbound'} rule ${entry.ruleNumber}.`, { path: 'ruleNumber' }));
  }
  const removed = removeNetworkAclEntry(d, aclId, previous.egress, previous.ruleNumber);
  return removed.ok ? setNetworkAclEntry(removed.value, aclId, entry) : removed;
}
