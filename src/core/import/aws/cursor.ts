/**
 * Reading untrusted JSON with its path in hand: every accessor knows the file and the JSON path
 * it stands on, so a wrong shape becomes a ModelError that says what is wrong and where. Only own
 * properties are read, so keys such as `__proto__` in the input are inert.
 */
import type { ModelError } from '../../model/errors.ts';
import { formatPath, modelError } from '../../model/errors.ts';

export type Segment = string | number;

/** Thrown inside the importer and turned into the Result's error at its boundary (bundle.ts). */
export class ImportFailure extends Error {
  constructor(readonly error: ModelError) {
    super(error.message);
  }
}

/** No list in a describe bundle is longer than this; a longer one is refused rather than ground through. */
export const MAX_LIST_LENGTH = 250_000;

/** Ids that would reach Object.prototype if used as record keys. */
const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype']);

/** How a value reads in a message: `an object`, `the string "abc"`, `the number 5`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value === 'number' ? 'the number' : ''} ${String(value)}`.trim();
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const INTEGER = /^\s*-?\d+\s*$/;

/** A position in one input file: the value there, and how to name it in an error. */
export class Cursor {
  constructor(
    readonly value: unknown,
    readonly file: string,
    readonly path: readonly Segment[] = [],
  ) {}

  /** The JSON path of this position, as people read it. */
  get where(): string {
    return formatPath(this.path);
  }

  /** The value under `key` (own properties only) as a cursor; missing when this is not an object. */
  at(key: Segment): Cursor {
    const v = this.value;
    let child: unknown;
    if (typeof key === 'number') child = Array.isArray(v) ? v[key] : undefined;
    else if (isObject(v) && Object.hasOwn(v, key)) child = v[key];
    return new Cursor(child, this.file, [...this.path, key]);
  }

  /** Whether the value is absent or null (both mean empty in describe output). */
  get missing(): boolean {
    return this.value === undefined || this.value === null;
  }

  /** Throws a ModelError about this position. */
  fail(problem: string, code = 'import/shape'): never {
    throw new ImportFailure(
      modelError(code, `${this.file}: ${this.where} ${problem}`, { file: this.file, path: this.where }),
    );
  }

  /** Own keys of an object (empty for anything else). */
  keys(): string[] {
    return isObject(this.value) ? Object.keys(this.value) : [];
  }

  has(key: string): boolean {
    return isObject(this.value) && Object.hasOwn(this.value, key) && this.value[key] !== null && this.value[key] !== undefined;
  }

  /** The object under `key`; undefined when missing or null; an error for anything else. */
  obj(key: string): Cursor | undefined {
    const c = this.at(key);
    if (c.missing) return undefined;
    if (!isObject(c.value)) c.fail(`should be an object, but it is ${describeValue(c.value)}.`);
    return c;
  }

  /** The elements of the array under `key` (or of this value when no key); missing or null is empty. */
  list(key?: string): Cursor[] {
    const c: Cursor = key === undefined ? this : this.at(key);
    const value = c.value;
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) return c.fail(`should be an array, but it is ${describeValue(value)}.`);
    if (value.length > MAX_LIST_LENGTH) {
      c.fail(`holds ${value.length} items; at most ${MAX_LIST_LENGTH} are read from one list.`, 'import/too-large');
    }
    return value.map((_: unknown, i: number) => c.at(i));
  }

  /** Like list, but every element must be an object; null elements are skipped. */
  objects(key?: string): Cursor[] {
    return this.list(key).filter((item) => {
      if (item.missing) return false;
      if (!isObject(item.value)) item.fail(`should be an object, but it is ${describeValue(item.value)}.`);
      return true;
    });
  }

  /** A string field; numbers are taken as their decimal text. Undefined when missing. */
  str(key: string): string | undefined {
    const c = this.at(key);
    if (c.missing) return undefined;
    if (typeof c.value === 'string') return c.value;
    if (typeof c.value === 'number' && Number.isFinite(c.value)) return String(c.value);
    return c.fail(`should be a string, but it is ${describeValue(c.value)}.`);
  }

  /** A non-empty string field that is missing, empty or not a string only at the price of an error. */
  id(key: string): string {
    const s = this.optionalId(key);
    if (s === undefined) return this.at(key).fail('is missing: every item of this list needs it.');
    return s;
  }

  /** An id field when present: non-empty, at most 255 characters, not a reserved JavaScript key. */
  optionalId(key: string): string | undefined {
    const raw = this.str(key);
    if (raw === undefined) return undefined;
    const s = raw.trim();
    if (s === '') return undefined;
    if (RESERVED_IDS.has(s)) this.at(key).fail(`is ${JSON.stringify(s)}, which is not a valid id.`);
    if (s.length > 255) this.at(key).fail(`is ${s.length} characters long; an id has at most 255.`);
    return s;
  }

  /** A whole-number field; numeric strings ("6", "-1") are accepted. Undefined when missing. */
  int(key: string): number | undefined {
    const c = this.at(key);
    if (c.missing) return undefined;
    if (typeof c.value === 'number' && Number.isInteger(c.value)) return c.value;
    if (typeof c.value === 'string' && INTEGER.test(c.value)) return Number(c.value);
    return c.fail(`should be a whole number, but it is ${describeValue(c.value)}.`);
  }

  /** A boolean field; "true"/"false" strings are accepted. Undefined when missing. */
  bool(key: string): boolean | undefined {
    const c = this.at(key);
    if (c.missing) return undefined;
    if (typeof c.value === 'boolean') return c.value;
    if (typeof c.value === 'string' && /^(true|false)$/i.test(c.value.trim())) return c.value.trim().toLowerCase() === 'true';
    return c.fail(`should be true or false, but it is ${describeValue(c.value)}.`);
  }
}
