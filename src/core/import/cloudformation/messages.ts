/**
 * The describe importer's errors and warnings, told in the templates' terms: the bundle path
 * becomes the template file and path the value came from (draft.ts), and phrases about describe
 * commands become phrases about templates.
 */
import type { ModelError } from '../../model/errors.ts';
import { formatPath } from '../../model/errors.ts';
import type { ImportWarning } from '../aws/warnings.ts';
import type { Draft } from './draft.ts';

const REPHRASE: Array<[RegExp, string]> = [
  [/the bundle shows no network interface of (.+?) in subnet (\S+?); one was synthesised with address/g, 'the templates do not fix the address of $1 in subnet $2; it was given the address'],
  [/the bundle shows no network interface of (.+?) in subnet (\S+?) \(interface .+? has no readable address\); it was given with address/g, 'the templates do not fix the address of $1 in subnet $2; it was given the address'],
  [/ \(no describe-vpcs output for it\); a stand-in VPC with (.+?) was made from what the bundle shows of it\./g, ' (a parameter or an existing VPC); a stand-in VPC with $1 was made from the subnets in it.'],
  [/Add describe-vpcs output to keep (it|them)\./g, 'Import the template that creates the VPC to keep $1.'],
  [/but not in describe-security-groups output; a stand-in without rules was made\. Add the group's describe output to know what it allows\./g, 'but not created by the templates; a stand-in without rules was made. Import the template that creates it to know what it allows.'],
  [/, which describe-security-groups does not list, were left out\./g, ', which the templates do not create, were left out.'],
  [/, which describe-[a-z-]+ does not (?:list|give)/g, ', which the templates do not create'],
  [/is not a resource in the bundle/g, 'is not a resource the templates create'],
  [/belongs to nothing the bundle describes/g, 'belongs to nothing the templates create'],
  [/\bnot in the bundle\b/g, 'not in the templates'],
  [/\bthe bundle\b/g, 'the templates'],
];

const BY_CODE: Record<string, string> = {
  'import/instance-without-subnet': 'names no subnet, so AWS launches it in a default subnet of the default VPC, which the templates do not describe; it was imported without network interfaces.',
};

/** Stand-in ids (ids.ts) back to the logical ids people wrote. */
function restoreIds(text: string, renames: ReadonlyMap<string, string>): string {
  return renames.size === 0 ? text : text.replace(/igw-[A-Za-z0-9/._-]+/g, (m) => renames.get(m) ?? m);
}

function retell(text: string, renames: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [pattern, replacement] of REPHRASE) out = out.replace(pattern, replacement);
  return restoreIds(out, renames);
}

/** Where a describe-importer message points, moved to the template: file, path, and the prefix of the message. */
function relocate<T extends { message: string; file?: string; path?: string }>(m: T, draft: Draft): T {
  if (!m.file || !m.path) return m;
  const origin = draft.locate(m.file, m.path);
  if (!origin) return m;
  const path = formatPath(origin.path);
  const prefix = `${m.file}: ${m.path}`;
  const message = m.message.startsWith(prefix) ? `${origin.file}: ${path}${m.message.slice(prefix.length)}` : m.message;
  return { ...m, message, file: origin.file, path };
}

/** A describe-importer error in the templates' terms. */
export function retellError(e: ModelError, draft: Draft, renames: ReadonlyMap<string, string>): ModelError {
  const moved = relocate(e, draft);
  return { ...moved, message: retell(moved.message, renames), ...(moved.subject ? { subject: renames.get(moved.subject) ?? moved.subject } : {}) };
}

/** A describe-importer warning in the templates' terms. */
export function retellWarning(w: ImportWarning, draft: Draft, renames: ReadonlyMap<string, string>): ImportWarning {
  const moved = relocate(w, draft);
  const byCode = BY_CODE[w.code];
  const message = byCode && moved.path ? `${moved.file}: ${moved.path}: ${byCode}` : retell(moved.message, renames);
  return { ...moved, message, ...(moved.subject ? { subject: renames.get(moved.subject) ?? moved.subject } : {}) };
}
