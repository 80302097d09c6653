/** Helpers of the design-rule tests: run one rule, apply a quick fix and check it holds. */
import { expect } from 'vitest';
import type { Design } from '../../model/types.ts';
import { validateDesign } from '../../model/schema.ts';
import { lintContext } from '../run-lint.ts';
import type { Finding, LintRule } from '../types.ts';

/** The findings of one rule on a design. */
export function findings(rule: LintRule, d: Design): Finding[] {
  return rule.check(lintContext(d));
}

/** Applies a finding's quick fix, checks the design still validates and the finding is gone; returns the fixed design. */
export function applyQuickFix(rule: LintRule, d: Design, f: Finding): Design {
  expect(f.quickFix).toBeDefined();
  const r = f.quickFix!.apply(d);
  if (!r.ok) throw new Error(`quick fix refused: ${r.error.message}`);
  expect(validateDesign(JSON.parse(JSON.stringify(r.value))).ok).toBe(true);
  expect(findings(rule, r.value).map((x) => x.id)).not.toContain(f.id);
  return r.value;
}

/** Every finding carries the fields a person needs. */
export function expectWellFormed(list: readonly Finding[]): void {
  for (const f of list) {
    expect(f.id.startsWith(`${f.ruleId}:`)).toBe(true);
    expect(f.message.length).toBeGreaterThan(10);
    expect(f.message).not.toContain('\n');
    expect(f.risk.length).toBeGreaterThan(10);
    expect(f.fix.length).toBeGreaterThan(10);
    expect(f.anchors).toEqual([]);
    expect(f.targets.length).toBeGreaterThan(0);
  }
}
