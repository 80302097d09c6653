import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../core/lint/index.ts';
import { groupFindings, severityCounts, worstSeverity } from './findings-view.ts';

const f = (id: string, severity: Finding['severity'], message: string, anchors: string[] = []): Finding => ({
  id,
  ruleId: `rule-${id}`,
  severity,
  message,
  risk: '',
  fix: '',
  anchors,
  targets: [],
  resourceIds: [],
});
const all = [f('a', 'high', 'DBSG admits tcp 22 (SSH)', ['CIS 5.2']), f('b', 'info', 'WebSG has 1 rule without a description'), f('c', 'high', 'AppSG allows all out')];

describe('the findings panel view', () => {
  it('groups most severe first and counts per severity', () => {
    expect(groupFindings(all, { text: '', hidden: new Set() }).map((g) => [g.severity, g.findings.map((x) => x.id)])).toEqual([
      ['high', ['a', 'c']],
      ['info', ['b']],
    ]);
    expect(severityCounts(all)).toEqual({ critical: 0, high: 2, medium: 0, low: 0, info: 1 });
    expect(worstSeverity(all)).toBe('high');
    expect(worstSeverity([])).toBeUndefined();
  });

  it('filters by every word of the text (message, rule id, anchors) and by severity', () => {
    expect(groupFindings(all, { text: 'dbsg cis', hidden: new Set() }).flatMap((g) => g.findings.map((x) => x.id))).toEqual(['a']);
    expect(groupFindings(all, { text: '', hidden: new Set(['high']) }).flatMap((g) => g.findings.map((x) => x.id))).toEqual(['b']);
  });
});
