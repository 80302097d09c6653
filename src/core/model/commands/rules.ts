/** Commands on security-group rules: add, change, remove, with the checks the EC2 API makes. */
import type { Design, RulePeer, SecurityGroup, SecurityGroupRule, TrafficMatch } from '../types.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import type { ModelError } from '../errors.ts';
import { modelError } from '../errors.ts';
import { cidrIssue } from '../cidr-check.ts';
import { textIssue } from '../naming.ts';
import { normaliseMatch, sameMatch } from '../match-check.ts';
import type { CommandResult } from './common.ts';
import { find, newChildId, put } from './common.ts';

/** Inbound and outbound rules per group, counted per address family (AWS default quota). */
export const MAX_RULES_PER_DIRECTION = 60;

export type Direction = 'ingress' | 'egress';

export interface RuleInput {
  id?: string;
  match: TrafficMatch;
  peer: RulePeer;
  description?: string;
}

/** Adds a rule to a group's inbound or outbound table. */
export function addRule(d: Design, groupId: string, direction: Direction, input: RuleInput): CommandResult {
  const group = find(d, 'securityGroups', groupId);
  if (!group.ok) return group;
  const rule = checkRule(d, group.value, direction, input);
  if (!rule.ok) return rule;
  const existing = group.value[direction];
  if (existing.some((r) => sameMatch(r.match, rule.value.match) && samePeer(r.peer, rule.value.peer))) {
    return err(modelError('rules/duplicate', `${group.value.name} already has this ${direction} rule.`, { subject: groupId }));
  }
  const quota = quotaIssue(d, group.value, direction, [...existing, rule.value]);
  if (quota) return err(quota);
  const id = input.id ?? newChildId(`sgr`, Object.values(d.securityGroups).flatMap((g) => [...g.ingress, ...g.egress].map((r) => r.id)));
  return ok(put(d, 'securityGroups', { ...group.value, [direction]: [...existing, { ...rule.value, id }] }));
}

/** Replaces a rule's match, peer or description, keeping its id and place. */
export function updateRule(d: Design, groupId: string, direction: Direction, ruleId: string, input: RuleInput): CommandResult {
  const group = find(d, 'securityGroups', groupId);
  if (!group.ok) return group;
  const index = group.value[direction].findIndex((r) => r.id === ruleId);
  if (index < 0) return err(modelError('rules/not-found', `${group.value.name} has no ${direction} rule ${ruleId}.`, { subject: groupId }));
  const rule = checkRule(d, group.value, direction, input);
  if (!rule.ok) return rule;
  const rules = group.value[direction].map((r, i) => (i === index ? { ...rule.value, id: ruleId } : r));
  const quota = quotaIssue(d, group.value, direction, rules);
  if (quota) return err(quota);
  return ok(put(d, 'securityGroups', { ...group.value, [direction]: rules }));
}

/** Removes rules by id from one direction of a group. */
export function removeRules(d: Design, groupId: string, direction: Direction, ruleIds: string[]): CommandResult {
  const group = find(d, 'securityGroups', groupId);
  if (!group.ok) return group;
  const missing = ruleIds.find((id) => !group.value[direction].some((r) => r.id === id));
  if (missing) return err(modelError('rules/not-found', `${group.value.name} has no ${direction} rule ${missing}.`, { subject: groupId }));
  return ok(put(d, 'securityGroups', { ...group.value, [direction]: group.value[direction].filter((r) => !ruleIds.includes(r.id)) }));
}

function checkRule(d: Design, group: SecurityGroup, direction: Direction, input: RuleInput): Result<SecurityGroupRule, ModelError> {
  const match = normaliseMatch(input.match);
  if (!match.ok) return match;
  if (input.description !== undefined) {
    const bad = textIssue(input.description, 'description', 'description');
    if (bad) return err(bad);
  }
  const peer = input.peer;
  if (peer.kind === 'cidr') {
    const bad = cidrIssue(peer.cidr, undefined, 'peer.cidr');
    if (bad) return err(bad);
    if (match.value.protocol === 'icmpv6' && !peer.cidr.includes(':')) {
      return err(modelError('rules/family', 'An icmpv6 rule needs an IPv6 CIDR.', { path: 'peer.cidr' }));
    }
  } else if (peer.kind === 'prefix-list') {
    if (!d.prefixLists[peer.prefixListId]) return err(modelError('prefixLists/not-found', `There is no prefix list "${peer.prefixListId}" in the design.`, { path: 'peer.prefixListId' }));
  } else {
    const other = d.securityGroups[peer.groupId];
    if (!other && !peer.peeringId) {
      return err(modelError('securityGroups/not-found', `There is no security group "${peer.groupId}" in the design.`, { path: 'peer.groupId' }));
    }
    if (other && other.vpcId !== group.vpcId && !peer.peeringId && !peeringBetween(d, other.vpcId, group.vpcId)) {
      return err(
        modelError('rules/peer-vpc', `${other.name} is in another VPC with no peering to ${group.name}'s VPC; a group reference only works within a VPC or across an active peering.`, {
          path: 'peer.groupId',
        }),
      );
    }
  }
  const rule: SecurityGroupRule = { id: input.id ?? '', match: match.value, peer };
  if (input.description) rule.description = input.description;
  void direction;
  return ok(rule);
}

function peeringBetween(d: Design, a: string, b: string): boolean {
  return Object.values(d.peerings).some(
    (p) => (p.requester.vpcId === a && p.accepter.vpcId === b) || (p.requester.vpcId === b && p.accepter.vpcId === a),
  );
}

function samePeer(a: RulePeer, b: RulePeer): boolean {
  if (a.kind === 'cidr' && b.kind === 'cidr') return a.cidr === b.cidr;
  if (a.kind === 'prefix-list' && b.kind === 'prefix-list') return a.prefixListId === b.prefixListId;
  if (a.kind === 'security-group' && b.kind === 'security-group') return a.groupId === b.groupId;
  return false;
}

/** The AWS quota: 60 rules per direction, IPv4 and IPv6 counted apart; a prefix list counts as its max entries. */
function quotaIssue(d: Design, group: SecurityGroup, direction: Direction, rules: SecurityGroupRule[]): ModelError | undefined {
  let v4 = 0;
  let v6 = 0;
  for (const r of rules) {
    if (r.peer.kind === 'cidr') {
      if (r.peer.cidr.includes(':')) v6++;
      else v4++;
    } else if (r.peer.kind === 'prefix-list') {
      const list = d.prefixLists[r.peer.prefixListId];
      const weight = list?.maxEntries ?? 1;
      if (list?.addressFamily === 'IPv6') v6 += weight;
      else v4 += weight;
    } else {
      v4++;
    }
  }
  const over = v4 > MAX_RULES_PER_DIRECTION ? ['IPv4', v4] : v6 > MAX_RULES_PER_DIRECTION ? ['IPv6', v6] : undefined;
  if (!over) return undefined;
  return modelError(
    'rules/quota',
    `${group.name} would have ${over[1]} ${over[0]} ${direction} rules; AWS allows ${MAX_RULES_PER_DIRECTION} per direction (prefix lists count as their max entries).`,
    { subject: group.id },
  );
}
