/** What the findings panel shows: findings filtered by text and severity, grouped most severe first. */
import { SEVERITIES, type Finding, type Severity } from '../../../core/lint/index.ts';

export interface FindingsFilter {
  text: string;
  hidden: ReadonlySet<Severity>;
}

export interface SeverityGroup {
  severity: Severity;
  findings: Finding[];
}

/** Every word of the filter appears in the message, the rule id or an anchor (case-insensitive). */
export function matchesText(f: Finding, text: string): boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = [f.message, f.ruleId, ...f.anchors].join(' ').toLowerCase();
  return words.every((w) => hay.includes(w));
}

export function groupFindings(findings: readonly Finding[], filter: FindingsFilter): SeverityGroup[] {
  return SEVERITIES.filter((s) => !filter.hidden.has(s))
    .map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity && matchesText(f, filter.text)) }))
    .filter((g) => g.findings.length > 0);
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 } satisfies Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  return SEVERITIES.find((s) => findings.some((f) => f.severity === s));
}
