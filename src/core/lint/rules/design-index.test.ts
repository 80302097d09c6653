/** The design catalogue as a whole: every check present, and topology T flags only what a reviewer would. */
import { describe, expect, it } from 'vitest';
import { sg, tcp } from '../../model/builder.ts';
import { topologyT, T } from '../../model/fixtures/topology-t.ts';
import { runLint } from '../run-lint.ts';
import { DESIGN_RULES } from './design-index.ts';

describe('design rules', () => {
  it('has the thirteen checks of the catalogue, as design rules with unique ids and no other-tool anchors', () => {
    expect(DESIGN_RULES.map((r) => r.id)).toEqual([
      'design-transitive-exposure',
      'design-tier-skipping',
      'design-stale-group-reference',
      'design-shadowed-rule',
      'design-dead-nacl-rule',
      'design-nacl-return-path',
      'design-ineffective-public-rule',
      'design-tier-egress',
      'design-unmatchable-group-reference',
      'design-quotas',
      'design-alb-target-unreachable',
      'design-admin-bypasses-bastion',
      'design-az-coverage',
    ]);
    for (const r of DESIGN_RULES) expect(r).toMatchObject({ family: 'design', anchors: [] });
  });

  it('on topology T reports only the data tier behind ALB -> app, at info', () => {
    expect(runLint(topologyT().build(), DESIGN_RULES).map((f) => `${f.severity} ${f.id}`)).toEqual(['info design-transitive-exposure:rds']);
  });

  it('gives stable ids: the same problem keeps its id when the design changes elsewhere', () => {
    const broken = (b: ReturnType<typeof topologyT>) => b.ingress(T.sgApp, tcp(9000, sg('sg-gone'))).setEgress(T.sgDb, [tcp(443, '0.0.0.0/0')]);
    const a = runLint(broken(topologyT()).build(), DESIGN_RULES).map((f) => f.id);
    const b = runLint(broken(topologyT().instance('extra', { subnet: T.appB, groups: [T.sgLambda] })).build(), DESIGN_RULES).map((f) => f.id);
    expect(a.length).toBeGreaterThan(2);
    expect(b).toEqual(expect.arrayContaining(a));
  });

  it('quick fixes are pure: the design they are given is unchanged', () => {
    const d = topologyT().ingress(T.sgApp, tcp([8000, 8100], sg(T.sgAlb)), tcp(9000, sg('sg-gone'))).build();
    const before = JSON.stringify(d);
    for (const f of runLint(d, DESIGN_RULES)) if (f.quickFix) expect(f.quickFix.apply(d).ok).toBe(true);
    expect(JSON.stringify(d)).toBe(before);
  });
});
