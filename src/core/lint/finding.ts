/**
 * Building findings the same way in every rule: stable ids (rule id + the ids the finding is
 * about), targets for the UI, and names people read ("web-1, web-2 and 3 more").
 */
import type { Design, Resource, SecurityGroup, SecurityGroupRule } from '../model/types.ts';
import type { CommandResult } from '../model/commands/common.ts';
import type { Finding, FindingTarget, LintRule, QuickFix, Severity } from './types.ts';
import { designMemo } from './design-memo.ts';

export type Direction = 'ingress' | 'egress';

/** A stable finding id: `ruleId:id1,id2`. The same problem keeps its id while the design changes elsewhere. */
export function findingId(ruleId: string, ids: readonly (string | number)[]): string {
  return `${ruleId}:${ids.join(',')}`;
}

/** What a rule says about one problem; the rule's id, anchors and default severity fill in the rest. */
export interface FindingParts {
  /** The ids the finding is about, in a fixed order (group, rule…): they make its stable id. */
  ids: readonly (string | number)[];
  /** Overrides the rule's default severity (real exposure). */
  severity?: Severity;
  message: string;
  risk: string;
  fix: string;
  targets: FindingTarget[];
  resourceIds?: string[];
  quickFix?: QuickFix;
}

/** A finding of a rule. */
export function makeFinding(rule: Pick<LintRule, 'id' | 'severity' | 'anchors'>, parts: FindingParts): Finding {
  const f: Finding = {
    id: findingId(rule.id, parts.ids),
    ruleId: rule.id,
    severity: parts.severity ?? rule.severity,
    message: parts.message,
    risk: parts.risk,
    fix: parts.fix,
    anchors: rule.anchors,
    targets: parts.targets,
    resourceIds: parts.resourceIds ?? [],
  };
  if (parts.quickFix) f.quickFix = parts.quickFix;
  return f;
}

/** A one-click fix. */
export function quickFix(label: string, apply: (design: Design) => CommandResult): QuickFix {
  return { label, apply };
}

/** Target: a whole security group. */
export const groupTarget = (groupId: string): FindingTarget => ({ kind: 'security-group', groupId });

/** Target: one rule of a security group. */
export const ruleTarget = (groupId: string, direction: Direction, ruleId: string): FindingTarget => ({ kind: 'rule', groupId, direction, ruleId });

/** Target: a network ACL, or one of its entries. */
export const aclTarget = (networkAclId: string, ruleNumber?: number, egress?: boolean): FindingTarget => ({
  kind: 'network-acl',
  networkAclId,
  ...(ruleNumber !== undefined ? { ruleNumber } : {}),
  ...(egress !== undefined ? { egress } : {}),
});

/** Target: a resource. */
export const resourceTarget = (resourceId: string): FindingTarget => ({ kind: 'resource', resourceId });

/** Target: a subnet. */
export const subnetTarget = (subnetId: string): FindingTarget => ({ kind: 'subnet', subnetId });

/** One rule of a group, with where it sits. */
export interface GroupRule {
  group: SecurityGroup;
  direction: Direction;
  rule: SecurityGroupRule;
}

/** Every rule of every group (ingress first), in design order. */
export function allGroupRules(d: Design, direction?: Direction): GroupRule[] {
  const out: GroupRule[] = [];
  for (const group of Object.values(d.securityGroups)) {
    for (const dir of direction ? [direction] : (['ingress', 'egress'] as const)) {
      for (const rule of group[dir]) out.push({ group, direction: dir, rule });
    }
  }
  return out;
}

/** Resources with an interface in the group, in design order (a fresh array each call). */
export function membersOf(d: Design, groupId: string): Resource[] {
  const byGroup = designMemo(d, 'membersByGroup', () => {
    const out = new Map<string, Resource[]>();
    for (const r of Object.values(d.resources)) {
      for (const g of new Set(r.enis.flatMap((e) => e.securityGroupIds))) {
        let list = out.get(g);
        if (!list) out.set(g, (list = []));
        list.push(r);
      }
    }
    return out;
  });
  return [...(byGroup.get(groupId) ?? [])];
}

/** Names for a message: "web-1, web-2", "web-1, web-2, web-3 and 4 more". */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** How a message names a rule's peer: "0.0.0.0/0", "AppSG", "pl-123". */
export function peerLabel(d: Design, rule: SecurityGroupRule): string {
  const p = rule.peer;
  if (p.kind === 'cidr') return p.cidr;
  if (p.kind === 'prefix-list') return d.prefixLists[p.prefixListId]?.name ?? p.prefixListId;
  return d.securityGroups[p.groupId]?.name ?? p.groupName ?? p.groupId;
}
