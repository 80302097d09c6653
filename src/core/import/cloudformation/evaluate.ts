/**
 * Evaluating intrinsic functions inside one template: Ref (parameters with their Default, pseudo
 * parameters, resources), Fn::GetAtt (attributes.ts), Fn::Sub, Fn::FindInMap, Fn::If and the
 * condition functions, Fn::ImportValue (exports of the other templates given), and the list and
 * text functions of functions.ts. Properties are evaluated one top-level key at a time, when a
 * reader asks, so a UserData script nobody reads is never evaluated.
 */
import { Cursor, describeValue } from '../aws/cursor.ts';
import { ATTRIBUTES } from './attributes.ts';
import { base64, cidr, join, malformed, select, split, subParts, zonesOf } from './functions.ts';
import { parameterPlaceholder } from './ids.ts';
import type { Scope } from './scope.ts';
import type { Template } from './template.ts';
import { findUnresolved, isObject, NO_VALUE, scalarText, setOwn, Unresolved, type Resolved } from './values.ts';

type Value = Resolved | typeof NO_VALUE;

/** Deeper than this is no template, only a way to exhaust the stack. */
const MAX_DEPTH = 200;
const IN_PROGRESS = Symbol('in progress');

const SIMPLE: Record<string, (args: Resolved, at: Cursor) => Resolved> = {
  'Fn::Join': join,
  'Fn::Split': split,
  'Fn::Select': select,
  'Fn::Base64': base64,
  'Fn::Cidr': cidr,
};

export class Evaluator {
  private readonly properties = new Map<string, Value | typeof IN_PROGRESS>();
  private readonly conditions = new Map<string, boolean | Unresolved | typeof IN_PROGRESS>();

  constructor(
    readonly template: Template,
    private readonly scope: Scope,
  ) {}

  /** A resource's property `key`, evaluated, at its template path; missing when absent or AWS::NoValue. */
  property(logicalId: string, key: string): Cursor {
    const resource = this.template.resources.get(logicalId)!;
    const raw = resource.at.at('Properties').at(key);
    const memo = `${logicalId}\u0000${key}`;
    let value = this.properties.get(memo);
    if (value === IN_PROGRESS) {
      value = new Unresolved(`${logicalId}.${key} refers to itself`);
    } else if (value === undefined) {
      this.properties.set(memo, IN_PROGRESS);
      value = raw.missing ? NO_VALUE : this.resolve(raw);
      this.properties.set(memo, value);
    }
    return new Cursor(value === NO_VALUE ? undefined : value, raw.file, raw.path);
  }

  /** Evaluates the value at a template position. */
  resolve(at: Cursor, depth = 0): Value {
    if (depth > MAX_DEPTH) return at.fail(`nests more than ${MAX_DEPTH} levels deep.`, 'import/cfn-shape');
    const v = at.value;
    if (v === undefined) return NO_VALUE;
    if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
    if (Array.isArray(v)) {
      const out: Resolved[] = [];
      v.forEach((_, i) => {
        const r = this.resolve(at.at(i), depth + 1);
        if (r !== NO_VALUE) out.push(r);
      });
      return out;
    }
    if (typeof v !== 'object') return at.fail(`holds ${describeValue(v)}, which a template cannot.`, 'import/cfn-shape');
    const keys = Object.keys(v);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'))) return this.call(keys[0]!, at.at(keys[0]!), depth + 1);
    const out: Record<string, Resolved> = {};
    for (const key of keys) {
      const r = this.resolve(at.at(key), depth + 1);
      if (r !== NO_VALUE) setOwn(out, key, r);
    }
    return out;
  }

  private args(at: Cursor, depth: number): Resolved {
    const r = this.resolve(at, depth);
    return r === NO_VALUE ? null : r;
  }

