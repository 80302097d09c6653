import { describe, expect, it } from 'vitest';
import { runLint } from '../core/lint/index.ts';
import { addRule } from '../core/model/index.ts';
import { FIRST_VISIT_TEMPLATE } from '../core/templates/index.ts';
import { fromPortable, toPortable } from './portable-findings.ts';

const ssh = { match: { protocol: 'tcp' as const, ports: { from: 22, to: 22 } }, peer: { kind: 'cidr' as const, cidr: '0.0.0.0/0' } };

function withSshFromAnywhere() {
  const r = addRule(FIRST_VISIT_TEMPLATE.build(), 'sg-db', 'ingress', ssh);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('findings sent from the lint worker', () => {
  it('survive structured cloning, and their rebuilt quick fix applies the same command', () => {
    const design = withSshFromAnywhere();
    const findings = runLint(design);
    const sent = structuredClone(findings.map(toPortable));
    const back = sent.map(fromPortable);
    expect(back.map(({ quickFix, ...f }) => ({ ...f, fix: quickFix?.label }))).toEqual(findings.map(({ quickFix, ...f }) => ({ ...f, fix: quickFix?.label })));

    const original = findings.find((f) => f.ruleId === 'sg-admin-port-world' && f.message.startsWith('DBSG'))!;
    const rebuilt = back.find((f) => f.id === original.id)!;
    expect(rebuilt.quickFix?.label).toBe(original.quickFix!.label);
    const a = original.quickFix!.apply(design);
    const b = rebuilt.quickFix!.apply(design);
    expect(b.ok && a.ok && b.value).toEqual(a.ok && a.value);
    expect(b.ok && runLint(b.value).some((f) => f.id === original.id)).toBe(false);
  });

  it('refuse, with a reason, a fix whose finding the design no longer has', () => {
    const design = withSshFromAnywhere();
    const finding = fromPortable(toPortable(runLint(design).find((f) => f.ruleId === 'sg-admin-port-world' && f.message.startsWith('DBSG'))!));
    const r = finding.quickFix!.apply(FIRST_VISIT_TEMPLATE.build());
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: 'lint/finding-gone', message: expect.stringContaining('no longer has the finding') });
  });
});
