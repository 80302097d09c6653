/** Removing route tables and network ACLs: refused, as AWS refuses, while a subnet uses them or they are the VPC's own. */
import type { Design } from '../types.ts';
import { err, ok } from '../result.ts';
import { modelError } from '../errors.ts';
import type { CommandResult } from './common.ts';
import { drop, find } from './common.ts';

/** Removes a route table that is neither the VPC's main table nor associated with a subnet. */
export function removeRouteTable(d: Design, routeTableId: string): CommandResult {
  const table = find(d, 'routeTables', routeTableId);
  if (!table.ok) return table;
  if (d.vpcs[table.value.vpcId]?.mainRouteTableId === routeTableId) {
    return err(modelError('routeTables/main', `${table.value.name} is the main route table of its VPC; make another table the main one first.`, { subject: routeTableId }));
  }
  const users = Object.values(d.subnets).filter((s) => s.routeTableId === routeTableId);
  if (users.length > 0) {
    return err(modelError('routeTables/associated', `${table.value.name} is associated with ${users.map((s) => s.name).join(', ')}; associate those subnets with another table first.`, { subject: routeTableId }));
  }
  return ok(drop(d, 'routeTables', [routeTableId]));
}

/** Removes a custom network ACL that no subnet is associated with; the default ACL stays. */
export function removeNetworkAcl(d: Design, networkAclId: string): CommandResult {
  const acl = find(d, 'networkAcls', networkAclId);
  if (!acl.ok) return acl;
  if (acl.value.isDefault || d.vpcs[acl.value.vpcId]?.defaultNetworkAclId === networkAclId) {
    return err(modelError('networkAcls/default', `${acl.value.name} is the default network ACL of its VPC and cannot be deleted.`, { subject: networkAclId }));
  }
  const users = Object.values(d.subnets).filter((s) => s.networkAclId === networkAclId);
  if (users.length > 0) {
    return err(modelError('networkAcls/associated', `${acl.value.name} is associated with ${users.map((s) => s.name).join(', ')}; associate those subnets with another ACL first.`, { subject: networkAclId }));
  }
  return ok(drop(d, 'networkAcls', [networkAclId]));
}
