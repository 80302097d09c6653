/**
 * Which connection edges carry findings: a finding that points at a security-group rule belongs to
 * every connection drawn from that rule. Per connection, a badge summary ("high:2", compared by
 * value) and the finding ids, worst first, for the badge to open.
 */
import { SEVERITIES, type Finding } from '../../core/lint/index.ts';
import type { Design } from '../../core/model/index.ts';
import { connections } from './connections.ts';

export interface EdgeFindings {
  badges: Record<string, string>;
  ids: Record<string, string[]>;
}

export function edgeFindings(d: Design, findings: readonly Finding[]): EdgeFindings {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    for (const t of f.targets) {
      if (t.kind !== 'rule') continue;
      const key = `${t.groupId}|${t.direction}|${t.ruleId}`;
      const list = byRule.get(key) ?? [];
      if (!list.includes(f)) list.push(f);
      byRule.set(key, list);
    }
  }
  const badges: Record<string, string> = {};
  const ids: Record<string, string[]> = {};
  if (byRule.size === 0) return { badges, ids };
  for (const c of connections(d)) {
    const found = new Set<Finding>();
    for (const r of c.rules) for (const f of byRule.get(`${r.groupId}|${r.direction}|${r.ruleId}`) ?? []) found.add(f);
    if (found.size === 0) continue;
    const sorted = [...found].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
    badges[c.key] = `${sorted[0]!.severity}:${sorted.length}`;
    ids[c.key] = sorted.map((f) => f.id);
  }
  return { badges, ids };
}
