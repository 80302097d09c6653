/**
 * Terraform configuration: `.tf` files as HashiCorp's parser turns them into JSON, and `.tf.json`
 * files, which are that JSON already. All files given together are one module: variables, locals
 * and resources of any file are visible from every other, as Terraform sees them.
 */
import { Cursor } from '../aws/cursor.ts';
import { HclEvaluator, UNRESOLVED, evaluatedCursor, type HclScope, type Unresolved } from './hcl-values.ts';
import type { Unevaluated } from './context.ts';
import type { TfRead, TfResource } from './resources.ts';

/** One configuration file, parsed to JSON. */
export interface HclFile {
  name: string;
  json: unknown;
}

/** A block of configuration: hcl2json gives a list of bodies, .tf.json may give one object. */
function bodies(at: Cursor): Cursor[] {
  if (at.missing) return [];
  return Array.isArray(at.value) ? at.objects() : [at];
}

function gatherScope(files: HclFile[]): { scope: HclScope; blocks: Array<{ type: string; name: string; block: Cursor }>; data: string[]; modules: Cursor[]; providers: Cursor[] } {
  const scope: HclScope = { variables: new Map(), locals: new Map(), resources: new Map() };
  const blocks: Array<{ type: string; name: string; block: Cursor }> = [];
  const data: string[] = [];
  const modules: Cursor[] = [];
  const providers: Cursor[] = [];
  for (const file of files) {
    const root = new Cursor(file.json, file.name);
    for (const name of root.obj('variable')?.keys() ?? []) {
      for (const body of bodies(root.at('variable').at(name))) {
        const d = body.at('default');
        if (!d.missing) scope.variables.set(name, new Cursor(d.value, file.name, ['var', name]));
      }
    }
    for (const body of bodies(root.at('locals'))) {
      for (const name of body.keys()) scope.locals.set(name, new Cursor(body.at(name).value, file.name, ['local', name]));
    }
    for (const type of root.obj('resource')?.keys() ?? []) {
      for (const name of root.at('resource').obj(type)?.keys() ?? []) {
        const list = bodies(root.at('resource').at(type).at(name));
        // Placed at `type.name`: the address people know, and what error paths start with.
        const block = list[0] && new Cursor(list[0].value, file.name, [type, name]);
        if (!block) continue;
        scope.resources.set(`${type}.${name}`, block);
        blocks.push({ type, name, block });
      }
    }
    for (const type of root.obj('data')?.keys() ?? []) for (const name of root.at('data').obj(type)?.keys() ?? []) data.push(`data.${type}.${name}`);
    for (const name of root.obj('module')?.keys() ?? []) modules.push(root.at('module').at(name));
    for (const body of bodies(root.at('provider').at('aws'))) providers.push(body);
  }
  return { scope, blocks, data, modules, providers };
}

/** What the configuration holds, with references resolved; warnings for what only Terraform can evaluate. */
export function readHcl(files: HclFile[], warn: (code: string, message: string, at?: Cursor) => void): TfRead {
  const { scope, blocks, data, modules, providers } = gatherScope(files);
  // Said only when the translation reads the attribute: most left-out expressions (an AMI, user
  // data) do not matter to the network.
  const unevaluated = new Map<string, Unevaluated>();
  const unresolved: Unresolved = (at, expression, reason) => {
    const key = `${at.file}|${at.where}`;
    if (!unevaluated.has(key)) unevaluated.set(key, { at, message: `${JSON.stringify(expression)} is ${reason}; it was left out.` });
  };
  const evaluator = new HclEvaluator(scope, unresolved);
  const out: TfRead = { resources: [], dataSources: data, unevaluated };

  for (const m of modules) {
    warn('import/terraform-module', `module "${String(m.path.at(-1))}" is not followed; import the module's own .tf files to include what it creates.`, m);
  }
  for (const p of providers) {
    if (p.has('alias')) continue;
    const region = p.has('region') ? evaluator.value(p.at('region')) : UNRESOLVED;
    if (typeof region === 'string' && region.trim()) out.region = region.trim();
  }

  for (const { type, name, block } of blocks) {
    const address = `${type}.${name}`;
    if (block.has('count')) {
      const count = evaluator.value(block.at('count'));
      if (count === 0 || count === false) continue;
      if (count !== 1 && count !== true) warn('import/terraform-count', `${address} has count = ${typeof count === 'number' ? count : 'an expression'}; it was imported once.`, block.at('count'));
    }
    if (block.has('for_each')) warn('import/terraform-count', `${address} has for_each; it was imported once.`, block.at('for_each'));
    if (block.has('dynamic')) {
      warn('import/terraform-dynamic', `${address} has dynamic blocks (${block.obj('dynamic')?.keys().join(', ') ?? ''}), which only Terraform can expand; they were left out.`, block.at('dynamic'));
    }
    const evaluated = evaluator.value(block);
    const values = evaluatedCursor(evaluated === UNRESOLVED ? {} : evaluated, block);
    const resource: TfResource = { address, type, name, values, raw: block, id: address, at: block };
    out.resources.push(resource);
  }
  return out;
}
