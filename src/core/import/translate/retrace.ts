/**
 * Errors and warnings of the bundle importer, said again about the user's own input: the bundle
 * path becomes the file and path the value came from, and describe-command vocabulary becomes
 * the input's (a Terraform user never ran describe-subnets).
 */
import type { ModelError } from '../../model/errors.ts';
import type { ImportWarning } from '../aws/warnings.ts';
import type { BundleWriter } from './writer.ts';

/** How the translated input is named in messages, and phrases of the bundle importer to restate. */
export interface Vocabulary {
  /** "the Terraform input", "the template". */
  input: string;
  /** Extra rewrites, applied after the general ones. */
  phrases?: Array<[RegExp, string]>;
}

function general(input: string): Array<[RegExp, string]> {
  return [
    [/which describe-[a-z-]+ does not (?:list|give)/g, `which is not in ${input}`],
    [/but not in describe-[a-z-]+ output/g, `but not in ${input}`],
    [/\(no describe-vpcs output for it\)/g, `(${input} does not hold it)`],
    [/Add describe-vpcs output to keep (it|them)\./g, `Add the VPC to ${input} to keep $1.`],
    [/Add the group's describe output to know what it allows\./g, `Add the group to ${input} to know what it allows.`],
    [/\bthe bundle\b/g, input],
  ];
}

function restate(message: string, vocabulary: Vocabulary): string {
  let out = message;
  for (const [pattern, replacement] of [...general(vocabulary.input), ...(vocabulary.phrases ?? [])]) out = out.replace(pattern, replacement);
  return out;
}

/** Maps what the bundle importer says about a bundle file and path to the input's file and path. */
export class Retracer {
  private readonly writers = new Map<string, BundleWriter>();

  constructor(
    writers: Iterable<BundleWriter>,
    private readonly vocabulary: Vocabulary,
  ) {
    for (const w of writers) this.writers.set(w.name, w);
  }

  error(e: ModelError): ModelError {
    const moved = this.move(e.file, e.path, e.message);
    return { ...e, ...moved, message: restate(moved.message, this.vocabulary) };
  }

  warning(w: ImportWarning): ImportWarning {
    const moved = this.move(w.file, w.path, w.message);
    const out: ImportWarning = { ...w, message: restate(moved.message, this.vocabulary) };
    if (moved.file !== undefined) out.file = moved.file;
    if (moved.path !== undefined) out.path = moved.path;
    return out;
  }

  private move(file: string | undefined, path: string | undefined, message: string): { file?: string; path?: string; message: string } {
    const writer = file === undefined ? undefined : this.writers.get(file);
    const origin = writer && path !== undefined ? writer.origin(path) : undefined;
    if (!origin || file === undefined || path === undefined) return { ...(file !== undefined ? { file } : {}), ...(path !== undefined ? { path } : {}), message };
    const before = `${file}: ${path}`;
    const after = `${origin.file}: ${origin.path}`;
    return { file: origin.file, path: origin.path, message: message.startsWith(before) ? after + message.slice(before.length) : message };
  }
}