  private call(fn: string, at: Cursor, depth: number): Value {
    switch (fn) {
      case 'Ref':
        return this.ref(at, depth);
      case 'Fn::GetAtt':
        return this.getAtt(at, depth);
      case 'Fn::Sub':
        return this.sub(at, depth);
      case 'Fn::If':
        return this.ifThen(at, depth);
      case 'Fn::FindInMap':
        return this.findInMap(at, depth);
      case 'Fn::GetAZs': {
        const region = this.args(at, depth);
        if (region instanceof Unresolved) return region;
        const name = typeof region === 'string' && region.trim() !== '' ? region.trim() : this.scope.region;
        this.scope.assumeZones(this.template, name, at);
        return zonesOf(name);
      }
      case 'Fn::ImportValue': {
        const name = this.args(at, depth);
        if (name instanceof Unresolved) return name;
        const text = scalarText(name);
        if (text === undefined) return malformed(at, 'Fn::ImportValue', `the export name should be text, but it is ${describeValue(name)}`);
        return this.scope.importValue(text);
      }
      case 'Fn::Equals':
      case 'Fn::Not':
      case 'Fn::And':
      case 'Fn::Or':
        return this.conditionFunction(fn, at, depth);
      default: {
        const simple = SIMPLE[fn];
        if (simple) return simple(this.args(at, depth), at);
        return new Unresolved(`${fn} is a function the importer does not evaluate`);
      }
    }
  }

  private ref(at: Cursor, depth: number): Value {
    const target = this.args(at, depth);
    if (target instanceof Unresolved) return target;
    if (typeof target !== 'string') return malformed(at, 'Ref', `it names a parameter or resource, but it is ${describeValue(target)}`);
    return this.refName(target.trim());
  }

  /** The value of `Ref name`: a pseudo parameter, a parameter, or a resource's id. */
  refName(name: string): Value {
    const pseudo = this.pseudo(name);
    if (pseudo !== undefined) return pseudo;
    const parameter = this.template.parameters.get(name);
    if (parameter) return this.parameter(name, parameter);
    return this.resourceRef(name) ?? new Unresolved(`${name} is neither a parameter nor a resource of ${this.template.file}`);
  }

  private resourceRef(logicalId: string): Resolved | undefined {
    const left = this.template.leftOut.get(logicalId);
    if (left) return new Unresolved(`the resource ${logicalId} was left out (${left})`);
    if (!this.template.resources.has(logicalId)) return undefined;
    // A resource whose condition cannot be decided is imported (with a warning), so references to it hold.
    if (this.created(logicalId) === false) return new Unresolved(`the resource ${logicalId} is not created: its condition is false`);
    return this.scope.bundleId(this.template, logicalId);
  }

  private pseudo(name: string): Value | undefined {
    const region = this.scope.region;
    switch (name) {
      case 'AWS::Region':
        return region;
      case 'AWS::StackName':
        return this.template.stem;
      case 'AWS::Partition':
        return region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
      case 'AWS::URLSuffix':
        return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
      case 'AWS::NoValue':
        return NO_VALUE;
      case 'AWS::NotificationARNs':
        return [];
      case 'AWS::AccountId':
      case 'AWS::StackId':
        return new Unresolved(`${name} is known only when the stack is created`);
      default:
        return name.startsWith('AWS::') ? new Unresolved(`${name} is not a pseudo parameter the importer knows`) : undefined;
    }
  }

  private parameter(name: string, p: Cursor): Resolved {
    const type = p.str('Type')?.trim() ?? 'String';
    const def = p.at('Default');
    if (def.missing) return new Unresolved(`the parameter ${name} has no Default`, type.startsWith('List<') || type === 'CommaDelimitedList' ? undefined : parameterPlaceholder(name));
    if (type.startsWith('AWS::SSM::Parameter::')) return new Unresolved(`the parameter ${name} is read from Systems Manager (${JSON.stringify(def.value)}) when the stack is created`);
    const value = def.value;
    if (type.startsWith('List<') || type === 'CommaDelimitedList') {
      if (Array.isArray(value)) return value.flatMap((x) => (scalarText(x) === undefined ? [] : [scalarText(x)!.trim()]));
      const text = scalarText(value);
      return text === undefined ? def.fail(`should be a comma-separated list, but it is ${describeValue(value)}.`, 'import/cfn-shape') : text.split(',').map((s) => s.trim());
    }
    const text = scalarText(value);
    if (text === undefined) def.fail(`should be a single value, but it is ${describeValue(value)}.`, 'import/cfn-shape');
    return typeof value === 'number' || typeof value === 'boolean' ? value : text!;
  }

