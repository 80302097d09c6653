/**
 * Findings cross from the lint worker as plain data: a quick fix is a function, which a worker
 * cannot send. So the worker sends the fix's label, and the main thread rebuilds the fix to run
 * the finding's one rule again on the design it is applied to and apply that rule's fix. That is
 * the same command the full run would have given for the same design, and it never acts on a
 * finding the design no longer has.
 */
import { CATALOGUE, runLint, type Finding } from '../core/lint/index.ts';
import { err, modelError, type Design } from '../core/model/index.ts';

export type PortableFinding = Omit<Finding, 'quickFix'> & { quickFixLabel?: string };

export function toPortable(f: Finding): PortableFinding {
  const { quickFix, ...rest } = f;
  return quickFix ? { ...rest, quickFixLabel: quickFix.label } : rest;
}

export function fromPortable(p: PortableFinding): Finding {
  const { quickFixLabel, ...finding } = p;
  if (quickFixLabel === undefined) return finding;
  return {
    ...finding,
    quickFix: {
      label: quickFixLabel,
      apply: (design: Design) => {
        const rule = CATALOGUE.find((r) => r.id === p.ruleId);
        const again = rule ? runLint(design, [rule]).find((f) => f.id === p.id) : undefined;
        if (again?.quickFix) return again.quickFix.apply(design);
        return err(modelError('lint/finding-gone', `The design no longer has the finding "${p.message}", so its fix was not applied.`, { subject: p.id }));
      },
    },
  };
}
