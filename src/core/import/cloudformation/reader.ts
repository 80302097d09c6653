/**
 * Reading a resource's evaluated properties for translation. A value the templates leave open
 * either stands in for an id (a parameter without a Default: `parameter:Vpc`), is ignored when
 * optional, or leaves out the entity that needs it: each with a warning naming the file, the
 * template path and why.
 */
import { Cursor, describeValue } from '../aws/cursor.ts';
import type { Evaluator } from './evaluate.ts';
import type { Scope } from './scope.ts';
import type { Template, TemplateResource } from './template.ts';
import { findUnresolved, scalarText, Unresolved } from './values.ts';

/** Thrown when an entity needs a value the templates leave open; caught by `entity`. */
export class Skip extends Error {
  constructor(
    readonly at: Cursor,
    readonly unresolved: Unresolved,
  ) {
    super(unresolved.reason);
  }
}

export class ResourceReader {
  readonly evaluator: Evaluator;

  constructor(
    readonly scope: Scope,
    readonly template: Template,
    readonly resource: TemplateResource,
  ) {
    this.evaluator = scope.evaluator(template);
  }

  get logicalId(): string {
    return this.resource.logicalId;
  }

  /** The design id. */
  get id(): string {
    return this.template.idOf(this.resource.logicalId);
  }

  get file(): string {
    return this.template.file;
  }

  /** `Resources.<id>.Properties`. */
  get at(): Cursor {
    return this.resource.at.at('Properties');
  }

  /** A property, evaluated. */
  prop(key: string): Cursor {
    return this.evaluator.property(this.resource.logicalId, key);
  }

  /** Runs a translation; a Skip inside leaves the entity out with a warning. */
  entity(what: string, run: () => void): void {
    try {
      run();
    } catch (e) {
      if (!(e instanceof Skip)) throw e;
      this.scope.warn('import/cfn-unresolved', `${e.unresolved.reason}, so ${what} was left out.`, e.at, this.id);
    }
  }

  /** The value, or Skip when any part of it is open. */
  need(at: Cursor): unknown {
    const u = findUnresolved(at.value);
    if (u) throw new Skip(at, u);
    return at.value;
  }

  /** The value when known; an open optional value is ignored with a warning. */
  optional(at: Cursor): unknown {
    const u = findUnresolved(at.value);
    if (!u) return at.value;
    this.scope.warn('import/cfn-unresolved', `${u.reason}, so it was ignored.`, at, this.id);
    return undefined;
  }

  /** An id: text, a placeholder (with a warning) for a parameter without a Default, else Skip. Undefined when absent. */
  idAt(at: Cursor): string | undefined {
    const v = at.value;
    if (v === undefined || v === null) return undefined;
    if (v instanceof Unresolved) {
      if (!v.placeholder) throw new Skip(at, v);
      this.scope.warn('import/cfn-placeholder', `${v.reason}; "${v.placeholder}" stands in for it.`, at, this.id);
      return v.placeholder;
    }
    const text = scalarText(v)?.trim();
    if (text === undefined || text === '') return at.fail(`should be an id, but it is ${describeValue(v)}.`, 'import/cfn-shape');
    return text;
  }

  /** A list of ids; open elements are left out with a warning (placeholders kept), an open list is Skip. */
  ids(at: Cursor): string[] {
    const v = at.value;
    if (v === undefined || v === null) return [];
    if (v instanceof Unresolved) throw new Skip(at, v);
    if (!Array.isArray(v)) return at.fail(`should be a list of ids, but it is ${describeValue(v)}.`, 'import/cfn-shape');
    const out: string[] = [];
    v.forEach((_, i) => {
      const el = at.at(i);
      try {
        const id = this.idAt(el);
        if (id && !out.includes(id)) out.push(id);
      } catch (e) {
        if (!(e instanceof Skip)) throw e;
        this.scope.warn('import/cfn-unresolved', `${e.unresolved.reason}, so this item was left out of the list.`, el, this.id);
      }
    });
    return out;
  }

  /** A boolean property (true/false or "true"/"false"), undefined when absent or open. */
  flag(at: Cursor): boolean | undefined {
    const v = this.optional(at);
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
    if (v === undefined || v === null) return undefined;
    return at.fail(`should be true or false, but it is ${describeValue(v)}.`, 'import/cfn-shape');
  }

  /** The elements of a list property as cursors (an open list is Skip; absent is empty). */
  list(at: Cursor): Cursor[] {
    if (at.value instanceof Unresolved) throw new Skip(at, at.value);
    return at.list();
  }

  /** The resource's Tags, with open values left out (and warned about). */
  tags(key = 'Tags'): unknown {
    const at = this.prop(key);
    // A shape other than a list is passed on for the describe importer to name.
    if (!Array.isArray(at.value)) return this.optional(at);
    return at.list().flatMap((tag) => {
      const u = findUnresolved(tag.value);
      if (!u) return [tag.value];
      this.scope.warn('import/cfn-unresolved', `${u.reason}, so this tag was left out.`, tag, this.id);
      return [];
    });
  }
}

/** A Cursor at the same place holding another value. */
export const holding = (at: Cursor, value: unknown): Cursor => new Cursor(value, at.file, at.path);
