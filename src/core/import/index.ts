/**
 * The one entry point of every import, for the designer and the command line alike: each source
 * is recognised by its content (never its name), then the sources go to the importer of their
 * kind: one design file, a describe bundle (any number of files), Terraform (state, show -json or
 * configuration) or CloudFormation. Kinds that cannot be combined are refused naming the files.
 */
import type { Design } from '../model/types.ts';
import type { ModelError } from '../model/errors.ts';
import { modelError } from '../model/errors.ts';
import type { Result } from '../model/result.ts';
import { err, ok } from '../model/result.ts';
import { readDesign } from '../model/schema.ts';
import { importDescribeBundle } from './aws/bundle.ts';
import { ImportFailure } from './aws/cursor.ts';
import { DEFAULT_MAX_CHARS, parseInput } from './aws/parse.ts';
import { recogniseJson, recogniseText, type InputKind } from './aws/recognise.ts';
import type { ImportWarning } from './aws/warnings.ts';
import { importCloudFormation } from './cloudformation/index.ts';
import { importTerraform, isTerraformJsonConfig, type HclParser } from './terraform/index.ts';

export type { InputKind } from './aws/recognise.ts';
export type { ImportWarning } from './aws/warnings.ts';
export { createHclParser, HclSyntaxError, type HclParser } from './terraform/index.ts';

export interface Source {
  name: string;
  text: string;
}

export interface Imported {
  design: Design;
  warnings: ImportWarning[];
  kind: InputKind;
  /** The names of the sources the design was made from. */
  files: string[];
}

export interface ImportSourcesOptions {
  /** Parses Terraform .tf text; without one, .tf sources are refused with a message saying where they can be read. */
  parseHcl?: HclParser;
  /** Largest text accepted per file, in characters (default 64 Mi). */
  maxChars?: number;
}

/** At most this many files in one import: far above a Region's bundle or a module's .tf files. */
export const MAX_SOURCES = 2000;

const LABELS: Record<InputKind, string> = {
  design: 'a Tierwise design',
  'describe-bundle': 'AWS describe output',
  'terraform-state': 'Terraform state',
  'terraform-plan': '`terraform show -json` output',
  'terraform-hcl': 'Terraform configuration',
  cloudformation: 'a CloudFormation template',
  unknown: 'not recognised',
};

const TERRAFORM = new Set<InputKind>(['terraform-state', 'terraform-plan', 'terraform-hcl']);

interface Recognised {
  source: Source;
  kind: InputKind;
  /** Parsed JSON, for JSON sources. */
  json?: unknown;
  topLevelKeys: string[];
}

const looksLikeJson = (text: string): boolean => /^\uFEFF?\s*[[{]/.test(text);

function recognise(source: Source, maxChars: number): Recognised {
  if (typeof source?.name !== 'string' || typeof source.text !== 'string') {
    throw new ImportFailure(modelError('import/shape', `A source must be { name, text } with text a string (${String(source?.name ?? 'unnamed')}).`, { path: '(root)' }));
  }
  if (looksLikeJson(source.text)) {
    // JSON errors (truncation, a stray comma) are said with the file, line and column.
    const root = parseInput(source, maxChars);
    const r = recogniseJson(root.value);
    const kind: InputKind = r.kind === 'unknown' && isTerraformJsonConfig(root.value) ? 'terraform-hcl' : r.kind;
    return { source, kind, json: root.value, topLevelKeys: r.topLevelKeys };
  }
  if (source.text.length > maxChars) {
    throw new ImportFailure(modelError('import/too-large', `${source.name}: ${source.text.length} characters is more than the ${maxChars} one file may hold.`, { file: source.name, path: '(root)' }));
  }
  return { source, kind: recogniseText(source.text).kind, topLevelKeys: [] };
}

function unrecognised(r: Recognised): ModelError {
  const { name, text } = r.source;
  const what =
    text.trim() === ''
      ? 'the file is empty'
      : r.json !== undefined
        ? r.topLevelKeys.length > 0
          ? `it holds a JSON object with the keys ${r.topLevelKeys.slice(0, 8).map((k) => JSON.stringify(k)).join(', ')}${r.topLevelKeys.length > 8 ? ', …' : ''}`
          : Array.isArray(r.json)
            ? 'it holds a JSON array'
            : 'it holds JSON that is not an object'
        : 'it holds text that is neither JSON, a CloudFormation template nor Terraform configuration';
  return modelError(
    'import/unrecognised',
    `${name}: not an input Tierwise reads (${what}). Give a Tierwise design, AWS describe output (keys such as "Vpcs" or "SecurityGroups"), Terraform state, \`terraform show -json\` output, Terraform .tf files or a CloudFormation template.`,
    { file: name, path: '(root)' },
  );
}

function mixed(recognised: Recognised[], why: string): ModelError {
  const byKind = new Map<InputKind, string[]>();
  for (const r of recognised) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.source.name]);
  const parts = [...byKind].map(([kind, names]) => `${names.slice(0, 4).join(', ')}${names.length > 4 ? ` and ${names.length - 4} more` : ''} ${names.length === 1 ? 'is' : 'are'} ${LABELS[kind]}`);
  return modelError('import/mixed-kinds', `These files cannot be imported together: ${parts.join('; ')}. ${why}`);
}

