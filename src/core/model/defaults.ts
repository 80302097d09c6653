/**
 * What AWS creates along with a VPC or a group, so a drawn network starts as a real one does:
 * the main route table, the default network ACL (allow all), the default security group, and a
 * new group's allow-all egress (network-semantics.md §1-2).
 */
import type { NetworkAcl, NetworkAclEntry, RouteTable, SecurityGroup, SecurityGroupRule, Vpc } from './types.ts';

const allTraffic = { protocol: 'all' as const };

/** Network ACL entries of a default ACL: allow everything both ways, IPv6 too when the VPC has it. */
export function defaultAclEntries(withIpv6: boolean): NetworkAclEntry[] {
  const entries: NetworkAclEntry[] = [];
  for (const egress of [false, true]) {
    entries.push({ ruleNumber: 100, egress, action: 'allow', cidr: '0.0.0.0/0', match: allTraffic });
    if (withIpv6) entries.push({ ruleNumber: 101, egress, action: 'allow', cidr: '::/0', match: allTraffic });
  }
  return entries;
}

/** The allow-all egress AWS gives every new group (and ::/0 when the VPC has IPv6). */
export function defaultEgress(groupId: string, withIpv6: boolean): SecurityGroupRule[] {
  const rules: SecurityGroupRule[] = [{ id: `${groupId}-egress-all`, match: allTraffic, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } }];
  if (withIpv6) rules.push({ id: `${groupId}-egress-all-v6`, match: allTraffic, peer: { kind: 'cidr', cidr: '::/0' } });
  return rules;
}

export function mainRouteTable(vpc: Vpc, id: string): RouteTable {
  return { id, name: `${vpc.name} main`, vpcId: vpc.id, routes: [] };
}

export function defaultNetworkAcl(vpc: Vpc, id: string): NetworkAcl {
  return { id, name: `${vpc.name} default`, vpcId: vpc.id, isDefault: true, entries: defaultAclEntries(vpc.ipv6Cidrs.length > 0) };
}

/** The VPC's `default` group: members talk to each other freely; nothing else gets in. */
export function defaultSecurityGroup(vpc: Vpc, id: string): SecurityGroup {
  return {
    id,
    name: 'default',
    description: 'default VPC security group',
    vpcId: vpc.id,
    isDefault: true,
    ingress: [{ id: `${id}-ingress-self`, match: allTraffic, peer: { kind: 'security-group', groupId: id } }],
    egress: defaultEgress(id, vpc.ipv6Cidrs.length > 0),
  };
}
