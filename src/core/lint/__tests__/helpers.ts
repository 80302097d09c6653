/** Small designs and runners for the scanner-rule tests. */
import { expect } from 'vitest';
import { design, type DesignBuilder } from '../../model/builder.ts';
import type { Design } from '../../model/types.ts';
import { unwrap } from '../../model/result.ts';
import { validateDesign } from '../../model/schema.ts';
import { lintContext } from '../run-lint.ts';
import type { Finding, LintRule } from '../types.ts';

/** A VPC 10.20.0.0/16 with a public subnet (route to the IGW) and a private one. */
export function net(): DesignBuilder {
  return design('lint test')
    .vpc('vpc', '10.20.0.0/16', { name: 'prod' })
    .igw('igw')
    .subnet('pub', '10.20.1.0/24', 'us-east-1a', { name: 'public-a', routes: [['0.0.0.0/0', 'igw']] })
    .subnet('priv', '10.20.2.0/24', 'us-east-1a', { name: 'private-a' });
}

export function run(rule: LintRule, d: Design): Finding[] {
  return rule.check(lintContext(d));
}

/** Applies the finding's quick fix, checks the design stays valid and the finding is gone. */
export function applyFix(rule: LintRule, d: Design, f: Finding): Design {
  expect(f.quickFix).toBeDefined();
  const next = unwrap(f.quickFix!.apply(d));
  expect(validateDesign(JSON.parse(JSON.stringify(next))).ok).toBe(true);
  expect(run(rule, next).map((x) => x.id)).not.toContain(f.id);
  return next;
}