function withFile(e: ModelError, file: string): ModelError {
  return e.message.includes(file) ? { ...e, file: e.file ?? file } : { ...e, file: e.file ?? file, message: `${file}: ${e.message}` };
}

/** Recognises the sources by content and imports them with the importer of their kind; never throws. */
export async function importSources(sources: Source[], options: ImportSourcesOptions = {}): Promise<Result<Imported, ModelError>> {
  try {
    if (!Array.isArray(sources) || sources.length === 0) return err(modelError('import/empty', 'Nothing to import: no files were given.'));
    if (sources.length > MAX_SOURCES) return err(modelError('import/too-large', `${sources.length} files is more than the ${MAX_SOURCES} one import reads.`));
    const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
    const recognised = sources.map((s) => recognise(s, maxChars));
    const unknown = recognised.find((r) => r.kind === 'unknown');
    if (unknown) return err(unrecognised(unknown));
    const files = sources.map((s) => s.name);
    const kinds = new Set(recognised.map((r) => r.kind));

    if (kinds.has('design')) {
      if (recognised.length > 1) return err(mixed(recognised, 'A design file opens alone: give one design file, or the files of one input to import.'));
      const only = recognised[0]!;
      const read = readDesign(only.json, only.source.name);
      if (!read.ok) return err(withFile(read.error, only.source.name));
      return ok({ design: read.value, warnings: [], kind: 'design', files });
    }
    if (kinds.size > 1 && ![...kinds].every((k) => TERRAFORM.has(k))) {
      return err(mixed(recognised, 'Import AWS describe output, Terraform or CloudFormation on its own.'));
    }
    const kind = recognised[0]!.kind;
    if (kind === 'describe-bundle') {
      const r = importDescribeBundle(recognised.map((x) => ({ name: x.source.name, json: x.json })), { maxChars });
      return r.ok ? ok({ ...r.value, kind, files }) : r;
    }
    if (kind === 'cloudformation') {
      const r = importCloudFormation(recognised.map((x) => x.source));
      return r.ok ? ok({ ...r.value, kind, files }) : r;
    }
    const inputs = recognised.map((x) => (x.json !== undefined ? { name: x.source.name, json: x.json } : x.source));
    const r = await importTerraform(inputs, { maxChars, ...(options.parseHcl ? { parseHcl: options.parseHcl } : {}) });
    return r.ok ? ok({ design: r.value.design, warnings: r.value.warnings, kind: r.value.kind, files }) : r;
  } catch (e) {
    if (e instanceof ImportFailure) return err(e.error);
    const reason = e instanceof Error ? e.message : String(e);
    return err(modelError('import/internal', `The import failed unexpectedly: ${reason}`));
  }
}
