/**
 * Writing describe-bundle JSON from another input (Terraform, CloudFormation) while remembering
 * where every value came from. The bundle importer then does the one normalise-and-validate
 * step, and whatever it says about a bundle path (an error, a warning) is said again about the
 * place in the user's own file (retrace.ts).
 */
import type { Cursor } from '../aws/cursor.ts';
import { formatPath } from '../../model/errors.ts';

/** Where a value came from: the input file and the JSON path in it. */
export interface Origin {
  file: string;
  path: string;
}

/** A value copied from the input, with its origin. Objects and arrays inside keep the same shape. */
export class Traced {
  constructor(
    readonly value: unknown,
    readonly origin: Origin,
  ) {}
}

/** The value at a cursor, traced to it; a missing or null value is left out of the bundle but keeps its place for messages. */
export function traced(at: Cursor): Traced {
  return new Traced(at.missing ? undefined : at.value, { file: at.file, path: at.where });
}

/** A value made by the translation (a default, a joined id) that stands for the place `at`. */
export function made(value: unknown, at: Cursor): Traced {
  return new Traced(value, { file: at.file, path: at.where });
}

export const originOf = (at: Cursor): Origin => ({ file: at.file, path: at.where });

interface TraceEntry {
  origin: Origin;
  /** Copied verbatim: a path below it maps to the same path below the origin. */
  verbatim: boolean;
}

type Segment = string | number;

/** Item fields: plain values, traced values, nested objects and arrays of them; undefined is left out. */
export type Item = { [key: string]: unknown };

/** One bundle file under construction, and the origin of each of its paths. */
export class BundleWriter {
  private readonly lists = new Map<string, unknown[]>();
  private readonly trace = new Map<string, TraceEntry>();
  private readonly top: Record<string, unknown> = {};

  constructor(readonly name: string) {}

  /** Appends an item to the list under `key` (Vpcs, SecurityGroups, …); `from` is where the item stands in the input. */
  add(key: string, item: Item, from: Origin): Item {
    const list = this.lists.get(key) ?? [];
    this.lists.set(key, list);
    const written = this.write(item, [key, list.length], from, false) as Item;
    list.push(written);
    return written;
  }

  /** Appends to a list inside an item already written (a route to its table, a rule to its group). */
  append(item: Item, key: string, value: unknown, from: Origin): void {
    const at = this.pathOf(item);
    if (!at) throw new Error('append: the item was not written by this writer');
    const list = (Array.isArray(item[key]) ? item[key] : (item[key] = [])) as unknown[];
    list.push(this.write(value, [...at, key, list.length], from, false));
  }

  /** Sets a top-level key (Region). */
  setTop(key: string, value: string): void {
    this.top[key] = value;
  }

  /** Whether the writer holds anything. */
  get empty(): boolean {
    return [...this.lists.values()].every((l) => l.length === 0);
  }

  /** The bundle JSON: one object with the describe keys. */
  json(): Record<string, unknown> {
    return { ...this.top, ...Object.fromEntries(this.lists) };
  }

  /** The input place a bundle path stands for: the nearest traced ancestor, extended below verbatim copies. */
  origin(path: string): Origin | undefined {
    let p = path;
    let suffix = '';
    for (;;) {
      const entry = this.trace.get(p);
      if (entry) return entry.verbatim && suffix ? { file: entry.origin.file, path: joinPath(entry.origin.path, suffix) } : entry.origin;
      const m = /(\.[^.[\]]+|\[\d+\])$/.exec(p);
      if (!m) return undefined;
      const last = m[1]!;
      suffix = last + suffix;
      p = p.slice(0, -last.length);
      if (p === '') return undefined;
    }
  }

  private readonly paths = new WeakMap<object, Segment[]>();

  private pathOf(item: object): Segment[] | undefined {
    return this.paths.get(item);
  }

  private write(value: unknown, path: Segment[], inherited: Origin, verbatim: boolean): unknown {
    if (value instanceof Traced) {
      // Traced even when unset: "X is missing" is then said about the input's own field.
      this.trace.set(formatPath(path), { origin: value.origin, verbatim: true });
      return value.value === undefined || value.value === null ? undefined : this.copy(value.value);
    }
    this.trace.set(formatPath(path), { origin: inherited, verbatim });
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const v of value) {
        const w = this.write(v, [...path, out.length], inherited, verbatim);
        if (w !== undefined) out.push(w);
      }
      this.paths.set(out, path);
      return out;
    }
    if (value !== null && typeof value === 'object') {
      const out: Item = {};
      for (const [k, v] of Object.entries(value)) {
        const w = this.write(v, [...path, k], inherited, verbatim);
        if (w !== undefined) out[k] = w;
      }
      this.paths.set(out, path);
      return out;
    }
    return value;
  }

  /** A deep copy of input JSON (own keys only, so `__proto__` stays an inert key). */
  private copy(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.copy(v));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(value)) Object.defineProperty(out, k, { value: this.copy((value as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return value;
  }
}

function joinPath(base: string, suffix: string): string {
  return base === '(root)' ? suffix.replace(/^\./, '') : `${base}${suffix}`;
}
