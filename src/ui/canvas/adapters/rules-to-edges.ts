/**
 * Edges from security-group rules: who may open a connection to whom, as the inbound rules say.
 * A rule naming another group draws its members to this group's members; a rule naming 0.0.0.0/0
 * draws from the Internet node, and a CIDR equal to a named external network from that network.
 * Self-references (the default group's "members talk freely") are left out: they would draw
 * every pair. This is what the groups allow, not reachability: routes and NACLs come later.
 */
import type { Design, SecurityGroupRule } from '../../../core/model/index.ts';
import { groupMembers } from '../../../core/model/index.ts';
import { matchLabel } from '../../placement/rule-form.ts';

export interface RuleEdge {
  id: string;
  source: string;
  target: string;
  /** "TCP 443", or several joined with " · ". */
  label: string;
  /** Groups whose rules this edge stands for (to highlight with a selected group). */
  groupIds: string[];
}

function sourcesOf(d: Design, rule: SecurityGroupRule, ownGroup: string): string[] {
  const p = rule.peer;
  if (p.kind === 'security-group') return p.groupId === ownGroup ? [] : groupMembers(d, p.groupId).map((r) => r.id);
  if (p.kind !== 'cidr') return [];
  const world = p.cidr === '0.0.0.0/0' || p.cidr === '::/0';
  return Object.values(d.externalNetworks)
    .filter((n) => (world ? n.kind === 'internet' : n.cidrs.includes(p.cidr)))
    .map((n) => n.id);
}

export function ruleEdges(d: Design): RuleEdge[] {
  const byPair = new Map<string, { source: string; target: string; labels: string[]; groupIds: Set<string> }>();
  for (const group of Object.values(d.securityGroups)) {
    if (group.ingress.length === 0) continue;
    const targets = groupMembers(d, group.id).map((r) => r.id);
    if (targets.length === 0) continue;
    for (const rule of group.ingress) {
      const label = matchLabel(rule);
      for (const source of sourcesOf(d, rule, group.id)) {
        for (const target of targets) {
          if (source === target) continue;
          const key = `${source}->${target}`;
          const entry = byPair.get(key) ?? { source, target, labels: [], groupIds: new Set<string>() };
          if (!entry.labels.includes(label)) entry.labels.push(label);
          entry.groupIds.add(group.id);
          if (rule.peer.kind === 'security-group') entry.groupIds.add(rule.peer.groupId);
          byPair.set(key, entry);
        }
      }
    }
  }
  return [...byPair.entries()].map(([key, e]) => ({ id: `rule:${key}`, source: e.source, target: e.target, label: e.labels.join(' · '), groupIds: [...e.groupIds] }));
}
