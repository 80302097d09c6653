/** What the Terraform writers share: resource names by design id, providers by Region, variables and notes. */
import type { Design, Tags } from '../../model/types.ts';
import { nameTags } from '../iac/common.ts';
import { attr, block, comment, expr, IdentAllocator, map, type Expr, type HclItem } from './hcl.ts';

export interface VariableSpec {
  description: string;
  type: string;
  default?: string;
  sensitive?: boolean;
}

export class TfContext {
  readonly items: HclItem[] = [];
  readonly variables = new Map<string, VariableSpec>();
  readonly notes: string[] = [];
  /** Region of the default provider: the first VPC's. */
  readonly primaryRegion: string;
  readonly regions = new Set<string>();
  private readonly ids = new IdentAllocator();
  private readonly named = new Map<string, { type: string; name: string }>();

  constructor(readonly design: Design) {
    this.primaryRegion = Object.values(design.vpcs)[0]?.region ?? 'us-east-1';
  }

  /** Names a resource for a design entity (`key` is usually its id; a suffix tells apart several per entity). */
  declare(key: string, type: string, text: string, fallback: string): string {
    const name = this.ids.take(type, text, fallback);
    this.named.set(`${type}|${key}`, { type, name });
    return name;
  }

  /** A reference to the resource of type `type` declared for `key`, or undefined. */
  ref(type: string, key: string, attribute: string): Expr | undefined {
    const n = this.named.get(`${type}|${key}`);
    return n ? expr(`${n.type}.${n.name}.${attribute}`) : undefined;
  }

  /** `type.name` of the resource declared for `key` (for depends_on). */
  address(type: string, key: string): Expr | undefined {
    const n = this.named.get(`${type}|${key}`);
    return n ? expr(`${n.type}.${n.name}`) : undefined;
  }

  has(type: string, key: string): boolean {
    return this.named.has(`${type}|${key}`);
  }

  variable(name: string, spec: VariableSpec): Expr {
    this.variables.set(name, spec);
    return expr(`var.${name}`);
  }

  /** The `provider` meta-argument for resources in `region` (none for the primary Region). */
  provider(region: string | undefined): HclItem[] {
    if (!region || region === this.primaryRegion) return [];
    this.regions.add(region);
    return attr('provider', expr(`aws.${providerAlias(region)}`));
  }

  resource(type: string, name: string, items: HclItem[], lead?: string): void {
    if (lead) this.items.push(comment(lead));
    this.items.push(block('resource', [type, name], items));
  }

  section(title: string): void {
    this.items.push(comment(`--- ${title} ---`));
  }

  tags(name: string, tags: Tags | undefined): HclItem[] {
    return attr('tags', map(nameTags(name, tags)));
  }
}

export function providerAlias(region: string): string {
  return region.replace(/[^A-Za-z0-9]+/g, '_');
}
