/** Route-table and network-ACL associations onto VPCs (main table, default ACL) and subnets. */
import type { ImportContext } from './context.ts';

/** Sets main tables and default ACLs on VPCs, explicit associations on subnets; warns about unknown subnets. */
export function applyAssociations(ctx: ImportContext): void {
  for (const [vpcId, { id }] of ctx.mainRouteTables) {
    const vpc = ctx.vpcs.get(vpcId);
    if (vpc && ctx.routeTables.has(id)) vpc.mainRouteTableId = id;
  }
  for (const [vpcId, { id }] of ctx.defaultNetworkAcls) {
    const vpc = ctx.vpcs.get(vpcId);
    if (vpc && ctx.networkAcls.has(id)) vpc.defaultNetworkAclId = id;
  }
  for (const [subnetId, { id, at }] of ctx.subnetRouteTables) {
    const subnet = ctx.subnets.get(subnetId);
    if (!ctx.routeTables.has(id)) continue;
    if (!subnet) {
      ctx.warn('import/unknown-subnet', `route table ${id} is associated with subnet ${subnetId}, which describe-subnets does not list; the association was left out.`, at, subnetId);
      continue;
    }
    subnet.routeTableId = id;
  }
  for (const [subnetId, { id, at }] of ctx.subnetNetworkAcls) {
    const subnet = ctx.subnets.get(subnetId);
    if (!ctx.networkAcls.has(id)) continue;
    if (!subnet) {
      ctx.warn('import/unknown-subnet', `network ACL ${id} is associated with subnet ${subnetId}, which describe-subnets does not list; the association was left out.`, at, subnetId);
      continue;
    }
    // AWS lists every subnet under its ACL; the default ACL's need no explicit association in the model.
    if (ctx.vpcs.get(subnet.vpcId)?.defaultNetworkAclId !== id) subnet.networkAclId = id;
  }
}
