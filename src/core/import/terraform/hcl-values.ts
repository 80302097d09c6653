/**
 * Evaluating what Terraform configuration can say without running Terraform: literals, variable
 * defaults, locals, string templates of those, and references to other resources. A reference
 * to a resource's `id` or `arn` has no real value before `terraform apply`, so it becomes the
 * resource's address, which is the id that resource gets in the design. Anything else (function
 * calls, data sources, module outputs, for expressions) is left out with a warning.
 */
import { Cursor } from '../aws/cursor.ts';

/** A value that could not be evaluated. */
export const UNRESOLVED: unique symbol = Symbol('unresolved');
type Value = unknown;

/** Where configuration blocks live: variables, locals and resources by name, across all files of the module. */
export interface HclScope {
  variables: Map<string, Cursor>;
  locals: Map<string, Cursor>;
  /** `aws_vpc.main` to the resource block as written. */
  resources: Map<string, Cursor>;
}

/** Told about each expression left out: where, and the expression. */
export type Unresolved = (at: Cursor, expression: string, reason: string) => void;

const WHOLE = /^\$\{([\s\S]*)\}$/;
const PATH_PART = /\.([A-Za-z_][\w-]*)|\[(\d+)\]|\["([^"]*)"\]/gy;
const VAR_OR_LOCAL = /^(var|local)\.([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"]*"\])*)$/;
const RESOURCE_REF = /^([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)(\[(?:\d+|"[^"]*"|\*)\]|\.\*)?(?:\.([A-Za-z_]\w*))?$/;

/** Attributes whose value before apply is the resource itself: its address stands in for them. */
const SELF_ATTRIBUTES = new Set(['id', 'arn']);

/** The single `${…}` expression a string is, or undefined when it is a template or a literal. */
export function wholeExpression(text: string): string | undefined {
  const m = WHOLE.exec(text.trim());
  if (!m) return undefined;
  const inner = m[1]!;
  // "${a}-${b}" also matches WHOLE; only one expression if no other interpolation starts inside.
  return inner.includes('${') ? undefined : inner.trim();
}

/** The resource a reference expression names (`aws_vpc.main.id` → aws_vpc.main, attribute id), if the scope holds it. */
export function referencedResource(expression: string, scope: HclScope): { address: string; attribute?: string; splat: boolean } | undefined {
  const m = RESOURCE_REF.exec(expression.trim());
  if (!m) return undefined;
  const address = `${m[1]}.${m[2]}`;
  if (!scope.resources.has(address)) return undefined;
  return { address, ...(m[4] ? { attribute: m[4] } : {}), splat: m[3] === '[*]' || m[3] === '.*' };
}

/** Evaluates configuration values against a scope, caching variables and locals, refusing cycles. */
export class HclEvaluator {
  private readonly active = new Set<string>();

  constructor(
    private readonly scope: HclScope,
    private readonly unresolved: Unresolved,
  ) {}

  /** The value at a cursor with every expression evaluated; UNRESOLVED when the whole of it cannot be. */
  value(at: Cursor): Value | typeof UNRESOLVED {
    const v = at.value;
    if (typeof v === 'string') return this.text(v, at);
    if (Array.isArray(v)) {
      const out: Value[] = [];
      at.list().forEach((item) => {
        const r = this.value(item);
        if (r !== UNRESOLVED) out.push(r);
      });
      return out;
    }
    if (v !== null && typeof v === 'object') {
      const out: Record<string, Value> = {};
      for (const key of at.keys()) {
        const r = this.value(at.at(key));
        if (r !== UNRESOLVED) Object.defineProperty(out, key, { value: r, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return v;
  }

  private text(text: string, at: Cursor): Value | typeof UNRESOLVED {
    if (!text.includes('${')) return text;
    const whole = wholeExpression(text);
    if (whole !== undefined) return this.expression(whole, at);
    // A template: every interpolation must come out as text.
    let failed = false;
    const out = text.replace(/\$\{([^}]*)\}/g, (_, inner: string) => {
      const r = this.expression(inner.trim(), at, false);
      if (r === UNRESOLVED || (typeof r === 'object' && r !== null)) {
        failed = true;
        return '';
      }
      return String(r);
    });
    if (failed) {
      this.unresolved(at, text, 'a template with a part only Terraform can evaluate');
      return UNRESOLVED;
    }
    return out;
  }

  private expression(expression: string, at: Cursor, report = true): Value | typeof UNRESOLVED {
    const fail = (reason: string): typeof UNRESOLVED => {
      if (report) this.unresolved(at, `\${${expression}}`, reason);
      return UNRESOLVED;
    };
    const named = VAR_OR_LOCAL.exec(expression);
    if (named) {
      const [, kind, name, rest] = named;
      const source = kind === 'var' ? this.scope.variables.get(name!) : this.scope.locals.get(name!);
      if (!source) return fail(kind === 'var' ? `variable ${name} has no default` : `local ${name} is not defined`);
      const key = `${kind}.${name}`;
      if (this.active.has(key)) return fail(`${key} refers to itself`);
      this.active.add(key);
      try {
        const base = this.value(source);
        if (base === UNRESOLVED) return fail(`${key} cannot be evaluated`);
        const picked = pick(base, rest ?? '');
        return picked === UNRESOLVED ? fail(`${expression} names a part ${key} does not have`) : picked;
      } finally {
        this.active.delete(key);
      }
    }
    const ref = referencedResource(expression, this.scope);
    if (ref) {
      if (ref.attribute && SELF_ATTRIBUTES.has(ref.attribute)) return ref.splat ? [ref.address] : ref.address;
      const block = this.scope.resources.get(ref.address)!;
      if (ref.attribute && !ref.splat && block.has(ref.attribute)) {
        const key = `${ref.address}.${ref.attribute}`;
        if (this.active.has(key)) return fail(`${key} refers to itself`);
        this.active.add(key);
        try {
          return this.value(block.at(ref.attribute));
        } finally {
          this.active.delete(key);
        }
      }
      return fail(`${ref.address}.${ref.attribute ?? ''} is known only after terraform apply`);
    }
    if (/^-?\d+(\.\d+)?$/.test(expression)) return Number(expression);
    if (expression === 'true' || expression === 'false') return expression === 'true';
    if (/^"[^"$]*"$/.test(expression)) return expression.slice(1, -1);
    if (/^data\./.test(expression)) return fail('a data source, which only Terraform can read');
    if (/^module\./.test(expression)) return fail("a module's output, which only Terraform can evaluate");
    return fail('an expression only Terraform can evaluate');
  }
}

/** `.a.b[0]["k"]` into a value. */
function pick(value: Value, path: string): Value | typeof UNRESOLVED {
  let v: Value = value;
  PATH_PART.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (PATH_PART.lastIndex < path.length && (m = PATH_PART.exec(path))) {
    const key = m[1] ?? m[3];
    if (m[2] !== undefined) {
      if (!Array.isArray(v)) return UNRESOLVED;
      v = v[Number(m[2])];
    } else {
      if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, key!)) return UNRESOLVED;
      v = (v as Record<string, Value>)[key!];
    }
    if (v === undefined) return UNRESOLVED;
  }
  return v;
}

/** A cursor over evaluated values that keeps the place of the configuration it came from. */
export function evaluatedCursor(value: unknown, raw: Cursor): Cursor {
  return new Cursor(value, raw.file, raw.path);
}
