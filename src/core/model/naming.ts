/**
 * AWS's rules for names, descriptions and tags (formats.md): the designer checks them as people
 * type, and the exports rely on them holding.
 */
import type { ModelError } from './errors.ts';
import { modelError } from './errors.ts';

/** a-z A-Z 0-9 space and ._-:/()#,@[]+=&;{}!$* — what EC2 accepts in group names and descriptions. */
const ALLOWED = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/;
export const MAX_NAME_LENGTH = 255;

/** Why a security-group name or description is refused, or undefined when it is fine. */
export function textIssue(value: string, field: 'name' | 'description', path: string): ModelError | undefined {
  const label = field === 'name' ? 'Name' : 'Description';
  if (field === 'name' && value.trim() === '') return modelError('text/empty', `${label} must not be empty.`, { path });
  if (value.length > MAX_NAME_LENGTH) {
    return modelError('text/too-long', `${label} is ${value.length} characters; AWS allows at most ${MAX_NAME_LENGTH}.`, { path });
  }
  if (!ALLOWED.test(value)) {
    const bad = [...value].find((c) => !ALLOWED.test(c)) ?? '';
    const shown = /\s/.test(bad) ? JSON.stringify(bad) : `"${bad}"`;
    return modelError('text/characters', `${label} contains ${shown}, which AWS does not allow: use letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*.`, {
      path,
    });
  }
  return undefined;
}

/** Security-group names additionally may not start with `sg-` (AWS reserves it for ids). */
export function groupNameIssue(value: string, path: string): ModelError | undefined {
  const base = textIssue(value, 'name', path);
  if (base) return base;
  if (value.toLowerCase().startsWith('sg-')) {
    return modelError('text/reserved-prefix', `Security group names may not start with "sg-" (AWS reserves it for group ids).`, { path });
  }
  return undefined;
}
