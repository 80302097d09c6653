/**
 * The translation under way: Terraform resources by type and id, one bundle writer per input
 * file, the warnings met, and readers for the attribute conventions Terraform uses (an unset
 * string is "", an unset list is [], a map of tags is an object).
 */
import type { Cursor } from '../aws/cursor.ts';
import { WarningSink, type ImportWarning } from '../aws/warnings.ts';
import { BundleWriter, Traced, made, originOf, traced, type Item, type Origin } from '../translate/writer.ts';
import type { TfResource } from './resources.ts';

/** An attribute an HCL expression left unset, and why: said when the translation reads it. */
export interface Unevaluated {
  at: Cursor;
  message: string;
}

export class Translation {
  readonly warnings = new WarningSink();
  private readonly writers = new Map<string, BundleWriter>();
  private readonly byType = new Map<string, TfResource[]>();
  /** Resources by id, by address and by ARN: references in an input use any of these. */
  private readonly byKey = new Map<string, TfResource>();
  private readonly said = new Set<string>();
  /** Items written per resource address, for the resources that add to them (rules, routes, entries). */
  readonly items = new Map<string, { item: Item; writer: BundleWriter }>();

  private publicAddresses = 10;

  constructor(
    readonly resources: TfResource[],
    /** Per file and path (`file|path`), the HCL expressions left out. */
    private readonly unevaluated: Map<string, Unevaluated> = new Map(),
    /** Configuration (not state): what AWS assigns at apply is not known yet. */
    readonly configuration = false,
  ) {
    for (const r of resources) {
      this.byType.set(r.type, [...(this.byType.get(r.type) ?? []), r]);
      for (const key of [r.address, r.id, r.values.str('arn')]) if (key && !this.byKey.has(key)) this.byKey.set(key, r);
    }
    for (const r of resources) this.writer(r.at.file);
  }

  of(...types: string[]): TfResource[] {
    return types.flatMap((t) => this.byType.get(t) ?? []);
  }

  /** The resource an id, ARN or address names, when the input holds it (and, if given, it is of one of the types). */
  find(key: string | undefined, ...types: string[]): TfResource | undefined {
    const r = key ? this.byKey.get(key) : undefined;
    return r && (types.length === 0 || types.includes(r.type)) ? r : undefined;
  }

  writer(file: string): BundleWriter {
    let w = this.writers.get(file);
    if (!w) this.writers.set(file, (w = new BundleWriter(file)));
    return w;
  }

  allWriters(): BundleWriter[] {
    return [...this.writers.values()];
  }

  /** Writes the bundle item for a resource and remembers it under the resource's address. */
  emit(r: TfResource, key: string, item: Item): Item {
    const writer = this.writer(r.at.file);
    const written = writer.add(key, item, originOf(r.values));
    this.items.set(r.address, { item: written, writer });
    return written;
  }

  /** Adds to a list of an item already written (a rule to its group), tracing to the resource that adds it. */
  extend(owner: string, key: string, value: unknown, from: Cursor): boolean {
    const target = this.items.get(owner);
    if (!target) return false;
    target.writer.append(target.item, key, value, originOf(from));
    return true;
  }

  warn(code: string, message: string, at?: Cursor, subject?: string): void {
    const w: ImportWarning = { code, message: at ? `${at.file}: ${at.where}: ${message}` : message };
    if (at) {
      w.file = at.file;
      w.path = at.where;
    }
    if (subject) w.subject = subject;
    this.warnings.add(w);
  }

  /**
   * A public address AWS assigns only at apply (an Elastic IP, an auto-assigned address): from
   * TEST-NET-1 like a drawn design's, so the design can say what the address lets through.
   */
  standInPublicIp(at: Cursor, what: string, subject: string): Traced {
    const ip = `192.0.2.${this.publicAddresses++}`;
    this.warn('import/terraform-public-address', `${what} gets its public address only when Terraform applies; ${ip} stands in for it.`, at, subject);
    return made(ip, at);
  }

  /** Says, once each, why HCL expressions at or under this place were left out. */
  touch(at: Cursor): void {
    const prefix = `${at.file}|${at.where}`;
    for (const [key, u] of this.unevaluated) {
      if (this.said.has(key)) continue;
      if (key === prefix || key.startsWith(`${prefix}.`) || key.startsWith(`${prefix}[`)) {
        this.said.add(key);
        this.warn('import/terraform-expression', u.message, u.at);
      }
    }
  }

  /** The attribute's cursor, saying first why it is unset when an HCL expression could not be evaluated. */
  attr(r: TfResource, key: string): Cursor {
    const at = r.values.at(key);
    this.touch(at);
    return at;
  }
}

/** Whether a Terraform value is set: not null, not "", not an empty list. */
export function isSet(at: Cursor): boolean {
  const v = at.value;
  return !(v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0));
}

/** The attribute as a traced value; unset ("" and [] included) is left out of the bundle but keeps its place for messages. */
export function value(at: Cursor): Traced {
  return isSet(at) ? traced(at) : new Traced(undefined, originOf(at));
}

/** The first of these attributes that is set. */
export function firstSet(values: Cursor, ...keys: string[]): Cursor | undefined {
  for (const k of keys) if (isSet(values.at(k))) return values.at(k);
  return undefined;
}

/** A set string attribute's text (trimmed), for decisions the translation makes itself. */
export function text(at: Cursor): string | undefined {
  return typeof at.value === 'string' && at.value.trim() !== '' ? at.value.trim() : undefined;
}

/** A Terraform block list (`ingress`, `route`, `vpc_config`): its objects, or one object given bare. */
export function blocks(at: Cursor): Cursor[] {
  if (at.missing) return [];
  if (!Array.isArray(at.value) && typeof at.value === 'object') return [at];
  return at.objects();
}

/** The first block of a single-block attribute (`vpc_config`, `health_check`). */
export function block(at: Cursor): Cursor | undefined {
  return blocks(at)[0];
}

/** Elements of a list attribute (strings, typically), each traced; a bare string counts as a list of one. */
export function elements(at: Cursor): Traced[] {
  if (at.missing) return [];
  if (!Array.isArray(at.value)) return isSet(at) ? [traced(at)] : [];
  return at.list().flatMap((c) => (isSet(c) ? [traced(c)] : []));
}

/** Text of a list attribute's elements. */
export function texts(at: Cursor): string[] {
  if (at.missing) return [];
  if (!Array.isArray(at.value)) return text(at) ? [text(at)!] : [];
  return at.list().flatMap((c) => text(c) ?? []);
}

/** Terraform's tags map (tags_all when the state has it: provider default tags included) as describe Tags. */
export function tagList(values: Cursor): Item[] | undefined {
  const all = values.obj('tags_all');
  const tags = all && all.keys().length > 0 ? all : values.obj('tags');
  if (!tags) return undefined;
  return tags.keys().map((k) => ({ Key: made(k, tags.at(k)), Value: traced(tags.at(k)) }));
}

export type { Origin };