  private getAtt(at: Cursor, depth: number): Value {
    const args = this.args(at, depth);
    if (args instanceof Unresolved) return args;
    let pair: [unknown, unknown] | undefined;
    if (typeof args === 'string' && args.includes('.')) pair = [args.slice(0, args.indexOf('.')), args.slice(args.indexOf('.') + 1)];
    else if (Array.isArray(args) && args.length === 2) pair = [args[0], args[1]];
    if (!pair) return malformed(at, 'Fn::GetAtt', `it takes [resource, attribute], but it is ${describeValue(args)}`);
    const u = findUnresolved(pair);
    if (u) return u;
    const [logicalId, attribute] = pair;
    if (typeof logicalId !== 'string' || typeof attribute !== 'string') return malformed(at, 'Fn::GetAtt', 'the resource and attribute should be text');
    return this.attribute(logicalId.trim(), attribute.trim());
  }

  /** `Fn::GetAtt logicalId.attribute`. */
  attribute(logicalId: string, attribute: string): Resolved {
    const ref = this.resourceRef(logicalId);
    if (ref === undefined) return new Unresolved(`${logicalId} is not a resource of ${this.template.file}`);
    if (ref instanceof Unresolved) return ref;
    const type = this.template.resources.get(logicalId)!.type;
    const rule = ATTRIBUTES[type]?.[attribute];
    if (!rule) return new Unresolved(`${logicalId}.${attribute} is known only when the stack is created`);
    if (rule.kind === 'id') return ref;
    if (rule.kind === 'derived') return rule.from(this.template.idOf(logicalId));
    const value = this.property(logicalId, rule.key).value as Resolved | undefined;
    return value === undefined ? new Unresolved(`${logicalId} does not set ${rule.key}, so AWS chooses ${logicalId}.${attribute}`) : value;
  }

  private sub(at: Cursor, depth: number): Value {
    const args = at.value;
    let template: Cursor = at;
    const variables = new Map<string, Resolved>();
    if (Array.isArray(args)) {
      if (args.length !== 2) return malformed(at, 'Fn::Sub', 'it takes a string or [string, {variables}]');
      template = at.at(0);
      const vars = at.at(1);
      if (!isObject(vars.value)) return malformed(at, 'Fn::Sub', 'the variables should be a mapping');
      for (const key of vars.keys()) variables.set(key, this.args(vars.at(key), depth));
    }
    const text = this.args(template, depth);
    if (text instanceof Unresolved) return text;
    if (typeof text !== 'string') return malformed(at, 'Fn::Sub', `the template should be a string, but it is ${describeValue(text)}`);
    let out = '';
    for (const part of subParts(text)) {
      if ('text' in part) {
        out += part.text;
        continue;
      }
      let value: Value;
      if (part.attribute === undefined && variables.has(part.ref)) value = variables.get(part.ref)!;
      else if (part.attribute !== undefined) value = this.attribute(part.ref, part.attribute);
      else value = this.refName(part.ref);
      if (value instanceof Unresolved) return value;
      const piece = value === NO_VALUE ? '' : scalarText(value);
      if (piece === undefined) return malformed(at, 'Fn::Sub', `\${${part.ref}${part.attribute ? `.${part.attribute}` : ''}} is ${describeValue(value)}, not text`);
      out += piece;
    }
    return out;
  }

  private findInMap(at: Cursor, depth: number): Value {
    const args = this.args(at, depth);
    if (!Array.isArray(args) || args.length < 3 || args.length > 4) return malformed(at, 'Fn::FindInMap', 'it takes [map, top-level key, second-level key]');
    const keys = args.slice(0, 3);
    const u = findUnresolved(keys);
    if (u) return u;
    const names = keys.map(scalarText);
    if (names.some((n) => n === undefined)) return malformed(at, 'Fn::FindInMap', 'the map and keys should be text');
    const [map, top, second] = names as [string, string, string];
    const fallback = isObject(args[3]) && Object.hasOwn(args[3], 'DefaultValue') ? (args[3] as Record<string, Resolved>).DefaultValue : undefined;
    const found = this.template.mappings.get(map)?.at(top).at(second);
    if (!found || found.missing) return fallback ?? new Unresolved(`Mappings.${map} has no ${top}.${second}`);
    return this.resolve(found, depth);
  }

