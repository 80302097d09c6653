/**
 * Values after intrinsic functions are evaluated. What a template leaves to deploy time (an
 * !ImportValue no given template exports, a parameter without a Default, an attribute AWS fills
 * in) is an Unresolved value carrying the reason, so the reader can warn about exactly the field
 * it needed and leave out, or stand in for, what depends on it.
 */

/** A value the importer cannot know from the templates; `placeholder` is an id that may stand in for it. */
export class Unresolved {
  constructor(
    /** Why, in words: `the parameter Vpc has no Default`. */
    readonly reason: string,
    /** A clearly marked id that may stand in for the value where an id is expected. */
    readonly placeholder?: string,
  ) {}
}

/** AWS::NoValue: removes the property or list element it stands in. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

export type Resolved = null | boolean | number | string | Unresolved | Resolved[] | { [key: string]: Resolved };

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unresolved);

/** Sets an own property even for keys such as `__proto__`, which plain assignment would turn into a prototype. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The first Unresolved inside a value (itself, or in any element or property), if any. */
export function findUnresolved(value: unknown): Unresolved | undefined {
  if (value instanceof Unresolved) return value;
  if (Array.isArray(value)) {
    for (const v of value) {
      const u = findUnresolved(v);
      if (u) return u;
    }
    return undefined;
  }
  if (isObject(value)) {
    for (const k of Object.keys(value)) {
      const u = findUnresolved(value[k]);
      if (u) return u;
    }
  }
  return undefined;
}

/** A scalar as text the way CloudFormation joins it (numbers and booleans as written). */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}
