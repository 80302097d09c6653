/** CIDR checks with model errors: syntax, address family, and AWS's canonical form. */
import type { ModelError } from './errors.ts';
import { modelError } from './errors.ts';
import { parseCidr } from '../net/index.ts';

/** Why a CIDR is refused at `path` (syntax, wrong family, host bits set), or undefined. */
export function cidrIssue(text: string, family: 4 | 6 | undefined, path: string): ModelError | undefined {
  const parsed = parseCidr(text, { strict: true });
  if (!parsed.ok) return modelError(parsed.error.code, parsed.error.message, { path });
  if (family && parsed.value.family !== family) {
    return modelError('cidr/family', `${text} is an IPv${parsed.value.family} CIDR; IPv${family} is needed here.`, { path });
  }
  return undefined;
}
