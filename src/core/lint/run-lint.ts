/** Runs the catalogue over a design: one shared context, findings sorted by severity then message. */
import type { Design } from '../model/types.ts';
import { exposure } from '../engine/index.ts';
import type { ExposureResult } from '../engine/types.ts';
import type { Finding, LintContext, LintRule } from './types.ts';
import { SEVERITIES } from './types.ts';
import { CATALOGUE } from './catalogue.ts';

/** A context whose expensive parts are computed on first use and then shared. */
export function lintContext(design: Design): LintContext {
  let internet: ExposureResult | undefined;
  return {
    design,
    internetExposure: () => (internet ??= exposure(design, { kind: 'internet' })),
  };
}

/** Every finding of every rule (or of the given rules), most severe first. */
export function runLint(design: Design, rules: readonly LintRule[] = CATALOGUE): Finding[] {
  const ctx = lintContext(design);
  const findings = rules.flatMap((rule) => rule.check(ctx));
  const rank = (f: Finding) => SEVERITIES.indexOf(f.severity);
  return findings.sort((a, b) => rank(a) - rank(b) || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
}
