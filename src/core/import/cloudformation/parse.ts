/**
 * Reading one template's text. JSON is YAML, so one parser reads both forms and names the line and
 * column of a syntax error in either; the short-form tags come from yaml-tags.ts.
 */
import { parseDocument } from 'yaml';
import { modelError } from '../../model/errors.ts';
import type { BundleInput } from '../aws/parse.ts';
import { ImportFailure } from '../aws/cursor.ts';
import { CLOUDFORMATION_TAGS } from './yaml-tags.ts';

/** CloudFormation accepts templates up to 1 MB; anything far beyond that is not a template. */
export const MAX_TEMPLATE_CHARS = 8 * 1024 * 1024;

/** A parsed template's root value, and the warnings parsing raised (unknown tags). */
export interface ParsedTemplate {
  file: string;
  root: unknown;
  text: string | undefined;
  warnings: Array<{ message: string; line?: number; column?: number }>;
}

function fail(file: string, code: string, message: string): never {
  throw new ImportFailure(modelError(code, message, { file, path: '(root)' }));
}

/** The first line of a yaml error message, without the " at line …" tail the position replaces. */
function reasonOf(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** Parses one input (text or already-parsed JSON) into a template root. */
export function parseTemplate(input: BundleInput): ParsedTemplate {
  const file = typeof input?.name === 'string' && input.name.trim() !== '' ? input.name : 'template';
  if (!('text' in input)) return { file, root: input.json, text: undefined, warnings: [] };
  if (typeof input.text !== 'string') fail(file, 'import/shape', `${file}: the input text is not a string.`);
  if (input.text.length > MAX_TEMPLATE_CHARS) {
    fail(file, 'import/too-large', `${file}: ${input.text.length} characters is more than the ${MAX_TEMPLATE_CHARS} a template may hold here (CloudFormation itself takes 1 MB).`);
  }
  const text = input.text.startsWith('\uFEFF') ? input.text.slice(1) : input.text;
  if (text.trim() === '') fail(file, 'import/cfn-syntax', `${file}: the file is empty; expected a CloudFormation template (YAML or JSON).`);
  const doc = parseDocument(text, { customTags: CLOUDFORMATION_TAGS, prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    const where = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
    fail(file, 'import/cfn-syntax', `${file}: not valid YAML or JSON${where}: ${reasonOf(first.message)}.`);
  }
  const warnings = doc.warnings.map((w) => {
    const pos = w.linePos?.[0];
    return { message: reasonOf(w.message), ...(pos ? { line: pos.line, column: pos.col } : {}) };
  });
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    // Alias bombs and the like: refuse rather than expand without end.
    fail(file, 'import/cfn-syntax', `${file}: the YAML cannot be read: ${e instanceof Error ? e.message : String(e)}.`);
  }
  return { file, root, text, warnings };
}
