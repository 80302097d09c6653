/**
 * A small HCL writer: values, blocks and identifiers, with every user string escaped so that it
 * stays one literal (quotes, backslashes, control characters, and the `${` / `%{` template
 * sequences, which become `$${` / `%%{`). Unicode is kept as is.
 */

/** An expression written verbatim (references, function calls): never built from user text. */
export interface Expr {
  readonly expr: string;
}
export type HclValue = string | number | boolean | Expr | readonly HclValue[] | HclMap;
export interface HclMap {
  readonly entries: ReadonlyArray<readonly [string, HclValue]>;
}

export type HclItem =
  | { kind: 'attr'; name: string; value: HclValue }
  | { kind: 'block'; name: string; labels: string[]; items: HclItem[] }
  | { kind: 'comment'; text: string };

export const expr = (text: string): Expr => ({ expr: text });
export const map = (entries: ReadonlyArray<readonly [string, HclValue]>): HclMap => ({ entries });
export const attr = (name: string, value: HclValue | undefined): HclItem[] => (value === undefined ? [] : [{ kind: 'attr', name, value }]);
export const block = (name: string, labels: string[], items: HclItem[]): HclItem => ({ kind: 'block', name, labels, items });
export const comment = (text: string): HclItem => ({ kind: 'comment', text });

/** A quoted HCL string literal that evaluates to exactly `text`. */
export function hclString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '\\') out += '\\\\';
    else if (c === '"') out += '\\"';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if ((c === '$' || c === '%') && next === '{') {
      out += c + c + '{';
      i++;
    } else if (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f) out += `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return out + '"';
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function isExpr(v: HclValue): v is Expr {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'expr' in v;
}
function isMap(v: HclValue): v is HclMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'entries' in v;
}

function value(v: HclValue, indent: string): string {
  if (typeof v === 'string') return hclString(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (isExpr(v)) return v.expr;
  if (isMap(v)) {
    if (v.entries.length === 0) return '{}';
    const inner = indent + '  ';
    const width = Math.max(...v.entries.map(([k]) => key(k).length));
    const lines = v.entries.map(([k, x]) => `${inner}${key(k).padEnd(width)} = ${value(x, inner)}`);
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  const list = v as readonly HclValue[];
  return `[${list.map((x) => value(x, indent)).join(', ')}]`;
}

/** A map key: bare when it is an identifier, else a quoted (escaped) string. */
function key(k: string): string {
  return IDENT.test(k) ? k : hclString(k);
}

/** Writes items at an indent; consecutive attributes are aligned as `terraform fmt` does. */
export function writeItems(items: HclItem[], indent = ''): string[] {
  const lines: string[] = [];
  let run: Array<{ name: string; value: HclValue }> = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((a) => a.name.length));
    for (const a of run) lines.push(`${indent}${a.name.padEnd(width)} = ${value(a.value, indent)}`);
    run = [];
  };
  for (const item of items) {
    if (item.kind === 'attr') {
      const text = value(item.value, indent);
      if (text.includes('\n')) {
        flush();
        lines.push(`${indent}${item.name} = ${text}`);
      } else run.push(item);
      continue;
    }
    flush();
    if (item.kind === 'comment') {
      for (const line of item.text.split('\n')) lines.push(`${indent}# ${line.replace(/[\r\u2028\u2029]/g, ' ')}`);
    } else {
      const head = [item.name, ...item.labels.map(hclString)].join(' ');
      if (lines.length > 0 && lines[lines.length - 1] !== '' && indent !== '' && !lines[lines.length - 1]!.trimStart().startsWith('#')) lines.push('');
      lines.push(`${indent}${head} {`, ...writeItems(item.items, indent + '  '), `${indent}}`);
    }
  }
  flush();
  return lines;
}

/** A safe, unique identifier for a resource name, derived from display text. */
export class IdentAllocator {
  private readonly used = new Map<string, Set<string>>();

  take(scope: string, text: string, fallback: string): string {
    let base = text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 48)
      .replace(/_+$/g, '');
    if (base === '') base = fallback;
    if (!/^[a-z_]/.test(base)) base = `${fallback}_${base}`;
    const taken = this.used.get(scope) ?? new Set<string>();
    this.used.set(scope, taken);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    return name;
  }
}
