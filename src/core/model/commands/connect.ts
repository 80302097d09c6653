/**
 * Connections drawn on the canvas, as security-group rules: "let A open connections to B on this
 * port" becomes an ingress rule on B's group naming A's group (or A's CIDRs when A is an external
 * network), plus the matching egress rule when A's group restricts egress. Removing a connection
 * removes exactly the rules it stands for.
 */
import type { Design, RulePeer, SecurityGroup, TrafficMatch } from '../types.ts';
import { err, ok } from '../result.ts';
import { modelError } from '../errors.ts';
import { sameMatch } from '../match-check.ts';
import type { CommandResult } from './common.ts';
import { find, newId } from './common.ts';
import { addSecurityGroup, attachGroup } from './security-group.ts';
import { addRule, removeRules, type Direction } from './rules.ts';
import { vpcOfResource } from '../queries.ts';

/** A group on one side of a connection: an existing one (attached if it is not yet), or a new one by name. */
export type GroupChoice = { groupId: string } | { newGroupName: string; id?: string };

export type ConnectionSource = { resourceId: string; group: GroupChoice } | { externalNetworkId: string };

export interface ConnectArgs {
  source: ConnectionSource;
  targetResourceId: string;
  targetGroup: GroupChoice;
  match: TrafficMatch;
  description?: string;
}

/** One rule of a connection: where it lives. */
export interface RuleRef {
  groupId: string;
  direction: Direction;
  ruleId: string;
}

/** Whether a group lets everything out (AWS's default egress rule for IPv4). */
export function allowsAllEgress(g: SecurityGroup): boolean {
  return g.egress.some((r) => r.match.protocol === 'all' && r.peer.kind === 'cidr' && r.peer.cidr === '0.0.0.0/0');
}

function useGroup(d: Design, resourceId: string, choice: GroupChoice): { ok: true; design: Design; groupId: string } | { ok: false; error: ReturnType<typeof modelError> } {
  const resource = d.resources[resourceId]!;
  let next = d;
  let groupId: string;
  if ('groupId' in choice) {
    groupId = choice.groupId;
    const found = find(next, 'securityGroups', groupId);
    if (!found.ok) return { ok: false, error: found.error };
  } else {
    const vpcId = vpcOfResource(d, resource);
    if (!vpcId) return { ok: false, error: modelError('resources/no-vpc', `${resource.name} is in no VPC.`, { subject: resourceId }) };
    const existing = Object.values(d.securityGroups).find((g) => g.vpcId === vpcId && g.name === choice.newGroupName);
    if (existing) groupId = existing.id;
    else {
      groupId = choice.id ?? newId(next, 'securityGroups');
      const added = addSecurityGroup(next, { id: groupId, vpcId, name: choice.newGroupName });
      if (!added.ok) return { ok: false, error: added.error };
      next = added.value;
    }
  }
  const attached = attachGroup(next, resourceId, groupId);
  if (!attached.ok) return { ok: false, error: attached.error };
  return { ok: true, design: attached.value, groupId };
}

/** Lets a resource or external network open connections to a resource, as rules on their groups. */
export function connectResources(d: Design, args: ConnectArgs): CommandResult {
  const target = find(d, 'resources', args.targetResourceId);
  if (!target.ok) return target;
  let next = d;
  const peers: RulePeer[] = [];
  let sourceGroupId: string | undefined;
  if ('externalNetworkId' in args.source) {
    const network = find(d, 'externalNetworks', args.source.externalNetworkId);
    if (!network.ok) return network;
    if (network.value.kind === 'internet') peers.push({ kind: 'cidr', cidr: '0.0.0.0/0' });
    else peers.push(...network.value.cidrs.map((cidr) => ({ kind: 'cidr' as const, cidr })));
  } else {
    if (args.source.resourceId === args.targetResourceId) {
      return err(modelError('connect/self', `${target.value.name} cannot connect to itself; draw the connection to another resource.`, { subject: args.targetResourceId }));
    }
    const source = find(d, 'resources', args.source.resourceId);
    if (!source.ok) return source;
    const used = useGroup(next, args.source.resourceId, args.source.group);
    if (!used.ok) return err(used.error);
    next = used.design;
    sourceGroupId = used.groupId;
    peers.push({ kind: 'security-group', groupId: sourceGroupId });
  }
  const targetUsed = useGroup(next, args.targetResourceId, args.targetGroup);
  if (!targetUsed.ok) return err(targetUsed.error);
  next = targetUsed.design;
  const targetGroupId = targetUsed.groupId;
  if (sourceGroupId === targetGroupId) {
    return err(modelError('connect/same-group', `Both ends are in the same group; pick a group for each tier.`, { subject: targetGroupId }));
  }
  let added = 0;
  for (const peer of peers) {
    const group = next.securityGroups[targetGroupId]!;
    if (group.ingress.some((r) => sameMatch(r.match, args.match) && samePeer(r.peer, peer))) continue;
    const step = addRule(next, targetGroupId, 'ingress', { match: args.match, peer, ...(args.description ? { description: args.description } : {}) });
    if (!step.ok) return step;
    next = step.value;
    added++;
  }
  if (sourceGroupId) {
    const source = next.securityGroups[sourceGroupId]!;
    const peer: RulePeer = { kind: 'security-group', groupId: targetGroupId };
    if (!allowsAllEgress(source) && !source.egress.some((r) => sameMatch(r.match, args.match) && samePeer(r.peer, peer))) {
      const step = addRule(next, sourceGroupId, 'egress', { match: args.match, peer, ...(args.description ? { description: args.description } : {}) });
      if (!step.ok) return step;
      next = step.value;
      added++;
    }
  }
  if (added === 0) {
    return err(modelError('connect/exists', `${next.securityGroups[targetGroupId]!.name} already allows this connection.`, { subject: targetGroupId }));
  }
  return ok(next);
}

function samePeer(a: RulePeer, b: RulePeer): boolean {
  if (a.kind === 'cidr' && b.kind === 'cidr') return a.cidr === b.cidr;
  if (a.kind === 'security-group' && b.kind === 'security-group') return a.groupId === b.groupId;
  if (a.kind === 'prefix-list' && b.kind === 'prefix-list') return a.prefixListId === b.prefixListId;
  return false;
}

/** Removes a set of rules across groups and directions in one step (a connection drawn as one edge). */
export function removeRuleRefs(d: Design, refs: readonly RuleRef[]): CommandResult {
  const byTable = new Map<string, { groupId: string; direction: Direction; ids: string[] }>();
  for (const ref of refs) {
    const key = `${ref.groupId}|${ref.direction}`;
    const entry = byTable.get(key) ?? { groupId: ref.groupId, direction: ref.direction, ids: [] };
    if (!entry.ids.includes(ref.ruleId)) entry.ids.push(ref.ruleId);
    byTable.set(key, entry);
  }
  let next = d;
  for (const t of byTable.values()) {
    const step = removeRules(next, t.groupId, t.direction, t.ids);
    if (!step.ok) return step;
    next = step.value;
  }
  return ok(next);
}
