/**
 * Security groups and their rules: in-line `ingress`/`egress` blocks, aws_security_group_rule,
 * and aws_vpc_security_group_ingress_rule / _egress_rule, all as IpPermissions of the group's
 * describe item. A refreshed state lists standalone rules among the group's in-line ones as
 * well; a rule already there is not added twice.
 */
import type { Cursor } from '../aws/cursor.ts';
import { protocolNumber } from '../../net/index.ts';
import { Traced, made, type Item } from '../translate/writer.ts';
import { Translation, blocks, elements, isSet, tagList, text, value } from './context.ts';
import { idOf } from './network.ts';
import type { TfResource } from './resources.ts';

/** Where groups that name no VPC are placed when the input holds no aws_default_vpc. */
export const DEFAULT_VPC_STAND_IN = 'default-vpc';

const GROUP_TYPES = ['aws_security_group', 'aws_default_security_group'];

/** "sg-1", or "123456789012/sg-1" for another account's group. */
function groupPair(ref: Traced, description: Traced): Item {
  const s = typeof ref.value === 'string' ? ref.value.trim() : String(ref.value);
  const slash = s.indexOf('/');
  if (slash > 0 && !s.startsWith('aws_')) {
    return { UserId: new Traced(s.slice(0, slash), ref.origin), GroupId: new Traced(s.slice(slash + 1), ref.origin), Description: description };
  }
  return { GroupId: ref, Description: description };
}

/** An in-line rule block or an aws_security_group_rule: one IpPermission with its peers. */
function permission(c: Cursor, groupId: Traced, peerKeys: { cidrs: string; ipv6: string; prefixLists: string; groups: string; self: string }): Item {
  const description = value(c.at('description'));
  const pairs = elements(c.at(peerKeys.groups)).map((g) => groupPair(g, description));
  if (c.bool(peerKeys.self)) pairs.push({ GroupId: groupId, Description: description });
  return {
    IpProtocol: value(c.at('protocol')),
    FromPort: value(c.at('from_port')),
    ToPort: value(c.at('to_port')),
    IpRanges: elements(c.at(peerKeys.cidrs)).map((cidr) => ({ CidrIp: cidr, Description: description })),
    Ipv6Ranges: elements(c.at(peerKeys.ipv6)).map((cidr) => ({ CidrIpv6: cidr, Description: description })),
    PrefixListIds: elements(c.at(peerKeys.prefixLists)).map((id) => ({ PrefixListId: id, Description: description })),
    UserIdGroupPairs: pairs,
  };
}

const INLINE = { cidrs: 'cidr_blocks', ipv6: 'ipv6_cidr_blocks', prefixLists: 'prefix_list_ids', groups: 'security_groups', self: 'self' };
const RULE = { cidrs: 'cidr_blocks', ipv6: 'ipv6_cidr_blocks', prefixLists: 'prefix_list_ids', groups: 'source_security_group_id', self: 'self' };

/** aws_vpc_security_group_ingress_rule / _egress_rule: one peer per rule. */
function vpcRulePermission(c: Cursor): Item {
  const description = value(c.at('description'));
  const referenced = value(c.at('referenced_security_group_id'));
  return {
    IpProtocol: value(c.at('ip_protocol')),
    FromPort: value(c.at('from_port')),
    ToPort: value(c.at('to_port')),
    IpRanges: isSet(c.at('cidr_ipv4')) ? [{ CidrIp: value(c.at('cidr_ipv4')), Description: description }] : [],
    Ipv6Ranges: isSet(c.at('cidr_ipv6')) ? [{ CidrIpv6: value(c.at('cidr_ipv6')), Description: description }] : [],
    PrefixListIds: isSet(c.at('prefix_list_id')) ? [{ PrefixListId: value(c.at('prefix_list_id')), Description: description }] : [],
    UserIdGroupPairs: referenced.value !== undefined ? [groupPair(referenced, description)] : [],
  };
}

const plain = (v: unknown): unknown => (v instanceof Traced ? v.value : v);

/** One key per peer of a permission: protocol, ports (or ICMP type/code) and the peer. */
function peerKeys(perm: Item): string[] {
  const p = protocolNumber(String(plain(perm.IpProtocol) ?? ''));
  const proto = p.ok ? p.value : String(plain(perm.IpProtocol));
  const ports = proto === -1 ? '' : `${String(plain(perm.FromPort) ?? '')}-${String(plain(perm.ToPort) ?? '')}`;
  const list = (k: string): Item[] => (Array.isArray(perm[k]) ? (perm[k] as Item[]) : []);
  return [
    ...list('IpRanges').map((r) => `4:${String(plain(r.CidrIp))}`),
    ...list('Ipv6Ranges').map((r) => `6:${String(plain(r.CidrIpv6))}`),
    ...list('PrefixListIds').map((r) => `pl:${String(plain(r.PrefixListId))}`),
    ...list('UserIdGroupPairs').map((r) => `sg:${String(plain(r.GroupId))}`),
  ].map((peer) => `${proto}|${ports}|${peer}`);
}

const PEER_LISTS = ['IpRanges', 'Ipv6Ranges', 'PrefixListIds', 'UserIdGroupPairs'] as const;

