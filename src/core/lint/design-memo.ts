/**
 * Per-design memo for the linter's derived facts (a resource's tier, a group's members…).
 * Designs are immutable (an edit makes a new design object, see engine/compile.ts), so a fact
 * computed from one design object holds for as long as the object lives; keying on the object
 * lets every rule of a lint run, and the next run on the same design, share the work, and lets
 * the memo go with the design. Without it, helpers that scan every resource are called once per
 * resource or rule, which is quadratic on a large design.
 */
import type { Design } from '../model/types.ts';

const memos = new WeakMap<Design, Map<string, unknown>>();

/** The value of `compute()` for this design and key, computed once per design object. */
export function designMemo<T>(d: Design, key: string, compute: () => T): T {
  let m = memos.get(d);
  if (!m) memos.set(d, (m = new Map()));
  if (m.has(key)) return m.get(key) as T;
  const value = compute();
  m.set(key, value);
  return value;
}
