/** Derived facts about a design that several layers need (engine, linter, canvas badges, exports). */
import type { Design, NetworkAcl, Resource, RouteTable, Subnet } from './types.ts';

/** The route table a subnet uses: its explicit association, else the VPC's main table. */
export function routeTableOf(d: Design, subnet: Subnet): RouteTable | undefined {
  const id = subnet.routeTableId ?? d.vpcs[subnet.vpcId]?.mainRouteTableId;
  return id ? d.routeTables[id] : undefined;
}

/** The network ACL a subnet uses: its explicit association, else the VPC's default ACL. */
export function networkAclOf(d: Design, subnet: Subnet): NetworkAcl | undefined {
  const id = subnet.networkAclId ?? d.vpcs[subnet.vpcId]?.defaultNetworkAclId;
  if (id) return d.networkAcls[id];
  return Object.values(d.networkAcls).find((a) => a.vpcId === subnet.vpcId && a.isDefault);
}

/**
 * A public subnet is one whose route table sends 0.0.0.0/0 or ::/0 to an internet gateway attached
 * to its VPC (network-semantics.md §3): the badge follows the routes, never a flag.
 */
export function isPublicSubnet(d: Design, subnet: Subnet): boolean {
  const table = routeTableOf(d, subnet);
  if (!table) return false;
  return table.routes.some(
    (r) =>
      r.state === 'active' &&
      'cidr' in r.destination &&
      (r.destination.cidr === '0.0.0.0/0' || r.destination.cidr === '::/0') &&
      r.target.kind === 'internet-gateway' &&
      d.internetGateways[r.target.id]?.vpcId === subnet.vpcId,
  );
}

/** The VPC a resource lives in (through its first ENI's subnet). */
export function vpcOfResource(d: Design, r: Resource): string | undefined {
  const eni = r.enis[0];
  return eni ? d.subnets[eni.subnetId]?.vpcId : undefined;
}

/** The subnets a resource has interfaces in. */
export function subnetsOfResource(d: Design, r: Resource): Subnet[] {
  return r.enis.map((e) => d.subnets[e.subnetId]).filter((s): s is Subnet => s !== undefined);
}

/** The security groups on any of a resource's interfaces, in first-seen order. */
export function groupsOfResource(r: Resource): string[] {
  return [...new Set(r.enis.flatMap((e) => e.securityGroupIds))];
}
