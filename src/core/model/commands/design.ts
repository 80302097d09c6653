/** Commands on the design as a whole. */
import type { Design } from '../types.ts';
import { err, ok } from '../result.ts';
import { textIssue } from '../naming.ts';
import type { CommandResult } from './common.ts';

/** Renames the design (the name the library lists it under). */
export function renameDesign(d: Design, name: string): CommandResult {
  const bad = textIssue(name, 'name', 'name');
  if (bad) return err(bad);
  return name === d.name ? ok(d) : ok({ ...d, name });
}
