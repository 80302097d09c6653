/**
 * A plan's values that are unknown until apply (the id of a VPC still to be made, and so every
 * subnet's vpc_id) are missing from `planned_values`; the plan's `configuration` says what they
 * refer to (`"references": ["aws_vpc.main.id", "aws_vpc.main"]`). Such a value becomes the
 * referenced resource's id: its AWS id when the plan knows it, else its address, which is the id
 * it gets in the design (as for configuration).
 */
import { Cursor } from '../aws/cursor.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A plan's configuration: expressions of each resource, and of each module call (a module's `var.*`). */
export interface Configuration {
  /** By the full address of the resource (module path included, no index). */
  resources: Map<string, Json>;
  /** By the module's prefix (`module.net.`): the expressions its call passes as variables. */
  calls: Map<string, Json>;
}

/** Reads a plan's `configuration` section. */
export function configurationOf(root: Cursor): Configuration {
  const out: Configuration = { resources: new Map(), calls: new Map() };
  const walk = (module: Cursor, prefix: string): void => {
    for (const r of module.objects('resources')) {
      const address = r.str('address');
      const expressions = r.at('expressions').value;
      if (address && isObject(expressions)) out.resources.set(`${prefix}${address}`, expressions);
    }
    const calls = module.obj('module_calls');
    for (const name of calls?.keys() ?? []) {
      const call = calls!.obj(name);
      const inner = `${prefix}module.${name}.`;
      const expressions = call?.at('expressions').value;
      if (isObject(expressions)) out.calls.set(inner, expressions);
      const child = call?.obj('module');
      if (child) walk(child, inner);
    }
  };
  const module = root.obj('configuration')?.obj('root_module');
  if (module) walk(module, '');
  return out;
}

const withoutIndex = (address: string): string => address.replace(/\[[^\]]*\]$/, '');
const modulePrefix = (address: string): string => /^((?:module\.[^.]+(?:\[[^\]]*\])?\.)*)/.exec(address)?.[1]?.replace(/\[[^\]]*\]/g, '') ?? '';

/** Fills the values a plan leaves unknown from the references its configuration names. */
export class PlanReferences {
  constructor(
    private readonly configuration: Configuration,
    /** The id each planned resource has (its AWS id when known, else its address), by address without index. */
    private readonly ids: Map<string, string>,
  ) {}

  /** The resource's values with unknown attributes that are references filled in, at the same place. */
  complete(address: string, values: Cursor): Cursor {
    const expressions = this.configuration.resources.get(withoutIndex(address).replace(/\[[^\]]*\]/g, ''));
    if (!expressions || !isObject(values.value)) return values;
    const filled = this.fill(values.value, expressions, modulePrefix(address));
    return filled === values.value ? values : new Cursor(filled, values.file, values.path);
  }

  private fill(values: Json, expressions: Json, prefix: string): Json {
    let out = values;
    const set = (key: string, v: unknown): void => {
      if (out === values) out = { ...values };
      out[key] = v;
    };
    for (const [key, expression] of Object.entries(expressions)) {
      const present = Object.hasOwn(values, key) && values[key] !== null && values[key] !== undefined;
      if (isObject(expression) && Array.isArray(expression.references)) {
        if (present) continue;
        const ids = this.referenced(expression.references, prefix);
        // Plural names (subnet_ids, security_groups, subnets) hold lists; the rest one id.
        if (ids.length > 0) set(key, key.endsWith('s') ? ids : ids[0]);
      } else if (isObject(expression) && Object.hasOwn(expression, 'constant_value')) {
        if (!present) set(key, expression.constant_value);
      } else if (Array.isArray(expression)) {
        // Nested blocks (ingress, route, default_action): block by block; a set of blocks holding
        // an unknown value is unknown as a whole, so it is built from the configuration.
        const blocks = Array.isArray(values[key]) ? (values[key] as unknown[]) : present ? undefined : expression.map(() => ({}));
        if (!blocks) continue;
        const next = blocks.map((b, i) => (isObject(b) && isObject(expression[i]) ? this.fill(b, expression[i] as Json, prefix) : b));
        if (!present || next.some((b, i) => b !== blocks[i])) set(key, next);
      }
    }
    return out;
  }

  private referenced(references: unknown[], prefix: string, depth = 0): string[] {
    const ids: string[] = [];
    for (const ref of references) {
      if (typeof ref !== 'string') continue;
      // A module's variable: what its call passes, in the calling module.
      const variable = /^var\.([\w-]+)$/.exec(ref);
      if (variable && prefix !== '' && depth < 20) {
        const passed = this.configuration.calls.get(prefix)?.[variable[1]!];
        const parent = prefix.replace(/module\.[^.]+\.$/, '');
        if (isObject(passed) && Array.isArray(passed.references)) {
          for (const id of this.referenced(passed.references, parent, depth + 1)) if (!ids.includes(id)) ids.push(id);
        }
        continue;
      }
      // Terraform lists `aws_vpc.main.id` and `aws_vpc.main`; only the id (or arn) form says the value is that resource.
      const m = /^([a-z][a-z0-9_]*\.[\w-]+)(?:\[[^\]]*\])?\.(?:id|arn)$/.exec(ref);
      if (!m) continue;
      const id = this.ids.get(`${prefix}${m[1]}`);
      if (id && !ids.includes(id)) ids.push(id);
    }
    return ids;
  }
}
