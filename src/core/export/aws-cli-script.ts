/** The state of one generated deploy script: its lines and the shell variable of each entity. */
import { comment, shellJson, shellQuote, shellVar, type JsonValue } from './shell-quote.ts';
import type { Tags } from '../model/types.ts';

export class Script {
  readonly lines: string[] = [];
  private readonly vars = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  private readonly regionVars = new Map<string, string>();

  /** A fresh variable `PREFIX_n` for a design entity. */
  declare(entityKey: string, prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    const name = `${prefix}_${n}`;
    this.vars.set(entityKey, name);
    return name;
  }

  /** The variable holding an entity's AWS id, if the script creates or finds it. */
  varOf(entityKey: string): string | undefined {
    return this.vars.get(entityKey);
  }

  /** `"$VAR"` for an entity the script knows, else the design's id as a literal word. */
  idWord(entityKey: string, literalId: string): string {
    const v = this.vars.get(entityKey);
    return v ? `"$${v}"` : shellQuote(literalId);
  }

  /** An id for JSON arguments: the variable, else the literal id. */
  idJson(entityKey: string, literalId: string): JsonValue {
    const v = this.vars.get(entityKey);
    return v ? shellVar(v) : literalId;
  }

  /** The variable of a Region (REGION_n), declared on first use with the design's Region as default. */
  region(region: string): string {
    const known = this.regionVars.get(region);
    if (known) return known;
    const name = `REGION_${this.regionVars.size + 1}`;
    this.regionVars.set(region, name);
    this.lines.push(`${name}_DESIGN=${shellQuote(region)}`, `${name}="$(region "\${AWS_REGION:-$${name}_DESIGN}")"`);
    return name;
  }

  push(...lines: string[]): void {
    this.lines.push(...lines);
  }

  note(text: string): void {
    this.lines.push(comment(text));
  }

  section(title: string): void {
    this.lines.push('', comment(`--- ${title} ---`), `note ${shellQuote(title)}`);
  }
}

/** Tags as the EC2 API takes them: the entity's name as Name, AWS-reserved keys left out. */
export function tagList(name: string | undefined, tags: Tags | undefined): Array<{ Key: string; Value: string }> {
  const out: Array<{ Key: string; Value: string }> = [];
  if (name) out.push({ Key: 'Name', Value: name });
  for (const [Key, Value] of Object.entries(tags ?? {})) {
    if (Key === 'Name' && name) continue;
    if (Key.toLowerCase().startsWith('aws:')) continue;
    out.push({ Key, Value });
  }
  return out;
}

/** `--tag-specifications JSON`, or nothing when there are no tags. */
export function tagSpec(resourceType: string, name: string | undefined, tags: Tags | undefined): string {
  const list = tagList(name, tags);
  return list.length === 0 ? '' : ` --tag-specifications ${shellJson([{ ResourceType: resourceType, Tags: list }])}`;
}

/** A create-tags line for an existing resource (main table, default ACL, default group), or none. */
export function createTags(regionVar: string, idVar: string, name: string | undefined, tags: Tags | undefined): string[] {
  const list = tagList(name, tags);
  return list.length === 0 ? [] : [`awsr "$${regionVar}" ec2 create-tags --resources "$${idVar}" --tags ${shellJson(list)} >/dev/null`];
}