  private ifThen(at: Cursor, depth: number): Value {
    const v = at.value;
    if (!Array.isArray(v) || v.length !== 3) return malformed(at, 'Fn::If', 'it takes [condition, value if true, value if false]');
    const name = this.args(at.at(0), depth);
    if (name instanceof Unresolved) return name;
    if (typeof name !== 'string') return malformed(at, 'Fn::If', 'the condition should be named');
    const holds = this.condition(name, at.at(0));
    if (holds instanceof Unresolved) return holds;
    return this.resolve(at.at(holds ? 1 : 2), depth);
  }

  /** Whether a named condition holds with the parameters' defaults. */
  condition(name: string, at: Cursor): boolean | Unresolved {
    const memo = this.conditions.get(name);
    if (memo === IN_PROGRESS) return new Unresolved(`the condition ${name} depends on itself`);
    if (memo !== undefined) return memo;
    const declared = this.template.conditions.get(name);
    if (!declared) return at.fail(`names the condition ${JSON.stringify(name)}, which the Conditions section does not declare.`, 'import/cfn-shape');
    this.conditions.set(name, IN_PROGRESS);
    const value = this.conditionValue(declared, 0);
    this.conditions.set(name, value);
    return value;
  }

  /** A condition expression: a condition function, `{Condition: name}`, or a literal true/false. */
  private conditionValue(at: Cursor, depth: number): boolean | Unresolved {
    const v = at.value;
    if (isObject(v) && Object.keys(v).length === 1 && Object.hasOwn(v, 'Condition')) {
      const name = v.Condition;
      return typeof name === 'string' ? this.condition(name, at.at('Condition')) : malformed(at, 'Condition', 'it names a condition');
    }
    const r = this.resolve(at, depth + 1);
    if (r instanceof Unresolved) return r;
    if (typeof r === 'boolean') return r;
    if (r === 'true' || r === 'false') return r === 'true';
    return malformed(at, 'condition', `it should be true or false, but it is ${describeValue(r)}`);
  }

  private conditionFunction(fn: string, at: Cursor, depth: number): boolean | Unresolved {
    const v = at.value;
    if (!Array.isArray(v)) return malformed(at, fn, 'it takes a list');
    if (fn === 'Fn::Equals') {
      if (v.length !== 2) return malformed(at, fn, 'it compares two values');
      const [a, b] = [this.args(at.at(0), depth), this.args(at.at(1), depth)];
      const u = findUnresolved([a, b]);
      if (u) return u;
      return JSON.stringify(scalarText(a) ?? a) === JSON.stringify(scalarText(b) ?? b);
    }
    if (fn === 'Fn::Not' && v.length !== 1) return malformed(at, fn, 'it takes one condition');
    if (fn !== 'Fn::Not' && (v.length < 2 || v.length > 10)) return malformed(at, fn, 'it takes 2 to 10 conditions');
    const values = v.map((_, i) => this.conditionValue(at.at(i), depth));
    if (fn === 'Fn::Not') return values[0] instanceof Unresolved ? values[0] : !values[0];
    const decided = fn === 'Fn::And' ? values.includes(false) : values.includes(true);
    if (decided) return fn !== 'Fn::And';
    const unknown = values.find((x) => x instanceof Unresolved);
    return unknown ?? fn === 'Fn::And';
  }

  /** Whether a resource is created: true, false, or Unresolved when its condition cannot be decided. */
  created(logicalId: string): boolean | Unresolved {
    const r = this.template.resources.get(logicalId);
    if (!r?.condition) return true;
    return this.condition(r.condition, r.at.at('Condition'));
  }
}
