/**
 * What AWS creates with every VPC, as describe items: the main route table, the default network
 * ACL and the default security group. Their content comes from src/core/model/defaults.ts, so a
 * template's VPC starts exactly as a drawn one does.
 */
import { defaultAclEntries, defaultEgress, defaultSecurityGroup } from '../../model/defaults.ts';
import type { NetworkAclEntry, SecurityGroupRule, Vpc } from '../../model/types.ts';
import { defaultAclOf, defaultGroupOf, mainRouteTableOf } from './attributes.ts';
import type { Item } from './build.ts';

const protocolOf = (p: SecurityGroupRule['match']['protocol']): string => (p === 'all' ? '-1' : String(p));

/** A network ACL entry of the model in describe form. */
export function aclEntryItem(e: NetworkAclEntry): Item {
  return {
    RuleNumber: e.ruleNumber,
    Egress: e.egress,
    RuleAction: e.action,
    Protocol: protocolOf(e.match.protocol),
    ...(e.cidr.includes(':') ? { Ipv6CidrBlock: e.cidr } : { CidrBlock: e.cidr }),
  };
}

/** A security-group rule of the model as a describe-security-group-rules item. */
export function flatRuleItem(groupId: string, egress: boolean, r: SecurityGroupRule): Item {
  const peer = r.peer;
  return {
    SecurityGroupRuleId: r.id,
    GroupId: groupId,
    IsEgress: egress,
    IpProtocol: protocolOf(r.match.protocol),
    ...(r.match.ports ? { FromPort: r.match.ports.from, ToPort: r.match.ports.to } : {}),
    ...(peer.kind === 'cidr' ? (peer.cidr.includes(':') ? { CidrIpv6: peer.cidr } : { CidrIpv4: peer.cidr }) : {}),
    ...(peer.kind === 'security-group' ? { ReferencedGroupInfo: { GroupId: peer.groupId } } : {}),
    ...(peer.kind === 'prefix-list' ? { PrefixListId: peer.prefixListId } : {}),
  };
}

/** The VPC's main route table: no routes but the implicit local ones, used by every subnet without its own. */
export function mainRouteTableItem(vpcId: string): Item {
  return { RouteTableId: mainRouteTableOf(vpcId), VpcId: vpcId, Routes: [], Associations: [{ Main: true }] };
}

/** The VPC's default network ACL: allow everything both ways. */
export function defaultAclItem(vpcId: string, ipv6: boolean): Item {
  return { NetworkAclId: defaultAclOf(vpcId), VpcId: vpcId, IsDefault: true, Entries: defaultAclEntries(ipv6).map(aclEntryItem), Associations: [] };
}

const vpcStub = (vpcId: string, ipv6: boolean): Vpc => ({ id: vpcId, name: vpcId, region: '', cidrs: [], ipv6Cidrs: ipv6 ? ['::/56'] : [] });

/** The VPC's default security group and its rules (members talk freely; all egress). */
export function defaultGroupItems(vpcId: string, ipv6: boolean): { group: Item; rules: Item[] } {
  const g = defaultSecurityGroup(vpcStub(vpcId, ipv6), defaultGroupOf(vpcId));
  return {
    group: { GroupId: g.id, GroupName: g.name, Description: g.description, VpcId: vpcId },
    rules: [...g.ingress.map((r) => flatRuleItem(g.id, false, r)), ...g.egress.map((r) => flatRuleItem(g.id, true, r))],
  };
}

/** The allow-all egress AWS gives a new group that declares none. */
export function defaultEgressItems(groupId: string, ipv6: boolean): Item[] {
  return defaultEgress(groupId, ipv6).map((r) => flatRuleItem(groupId, true, r));
}
