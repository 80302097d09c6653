/**
 * Security groups and their rules: in-line SecurityGroupIngress/Egress and the standalone
 * AWS::EC2::SecurityGroupIngress/Egress resources, all as describe-security-group-rules items so
 * that each rule keeps an id (`<group>-ingress-<n>` in-line, the logical id standalone). A group
 * that declares no egress keeps AWS's allow-all; the documented stand-in that removes it (all
 * protocols to 127.0.0.1/32, which the CloudFormation export writes) means no egress at all.
 */
import { canonicalCidr } from '../../net/index.ts';
import type { Cursor } from '../aws/cursor.ts';
import { describeValue } from '../aws/cursor.ts';
import type { Build, Item } from './build.ts';
import { defaultEgressItems } from './default-items.ts';
import { DEFAULT_VPC_PLACEHOLDER } from './ids.ts';
import { holding, type ResourceReader } from './reader.ts';
import { Unresolved } from './values.ts';

const PEERS = {
  ingress: { cidr: 'CidrIp', cidr6: 'CidrIpv6', prefixList: 'SourcePrefixListId', group: 'SourceSecurityGroupId', groupName: 'SourceSecurityGroupName' },
  egress: { cidr: 'CidrIp', cidr6: 'CidrIpv6', prefixList: 'DestinationPrefixListId', group: 'DestinationSecurityGroupId', groupName: undefined },
} as const;

type Direction = keyof typeof PEERS;

const RULE_KEYS = ['IpProtocol', 'FromPort', 'ToPort', 'Description', 'CidrIp', 'CidrIpv6', 'SourcePrefixListId', 'SourceSecurityGroupId', 'SourceSecurityGroupName', 'SourceSecurityGroupOwnerId', 'DestinationPrefixListId', 'DestinationSecurityGroupId'];

/** The placeholder egress that stands for "no egress" (CloudFormation keeps allow-all when a group declares none). */
function isNoEgressStandIn(rule: Cursor): boolean {
  const cidr = rule.at('CidrIp').value;
  const protocol = String(rule.at('IpProtocol').value).trim();
  if (typeof cidr !== 'string' || (protocol !== '-1' && protocol.toLowerCase() !== 'all')) return false;
  const c = canonicalCidr(cidr);
  return c.ok && c.value === '127.0.0.1/32';
}

export function translateSecurityGroups(b: Build): void {
  const declared: ResourceReader[] = [];
  for (const r of b.readers('AWS::EC2::SecurityGroup')) {
    r.entity(`security group ${r.logicalId}`, () => {
      const vpcAt = r.prop('VpcId');
      let vpcId = r.idAt(vpcAt);
      if (!vpcId) {
        vpcId = DEFAULT_VPC_PLACEHOLDER;
        r.scope.warn('import/cfn-default-vpc', `names no VpcId, so AWS creates the group in the Region's default VPC, which the templates do not describe; "${vpcId}" stands in for it.`, vpcAt, r.id);
      }
      const nameAt = r.prop('GroupName');
      const descriptionAt = r.prop('GroupDescription');
      const item: Item = { GroupId: r.id, GroupName: r.optional(nameAt), Description: r.optional(descriptionAt) ?? '', VpcId: vpcId, Tags: r.tags() };
      b.draft.add(r.file, 'SecurityGroups', b.draft.track(item, r.at, { GroupName: nameAt, Description: descriptionAt, VpcId: vpcAt, Tags: r.prop('Tags') }));
      b.groups.set(r.id, { vpcId });
      declared.push(r);
    });
  }
  for (const r of declared) {
    inlineRules(b, r, 'ingress');
    inlineRules(b, r, 'egress');
  }
  for (const [type, direction] of [
    ['AWS::EC2::SecurityGroupIngress', 'ingress'],
    ['AWS::EC2::SecurityGroupEgress', 'egress'],
  ] as const) {
    for (const r of b.readers(type)) {
      r.entity(`${direction} rule ${r.logicalId}`, () => {
        const ownerAt = r.prop('GroupId');
        const owner = ownerAt.missing && direction === 'ingress' ? groupByName(b, r, r.prop('GroupName')) : r.idAt(ownerAt);
        if (!owner) return ownerAt.fail('is missing: a standalone rule names the group it belongs to (GroupId).', 'import/cfn-shape');
        const rule = holding(r.at, Object.fromEntries(RULE_KEYS.map((k) => [k, r.prop(k).value])));
        ruleItem(b, r, rule, owner, direction, r.id);
      });
    }
  }
  markPeeredReferences(b);
}