/** The permission with the peers the group already holds taken out; undefined when none is left. */
function onlyNew(perm: Item, existing: Item[]): Item | undefined {
  const held = new Set(existing.flatMap(peerKeys));
  const bare: Item = { IpProtocol: perm.IpProtocol, FromPort: perm.FromPort, ToPort: perm.ToPort };
  const out: Item = { ...perm };
  for (const k of PEER_LISTS) {
    const list = Array.isArray(perm[k]) ? (perm[k] as Item[]) : [];
    out[k] = list.filter((peer) => !held.has(peerKeys({ ...bare, [k]: [peer] })[0]!));
  }
  return peerKeys(out).length > 0 ? out : undefined;
}

function groups(tr: Translation): void {
  const defaultVpc = tr.of('aws_default_vpc')[0];
  const withoutVpc: string[] = [];
  for (const r of tr.of(...GROUP_TYPES)) {
    const v = r.values;
    const id = idOf(r);
    let vpc = value(tr.attr(r, 'vpc_id'));
    if (vpc.value === undefined) {
      // No vpc_id: AWS puts the group in the Region's default VPC.
      vpc = made(defaultVpc?.id ?? DEFAULT_VPC_STAND_IN, v);
      if (!defaultVpc) withoutVpc.push(r.address);
    }
    tr.emit(r, 'SecurityGroups', {
      GroupId: id,
      GroupName: r.type === 'aws_default_security_group' ? made('default', v) : value(v.at('name')),
      Description: value(v.at('description')),
      VpcId: vpc,
      OwnerId: value(v.at('owner_id')),
      IpPermissions: blocks(tr.attr(r, 'ingress')).map((c) => permission(c, id, INLINE)),
      IpPermissionsEgress: blocks(tr.attr(r, 'egress')).map((c) => permission(c, id, INLINE)),
      Tags: tagList(v),
    });
  }
  if (withoutVpc.length > 0) {
    tr.warn(
      'import/terraform-default-vpc',
      `${withoutVpc.length} security group${withoutVpc.length === 1 ? ' names' : 's name'} no vpc_id (${withoutVpc.slice(0, 5).join(', ')}${withoutVpc.length > 5 ? ', …' : ''}), so AWS places ${withoutVpc.length === 1 ? 'it' : 'them'} in the Region's default VPC, which the Terraform input does not hold; "${DEFAULT_VPC_STAND_IN}" stands in for it.`,
    );
  }
}

function addRule(tr: Translation, r: TfResource, egress: boolean, perm: (groupId: Traced) => Item): void {
  const groupKey = text(tr.attr(r, 'security_group_id'));
  const group = tr.find(groupKey, ...GROUP_TYPES);
  const written = group ? tr.items.get(group.address) : undefined;
  if (!group || !written) {
    tr.warn('import/terraform-owner-missing', `${r.address} is a rule of security group ${groupKey ?? '(none)'}, which is not in the Terraform input; it was left out.`, r.at, groupKey);
    return;
  }
  tr.touch(r.values);
  const key = egress ? 'IpPermissionsEgress' : 'IpPermissions';
  const fresh = onlyNew(perm(made(group.id, r.values)), (written.item[key] as Item[] | undefined) ?? []);
  if (fresh) tr.extend(group.address, key, fresh, r.values);
}

function rules(tr: Translation): void {
  for (const r of tr.of('aws_security_group_rule')) {
    const v = r.values;
    const type = text(v.at('type'));
    if (type !== 'ingress' && type !== 'egress') {
      if (type !== undefined) v.at('type').fail(`is "${type}"; a security group rule's type is ingress or egress.`);
      incomplete(tr, r);
      continue;
    }
    if (!isSet(v.at('protocol'))) {
      incomplete(tr, r);
      continue;
    }
    addRule(tr, r, type === 'egress', (groupId) => permission(v, groupId, RULE));
  }
  for (const r of tr.of('aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule')) {
    addRule(tr, r, r.type.endsWith('_egress_rule'), () => vpcRulePermission(r.values));
  }
}

/** A trimmed aws_security_group_rule (no type or protocol): it cannot be read on its own. */
function incomplete(tr: Translation, r: TfResource): void {
  const groupKey = text(r.values.at('security_group_id'));
  const group = tr.find(groupKey, ...GROUP_TYPES);
  const source = text(r.values.at('source_security_group_id'));
  const listed =
    group && source
      ? blocks(group.values.at('ingress')).some((b) => elements(b.at('security_groups')).some((g) => g.value === source) || (source === group.id && b.bool('self') === true))
      : false;
  const also = !group
    ? ` Its group ${groupKey ?? '(none)'} is not in the Terraform input either.`
    : listed
      ? ` ${group.address} lists an in-line rule from ${source}, which a refreshed state records for this rule too.`
      : ` Its group ${group.address} keeps the rules its own attributes list.`;
  tr.warn('import/terraform-rule-incomplete', `${r.address} gives no ${isSet(r.values.at('type')) ? 'protocol' : 'type'}, so what it allows is unknown; it was left out.${also}`, r.at, r.id);
}

/** Writes security groups, then the standalone rules into their groups. */
export function translateGroups(tr: Translation): void {
  groups(tr);
  rules(tr);
}

export const GROUP_RESOURCE_TYPES = [...GROUP_TYPES, 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'];
