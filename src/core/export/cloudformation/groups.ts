/**
 * CloudFormation for security groups. In-line rules only for CIDR and prefix-list peers; every
 * rule that names a group is a standalone SecurityGroupIngress/Egress (in-line cross references
 * are a circular dependency). Egress is always written in-line, because CloudFormation keeps its
 * allow-all egress when none is given: a group whose only egress names groups (or that allows
 * none) gets the documented placeholder that matches nothing (-1 to 127.0.0.1/32).
 * The default group cannot be declared: rules the design adds to it are standalone resources on
 * the VPC's DefaultSecurityGroup; rules it removes are listed as not exported.
 */
import type { RulePeer, SecurityGroup, SecurityGroupRule } from '../../model/types.ts';
import { canonical, defaultGroupDelta, groupProtocol, isIpv6, portFields } from '../iac/common.ts';
import { getAtt, props, type CfnContext, type Json } from './context.ts';

/** The placeholder egress that replaces CloudFormation's allow-all and matches nothing. */
export const NO_EGRESS = { IpProtocol: '-1', CidrIp: '127.0.0.1/32', Description: 'No egress: replaces the default allow-all rule' } as const;

export function ownPrefixList(c: CfnContext, id: string): boolean {
  const pl = c.design.prefixLists[id];
  return pl !== undefined && !pl.name.startsWith('com.amazonaws.') && pl.entries.length > 0;
}

export function writePrefixLists(c: CfnContext): void {
  for (const pl of Object.values(c.design.prefixLists)) {
    if (!ownPrefixList(c, pl.id)) continue;
    const id = c.declare('pl', pl.id, 'PrefixList', pl.name);
    c.add(id, {
      Type: 'AWS::EC2::PrefixList',
      Properties: {
        PrefixListName: pl.name,
        AddressFamily: pl.addressFamily,
        MaxEntries: Math.max(pl.maxEntries, pl.entries.length),
        Entries: pl.entries.map((e) => props({ Cidr: canonical(e.cidr), Description: e.description })),
        Tags: c.tags(pl.name, undefined),
      },
    });
  }
}

/** The group id of a design group: its GroupId, or the VPC's DefaultSecurityGroup; a literal id otherwise. */
export function groupIdOf(c: CfnContext, groupId: string): Json {
  const g = c.design.securityGroups[groupId];
  if (g?.isDefault) {
    const vpc = c.id('vpc', g.vpcId);
    if (vpc) return getAtt(vpc, 'DefaultSecurityGroup');
  }
  const id = c.id('sg', groupId);
  return id ? getAtt(id, 'GroupId') : groupId;
}

function prefixListOf(c: CfnContext, id: string): Json {
  return ownPrefixList(c, id) ? getAtt(c.id('pl', id)!, 'PrefixListId') : id;
}

function matchProps(r: SecurityGroupRule): { [k: string]: Json } {
  const ports = portFields(r.match);
  return props({ IpProtocol: groupProtocol(r.match.protocol), FromPort: ports?.from, ToPort: ports?.to });
}

/** An in-line rule (CIDR or prefix-list peer). */
function inlineRule(c: CfnContext, r: SecurityGroupRule, egress: boolean): Json {
  const peer = r.peer as Exclude<RulePeer, { kind: 'security-group' }>;
  const where: { [k: string]: Json } =
    peer.kind === 'cidr'
      ? isIpv6(canonical(peer.cidr))
        ? { CidrIpv6: canonical(peer.cidr) }
        : { CidrIp: canonical(peer.cidr) }
      : { [egress ? 'DestinationPrefixListId' : 'SourcePrefixListId']: prefixListOf(c, peer.prefixListId) };
  return props({ ...matchProps(r), ...where, Description: r.description || undefined });
}

/** A standalone rule resource. */
function standaloneRule(c: CfnContext, owner: Json, r: SecurityGroupRule, egress: boolean): { [k: string]: Json } {
  const p = r.peer;
  let where: { [k: string]: Json };
  if (p.kind === 'security-group') {
    where = egress
      ? { DestinationSecurityGroupId: groupIdOf(c, p.groupId) }
      : props({ SourceSecurityGroupId: groupIdOf(c, p.groupId), SourceSecurityGroupOwnerId: c.design.securityGroups[p.groupId] ? undefined : p.ownerId });
  } else if (p.kind === 'prefix-list') {
    where = { [egress ? 'DestinationPrefixListId' : 'SourcePrefixListId']: prefixListOf(c, p.prefixListId) };
  } else {
    const cidr = canonical(p.cidr);
    where = isIpv6(cidr) ? { CidrIpv6: cidr } : { CidrIp: cidr };
  }
  return props({ GroupId: owner, ...matchProps(r), ...where, Description: r.description || undefined });
}

const refersToGroup = (r: SecurityGroupRule) => r.peer.kind === 'security-group';

export function writeGroups(c: CfnContext): SecurityGroup[] {
  const written: SecurityGroup[] = [];
  for (const g of Object.values(c.design.securityGroups)) {
    const vpc = c.id('vpc', g.vpcId);
    if (!vpc) {
      c.notes.push(`security group ${g.name}: its VPC ${g.vpcId} is not in the design`);
      continue;
    }
    written.push(g);
    if (g.isDefault) continue;
    const id = c.declare('sg', g.id, 'SecurityGroup', g.name);
    const egress = g.egress.filter((r) => !refersToGroup(r)).map((r) => inlineRule(c, r, true));
    c.add(id, {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: props({
        GroupName: g.name,
        GroupDescription: g.description || g.name,
        VpcId: { Ref: vpc },
        SecurityGroupIngress: g.ingress.filter((r) => !refersToGroup(r)).map((r) => inlineRule(c, r, false)),
        SecurityGroupEgress: egress.length > 0 ? egress : [{ ...NO_EGRESS }],
        Tags: c.tags(g.name, g.tags),
      }),
    });
  }
  return written;
}

/** Standalone rules: those naming groups, and every rule the design adds to a default group. */
export function writeRules(c: CfnContext, groups: SecurityGroup[]): void {
  for (const g of groups) {
    let ingress = g.ingress.filter(refersToGroup);
    let egress = g.egress.filter(refersToGroup);
    if (g.isDefault) {
      const delta = defaultGroupDelta(c.design, g);
      ingress = delta.extraIngress;
      egress = delta.extraEgress;
      const vpcName = c.design.vpcs[g.vpcId]?.name ?? g.vpcId;
      for (const m of delta.missing) c.notes.push(`default security group of ${vpcName}: a stack cannot remove its rule ${m}`);
    }
    const owner = groupIdOf(c, g.id);
    const label = g.isDefault ? `${c.design.vpcs[g.vpcId]?.name ?? ''} default` : g.name;
    for (const [rules, isEgress] of [
      [ingress, false],
      [egress, true],
    ] as const) {
      for (const r of rules) {
        const id = c.declare('rule', `${g.id}#${r.id}`, isEgress ? 'Egress' : 'Ingress', `${label} ${r.id.startsWith(g.id) ? r.id.slice(g.id.length) : r.id}`);
        c.add(id, { Type: isEgress ? 'AWS::EC2::SecurityGroupEgress' : 'AWS::EC2::SecurityGroupIngress', Properties: standaloneRule(c, owner, r, isEgress) });
      }
    }
  }
}
