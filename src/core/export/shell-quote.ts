/**
 * Quoting for the generated bash scripts: every user string becomes one bash word that arrives
 * literally, and JSON arguments are ASCII-only so no locale can change what the aws CLI reads.
 */

/** A word for bash that stays one word whatever it holds ('…' with '\'' for each quote). */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A shell variable spliced into a JSON argument (an AWS id the script captured and checked). */
export interface ShellVar {
  readonly shellVar: string;
}

export type JsonValue = string | number | boolean | null | ShellVar | JsonValue[] | { [key: string]: JsonValue | undefined };

/** A reference to a script variable, for use inside `shellJson` values. */
export function shellVar(name: string): ShellVar {
  if (!/^[A-Z][A-Z0-9_]*$/.test(name)) throw new Error(`not a script variable name: ${name}`);
  return { shellVar: name };
}

function isShellVar(v: unknown): v is ShellVar {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as ShellVar).shellVar === 'string';
}

/** JSON string literal with everything outside printable ASCII escaped as \uXXXX. */
export function jsonString(text: string): string {
  return JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

type Part = { text: string } | { shellVar: string };

function parts(value: JsonValue, out: Part[]): void {
  if (isShellVar(value)) {
    out.push({ text: '"' }, { shellVar: value.shellVar }, { text: '"' });
  } else if (typeof value === 'string') {
    out.push({ text: jsonString(value) });
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('JSON numbers must be finite');
    out.push({ text: String(value) });
  } else if (typeof value === 'boolean' || value === null) {
    out.push({ text: String(value) });
  } else if (Array.isArray(value)) {
    out.push({ text: '[' });
    value.forEach((v, i) => {
      if (i > 0) out.push({ text: ',' });
      parts(v, out);
    });
    out.push({ text: ']' });
  } else {
    out.push({ text: '{' });
    let first = true;
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (!first) out.push({ text: ',' });
      first = false;
      out.push({ text: `${jsonString(k)}:` });
      parts(v, out);
    }
    out.push({ text: '}' });
  }
}

/**
 * One bash word that expands to `value` as JSON: literal text single-quoted, script variables as
 * "$NAME" (they hold AWS ids the script has checked, so they cannot break the JSON).
 */
export function shellJson(value: JsonValue): string {
  const list: Part[] = [];
  parts(value, list);
  const merged: Part[] = [];
  for (const p of list) {
    const last = merged[merged.length - 1];
    if ('text' in p && last && 'text' in last) last.text += p.text;
    else merged.push({ ...p });
  }
  return merged.map((p) => ('text' in p ? shellQuote(p.text) : `"$${p.shellVar}"`)).join('');
}

/** A comment line that cannot end early: the text as a JSON string (no newline survives). */
export function comment(text: string): string {
  return `# ${jsonString(text).slice(1, -1)}`;
}