function inlineRules(b: Build, r: ResourceReader, direction: Direction): void {
  const key = direction === 'ingress' ? 'SecurityGroupIngress' : 'SecurityGroupEgress';
  r.entity(`the in-line ${direction} rules of ${r.logicalId}`, () => {
    const rules = r.list(r.prop(key));
    const declaredEgress = direction === 'egress' && rules.length > 0;
    rules.forEach((rule, i) => {
      if (rule.missing) return;
      if (typeof rule.value !== 'object' || Array.isArray(rule.value) || rule.value instanceof Unresolved) {
        if (rule.value instanceof Unresolved) return r.entity(`${direction} rule ${i + 1} of ${r.logicalId}`, () => r.need(rule));
        return rule.fail(`should be a rule (a mapping with IpProtocol), but it is ${describeValue(rule.value)}.`, 'import/cfn-shape');
      }
      if (direction === 'egress' && isNoEgressStandIn(rule)) return;
      r.entity(`${direction} rule ${i + 1} of ${r.logicalId}`, () => ruleItem(b, r, rule, r.id, direction, `${r.id}-${direction}-${i}`));
    });
    if (direction === 'egress' && !declaredEgress) {
      const vpc = b.vpcs.get(b.groups.get(r.id)?.vpcId ?? '');
      for (const item of defaultEgressItems(r.id, vpc?.ipv6 ?? false)) b.draft.add(r.file, 'SecurityGroupRules', b.draft.track(item, r.at));
    }
  });
}

/** A group named by GroupName (default VPC templates): the template group of that name or id, else the name. */
function groupByName(b: Build, r: ResourceReader, at: Cursor): string | undefined {
  const name = r.idAt(at);
  if (!name || b.groups.has(name)) return name;
  for (const g of b.readers('AWS::EC2::SecurityGroup')) {
    if (b.groups.has(g.id) && g.prop('GroupName').value === name) return g.id;
  }
  return name;
}

/** One rule as a describe-security-group-rules item. */
function ruleItem(b: Build, r: ResourceReader, rule: Cursor, owner: string, direction: Direction, ruleId: string): void {
  const peers = PEERS[direction];
  const present = Object.values(peers).filter((k): k is NonNullable<typeof k> => k !== undefined && !rule.at(k).missing);
  if (present.length > 1) {
    r.scope.warn('import/cfn-rule-peers', `the rule names ${present.join(' and ')}; AWS takes one peer per rule, and ${present[0]} was used.`, rule, r.id);
  }
  const value = (k: string): unknown => r.need(rule.at(k));
  const item: Item = {
    SecurityGroupRuleId: ruleId,
    GroupId: owner,
    IsEgress: direction === 'egress',
    IpProtocol: value('IpProtocol'),
    FromPort: value('FromPort'),
    ToPort: value('ToPort'),
    Description: r.optional(rule.at('Description')),
  };
  const peer = present[0];
  const fields: Record<string, Cursor> = { IpProtocol: rule.at('IpProtocol'), FromPort: rule.at('FromPort'), ToPort: rule.at('ToPort'), Description: rule.at('Description') };
  if (peer === peers.cidr) [item.CidrIpv4, fields.CidrIpv4] = [value(peer), rule.at(peer)];
  else if (peer === peers.cidr6) [item.CidrIpv6, fields.CidrIpv6] = [value(peer), rule.at(peer)];
  else if (peer === peers.prefixList) [item.PrefixListId, fields.PrefixListId] = [r.idAt(rule.at(peer)), rule.at(peer)];
  else if (peer !== undefined) {
    const byName = peer === 'SourceSecurityGroupName';
    const ownerAt = rule.at('SourceSecurityGroupOwnerId');
    // AWS::AccountId (this account) is what an owner id that cannot be known almost always is.
    const userId = ownerAt.value instanceof Unresolved ? undefined : r.optional(ownerAt);
    const groupId = byName ? groupByName(b, r, rule.at(peer)) : r.idAt(rule.at(peer));
    const info: Item = byName && groupId && !b.groups.has(groupId) ? { GroupName: groupId } : { GroupId: groupId };
    if (userId !== undefined && userId !== null) info.UserId = userId;
    item.ReferencedGroupInfo = b.draft.track(info, rule, { GroupId: rule.at(peer), GroupName: rule.at(peer), UserId: ownerAt });
    b.groupReferences.push({ owner, info });
  }
  b.draft.add(r.file, 'SecurityGroupRules', b.draft.track(item, rule, fields));
}

/** A rule naming a group of a peered VPC carries the peering, as describe output shows it. */
function markPeeredReferences(b: Build): void {
  for (const { owner, info } of b.groupReferences) {
    const ownerVpc = b.groups.get(owner)?.vpcId;
    const peerVpc = typeof info.GroupId === 'string' ? b.groups.get(info.GroupId)?.vpcId : undefined;
    if (!ownerVpc || !peerVpc || ownerVpc === peerVpc) continue;
    const peering = b.peerings.find((p) => (p.requester === ownerVpc && p.accepter === peerVpc) || (p.requester === peerVpc && p.accepter === ownerVpc));
    if (peering) info.VpcPeeringConnectionId = peering.id;
  }
}
