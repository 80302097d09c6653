/**
 * The describe bundle the templates translate into, one input per template file, and where each
 * of its objects came from. The describe importer reports problems by the bundle's JSON path;
 * `locate` walks that path through the bundle and answers with the template file and path the
 * object (or field) was written from, so messages name `Resources.WebSG.Properties…`.
 */
import { DESCRIBE_KEYS, type DescribeKey } from '../aws/recognise.ts';
import type { Cursor, Segment } from '../aws/cursor.ts';
import { isObject } from './values.ts';

/** A place in a template. */
export interface Origin {
  file: string;
  path: readonly Segment[];
}

interface Tracked {
  at: Origin;
  /** Bundle key to the template field it was written from. */
  fields: Record<string, Origin>;
}

const origin = (c: Cursor): Origin => ({ file: c.file, path: c.path });

export class Draft {
  private readonly bundles = new Map<string, Record<string, unknown[]>>();
  private readonly origins = new WeakMap<object, Tracked>();

  /** Appends an item to a describe list of a template's bundle. */
  add(file: string, key: DescribeKey | 'TargetHealthDescriptions', item: object): void {
    const bundle = this.bundle(file);
    (bundle[key] ??= []).push(item);
  }

  private bundle(file: string): Record<string, unknown[]> {
    let bundle = this.bundles.get(file);
    if (!bundle) {
      // Every describe key, even empty, so that each file is recognised as describe output.
      bundle = Object.fromEntries(Object.keys(DESCRIBE_KEYS).filter((k) => k !== 'ManagedPrefixLists').map((k) => [k, [] as unknown[]]));
      this.bundles.set(file, bundle);
    }
    return bundle;
  }

  /** Makes sure a file has a bundle, even when nothing of it is modelled. */
  touch(file: string): void {
    this.bundle(file);
  }

  /** Records where a bundle object and its fields came from; returns the object. */
  track<T>(item: T, at: Cursor, fields: Record<string, Cursor | undefined> = {}): T {
    if (typeof item !== 'object' || item === null) return item; // a wrong shape, left for the describe importer to name
    const mapped: Record<string, Origin> = {};
    for (const [key, c] of Object.entries(fields)) if (c) mapped[key] = origin(c);
    this.origins.set(item, { at: origin(at), fields: mapped });
    return item;
  }

  /** The bundle inputs for importDescribeBundle, in the order the files were given. */
  inputs(): Array<{ name: string; json: unknown }> {
    return [...this.bundles].map(([name, json]) => ({ name, json }));
  }

  /** The template place a bundle path (`SecurityGroupRules[3].FromPort`) of a file stands for. */
  locate(file: string, path: string | undefined): Origin | undefined {
    const root = this.bundles.get(file);
    if (!root || path === undefined) return undefined;
    let value: unknown = root;
    let best: Origin | undefined;
    for (const seg of parsePath(path)) {
      const tracked = isObject(value) ? this.origins.get(value) : undefined;
      const next: unknown = Array.isArray(value) && typeof seg === 'number' ? value[seg] : isObject(value) && typeof seg === 'string' && Object.hasOwn(value, seg) ? value[seg] : undefined;
      const own = typeof next === 'object' && next !== null ? this.origins.get(next) : undefined;
      if (own) best = own.at;
      else if (tracked && typeof seg === 'string' && tracked.fields[seg]) best = tracked.fields[seg];
      if (next === undefined) break;
      value = next;
    }
    return best;
  }
}

/** `a.b[2].c` back into segments (the describe importer's paths hold AWS field names and indexes only). */
export function parsePath(path: string): Segment[] {
  if (path === '(root)') return [];
  const out: Segment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}
