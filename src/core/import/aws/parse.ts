/** Turning one input (text or already-parsed JSON) into a cursor, with clear errors for bad text. */
import { modelError } from '../../model/errors.ts';
import { ImportFailure, Cursor } from './cursor.ts';

/** One input of a bundle: file text as read, or JSON someone already parsed. */
export type BundleInput = { name: string; text: string } | { name: string; json: unknown };

/** Default ceiling on one file's text: far above a large Region's describe output, far below a browser's breaking point. */
export const DEFAULT_MAX_CHARS = 64 * 1024 * 1024;

/** Parses an input's text (or takes its JSON) and returns a cursor at its root. */
export function parseInput(input: BundleInput, maxChars = DEFAULT_MAX_CHARS): Cursor {
  const file = input.name;
  if (!('text' in input)) return new Cursor(input.json, file);
  const fail = (code: string, message: string): never => {
    throw new ImportFailure(modelError(code, message, { file, path: '(root)' }));
  };
  if (typeof input.text !== 'string') fail('import/shape', `${file}: the input text is not a string.`);
  if (input.text.length > maxChars) {
    fail('import/too-large', `${file}: ${input.text.length} characters is more than the ${maxChars} one file may hold.`);
  }
  const text = input.text.startsWith('\uFEFF') ? input.text.slice(1) : input.text;
  if (text.trim() === '') fail('import/json-syntax', `${file}: the file is empty; expected the JSON an aws describe command prints.`);
  try {
    return new Cursor(JSON.parse(text) as unknown, file);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const where = locate(text, reason);
    // Once said as line and column, the parser's own "at position 7007 (line 152 column 27)" is noise.
    const said = where ? reason.replace(/\s*(?:at )?position \d+(?: \(line \d+ column \d+\))?/, '') : reason;
    return fail('import/json-syntax', `${file}: not valid JSON${where}: ${said}`);
  }
}

/** " at line 3, column 7" when the parser's message names a position; the end of text for truncation. */
function locate(text: string, reason: string): string {
  const m = /position (\d+)/.exec(reason);
  let pos: number | undefined = m ? Number(m[1]) : undefined;
  if (pos === undefined && /end of (JSON|data)|Unterminated/i.test(reason)) pos = text.length;
  if (pos === undefined) return '';
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}
