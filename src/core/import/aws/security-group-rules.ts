/**
 * Security-group rules into the model's one-peer-per-rule form: an AWS IpPermission holds many peers
 * (IpRanges, Ipv6Ranges, PrefixListIds, UserIdGroupPairs); describe-security-group-rules holds one.
 */
import type { RulePeer, SecurityGroupRule } from '../../model/types.ts';
import type { Cursor } from './cursor.ts';
import type { ImportContext } from './context.ts';
import { readCidr } from './addresses.ts';
import { readProtocol, trafficMatch } from './protocol.ts';
import { clipText } from './tags.ts';

export type Direction = 'ingress' | 'egress';

/** The group whose rules are read: its id and owner decide how peers are written. */
export interface RuleOwner {
  groupId: string;
  ownerId: string | undefined;
}

function matchOf(rule: Cursor): SecurityGroupRule['match'] {
  const ports = { item: rule, from: 'FromPort', to: 'ToPort' };
  return trafficMatch(readProtocol(rule, 'IpProtocol'), ports, ports);
}

/** A peer naming a group: by id, or by name only (EC2-Classic; resolved in finalise). */
function groupPeer(pair: Cursor, owner: RuleOwner, idKey: string): RulePeer | undefined {
  const groupId = pair.optionalId(idKey);
  const groupName = pair.str('GroupName')?.trim() || undefined;
  if (!groupId && !groupName) return undefined;
  const userId = pair.str('UserId');
  const peeringId = pair.optionalId('VpcPeeringConnectionId');
  return {
    kind: 'security-group',
    groupId: groupId ?? '',
    ...(userId && userId !== owner.ownerId ? { ownerId: userId } : {}),
    ...(peeringId ? { peeringId } : {}),
    ...(groupName ? { groupName } : {}),
  };
}

function withDescription(rule: Omit<SecurityGroupRule, 'description'>, source: Cursor, ctx: ImportContext): SecurityGroupRule {
  const description = source.str('Description');
  return description ? { ...rule, description: clipText(description, ctx, source.at('Description'), 'rule description') } : rule;
}

/** Splits IpPermissions (or IpPermissionsEgress) into rules; ids are `<group>-<direction>-<permission>-<peer>`. */
export function splitPermissions(perms: Cursor[], direction: Direction, owner: RuleOwner, ctx: ImportContext): SecurityGroupRule[] {
  const rules: SecurityGroupRule[] = [];
  perms.forEach((perm) => {
    const p = perm.path.at(-1);
    const match = matchOf(perm);
    let k = 0;
    const push = (peer: RulePeer | undefined, source: Cursor): void => {
      if (!peer) return;
      rules.push(withDescription({ id: `${owner.groupId}-${direction}-${String(p)}-${k++}`, match, peer }, source, ctx));
    };
    for (const r of perm.objects('IpRanges')) {
      const cidr = readCidr(r, 'CidrIp', ctx, 4);
      push(cidr ? { kind: 'cidr', cidr } : undefined, r);
    }
    for (const r of perm.objects('Ipv6Ranges')) {
      const cidr = readCidr(r, 'CidrIpv6', ctx, 6);
      push(cidr ? { kind: 'cidr', cidr } : undefined, r);
    }
    for (const r of perm.objects('PrefixListIds')) {
      const prefixListId = r.optionalId('PrefixListId');
      push(prefixListId ? { kind: 'prefix-list', prefixListId } : undefined, r);
    }
    for (const pair of perm.objects('UserIdGroupPairs')) push(groupPeer(pair, owner, 'GroupId'), pair);
  });
  return rules;
}

/** One describe-security-group-rules item; undefined (with a warning) when it names no peer. */
export function flatRule(item: Cursor, owner: RuleOwner, ctx: ImportContext): { direction: Direction; rule: SecurityGroupRule } | undefined {
  const id = item.id('SecurityGroupRuleId');
  const direction: Direction = item.bool('IsEgress') ? 'egress' : 'ingress';
  const match = matchOf(item);
  const v4 = readCidr(item, 'CidrIpv4', ctx, 4);
  const v6 = readCidr(item, 'CidrIpv6', ctx, 6);
  const prefixListId = item.optionalId('PrefixListId');
  const ref = item.obj('ReferencedGroupInfo');
  const peer: RulePeer | undefined =
    v4 || v6
      ? { kind: 'cidr', cidr: (v4 ?? v6)! }
      : prefixListId
        ? { kind: 'prefix-list', prefixListId }
        : ref
          ? groupPeer(ref, owner, 'GroupId')
          : undefined;
  if (!peer) {
    ctx.warn('import/rule-dropped', `rule ${id} names no CIDR, prefix list or group; it was left out.`, item, owner.groupId);
    return undefined;
  }
  return { direction, rule: withDescription({ id, match, peer }, item, ctx) };
}
