/**
 * Terraform for security groups: each group without in-line rules, then one
 * aws_vpc_security_group_ingress_rule / _egress_rule per rule. Only the rule resources reference
 * other groups, so groups that reference each other never make a dependency cycle.
 */
import type { PrefixList, RulePeer, SecurityGroup, SecurityGroupRule } from '../../model/types.ts';
import { canonical, groupProtocol, isIpv6, portFields } from '../iac/common.ts';
import type { TfContext } from './context.ts';
import { attr, block, type HclItem } from './hcl.ts';

/** Whether a prefix list is one the export creates (AWS-managed lists are only referenced). */
export function ownPrefixList(pl: PrefixList): boolean {
  return !pl.name.startsWith('com.amazonaws.') && pl.entries.length > 0;
}

export function writePrefixLists(c: TfContext): void {
  for (const pl of Object.values(c.design.prefixLists)) {
    if (!ownPrefixList(pl)) continue;
    const name = c.declare(pl.id, 'aws_ec2_managed_prefix_list', pl.name, 'prefix_list');
    c.resource('aws_ec2_managed_prefix_list', name, [
      ...attr('name', pl.name),
      ...attr('address_family', pl.addressFamily),
      ...attr('max_entries', Math.max(pl.maxEntries, pl.entries.length)),
      ...pl.entries.map((e) => block('entry', [], [...attr('cidr', canonical(e.cidr)), ...attr('description', e.description)])),
      ...c.tags(pl.name, undefined),
    ]);
  }
}

/** The resource type that holds a design group. */
export function groupType(g: SecurityGroup): string {
  return g.isDefault ? 'aws_default_security_group' : 'aws_security_group';
}

/** An expression for a design group's id, or undefined when the group is not exported. */
export function groupIdRef(c: TfContext, groupId: string) {
  const g = c.design.securityGroups[groupId];
  return g ? c.ref(groupType(g), g.id, 'id') : undefined;
}

export function writeGroups(c: TfContext): SecurityGroup[] {
  const written: SecurityGroup[] = [];
  for (const g of Object.values(c.design.securityGroups)) {
    const vpc = c.design.vpcs[g.vpcId];
    if (!vpc) {
      c.notes.push(`security group ${g.name}: its VPC ${g.vpcId} is not in the design`);
      continue;
    }
    written.push(g);
    if (g.isDefault) {
      const name = c.declare(g.id, 'aws_default_security_group', `${vpc.name} default`, 'default_sg');
      c.resource(
        'aws_default_security_group',
        name,
        [...c.provider(vpc.region), ...attr('vpc_id', c.ref('aws_vpc', vpc.id, 'id')), ...c.tags(g.name, g.tags)],
        `The default group of ${vpc.name.replace(/\s+/g, ' ')}: Terraform removes AWS's rules from it; the rules below are the design's.`,
      );
      continue;
    }
    const name = c.declare(g.id, 'aws_security_group', g.name, 'sg');
    c.resource('aws_security_group', name, [
      ...c.provider(vpc.region),
      ...attr('name', g.name),
      ...attr('description', g.description || g.name),
      ...attr('vpc_id', c.ref('aws_vpc', vpc.id, 'id')),
      ...c.tags(g.name, g.tags),
    ]);
  }
  return written;
}

function peerFields(c: TfContext, peer: RulePeer): HclItem[] {
  switch (peer.kind) {
    case 'cidr': {
      const cidr = canonical(peer.cidr);
      return attr(isIpv6(cidr) ? 'cidr_ipv6' : 'cidr_ipv4', cidr);
    }
    case 'prefix-list': {
      const pl = c.design.prefixLists[peer.prefixListId];
      const ref = pl && ownPrefixList(pl) ? c.ref('aws_ec2_managed_prefix_list', pl.id, 'id') : undefined;
      return attr('prefix_list_id', ref ?? peer.prefixListId);
    }
    case 'security-group': {
      const ref = groupIdRef(c, peer.groupId);
      if (ref) return attr('referenced_security_group_id', ref);
      return attr('referenced_security_group_id', peer.ownerId ? `${peer.ownerId}/${peer.groupId}` : peer.groupId);
    }
  }
}

/** One rule resource per rule, in the design's order: ingress then egress of each group. */
export function writeRules(c: TfContext, groups: SecurityGroup[]): void {
  for (const g of groups) {
    const region = c.design.vpcs[g.vpcId]?.region;
    const owner = groupIdRef(c, g.id);
    const write = (rules: SecurityGroupRule[], egress: boolean) => {
      for (const r of rules) {
        const type = egress ? 'aws_vpc_security_group_egress_rule' : 'aws_vpc_security_group_ingress_rule';
        const name = c.declare(`${g.id}#${r.id}`, type, `${g.name} ${egress ? 'out' : 'in'} ${ruleLabel(r)}`, 'rule');
        const ports = portFields(r.match);
        c.resource(type, name, [
          ...c.provider(region),
          ...attr('security_group_id', owner),
          ...attr('ip_protocol', groupProtocol(r.match.protocol)),
          ...attr('from_port', ports?.from),
          ...attr('to_port', ports?.to),
          ...peerFields(c, r.peer),
          ...attr('description', r.description || undefined),
        ]);
      }
    };
    write(g.ingress, false);
    write(g.egress, true);
  }
}

function ruleLabel(r: SecurityGroupRule): string {
  const ports = portFields(r.match);
  const proto = groupProtocol(r.match.protocol);
  return proto === '-1' ? 'all' : ports && ports.from === ports.to ? `${proto} ${ports.from}` : ports ? `${proto} ${ports.from} ${ports.to}` : proto;
}
