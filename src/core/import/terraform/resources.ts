/**
 * The resources of a Terraform input, whatever its form: state v4 (`resources[].instances[]
 * .attributes`), `terraform show -json` (`values.root_module`, `child_modules`), or configuration
 * (HCL, read in hcl.ts). Each keeps its attributes at their place in the file, so that anything
 * wrong is reported there.
 */
import { Cursor } from '../aws/cursor.ts';
import { PlanReferences, configurationOf } from './plan-references.ts';
import type { Unevaluated } from './context.ts';

export interface TfResource {
  /** Terraform's address: `module.net.aws_subnet.public[0]`. */
  address: string;
  type: string;
  name: string;
  /** The attributes (state), values (show -json) or the block's arguments with references resolved (HCL). */
  values: Cursor;
  /** HCL only: the block as written, for references the translation reads itself. */
  raw?: Cursor;
  /** The id the input gives (attributes.id); the address when it gives none (configuration, plans). */
  id: string;
  /** Where the resource stands in its file. */
  at: Cursor;
}

/** What reading one input found besides its resources. */
export interface TfRead {
  resources: TfResource[];
  /** Data sources met (they describe things managed elsewhere and are not imported). */
  dataSources: string[];
  /** A Region the input names (HCL provider block). */
  region?: string;
  /** HCL: expressions left out, by `file|path`, said when the translation reads them. */
  unevaluated?: Map<string, Unevaluated>;
}

function indexSuffix(key: unknown): string {
  if (typeof key === 'number') return `[${key}]`;
  if (typeof key === 'string') return `[${JSON.stringify(key)}]`;
  return '';
}

function idOf(values: Cursor, address: string): string {
  return values.optionalId('id') ?? address;
}

/** Terraform state v4: managed resources' instances (deposed ones left out). */
export function readState(root: Cursor): TfRead {
  const version = root.int('version');
  if (version !== undefined && version !== 4) {
    root.at('version').fail(`is ${version}; Tierwise reads Terraform state version 4 (Terraform 0.12 and later). Run \`terraform state pull\` with a current Terraform.`, 'import/terraform-version');
  }
  const out: TfRead = { resources: [], dataSources: [] };
  for (const r of root.objects('resources')) {
    const type = r.id('type');
    const name = r.id('name');
    const module = r.str('module')?.trim();
    const base = `${module ? `${module}.` : ''}${r.str('mode') === 'data' ? 'data.' : ''}${type}.${name}`;
    if (r.str('mode') === 'data') {
      out.dataSources.push(base);
      continue;
    }
    for (const instance of r.objects('instances')) {
      if (instance.has('deposed')) continue; // an old object create_before_destroy is replacing
      const address = `${base}${indexSuffix(instance.at('index_key').value)}`;
      const values = instance.obj('attributes') ?? instance.at('attributes').fail('is missing: Tierwise reads the attributes of each instance (the flat attributes_flat of old states is not read).');
      out.resources.push({ address, type, name, values, id: idOf(values, address), at: instance });
    }
  }
  return out;
}

function readModule(module: Cursor, out: TfRead): void {
  for (const r of module.objects('resources')) {
    const type = r.id('type');
    const name = r.id('name');
    const address = r.str('address')?.trim() || `${type}.${name}${indexSuffix(r.at('index').value)}`;
    if (r.str('mode') === 'data') {
      out.dataSources.push(address);
      continue;
    }
    const values = r.obj('values') ?? new Cursor({}, r.file, [...r.path, 'values']); // a plan's resource with every value unknown
    out.resources.push({ address, type, name, values, id: idOf(values, address), at: r });
  }
  for (const child of module.objects('child_modules')) readModule(child, out);
}

/** `terraform show -json`: of a state (`values`) or of a plan (`planned_values`). */
export function readShow(root: Cursor): TfRead {
  const values = root.obj('values') ?? root.obj('planned_values');
  const out: TfRead = { resources: [], dataSources: [] };
  const module = values?.obj('root_module') ?? (values ?? root).at('root_module').fail('is missing: `terraform show -json` output has values.root_module (or planned_values.root_module).');
  readModule(module, out);
  if (!root.has('planned_values')) return out;
  // A plan: what is unknown until apply is filled from the references its configuration names.
  const ids = new Map(out.resources.map((r) => [r.address.replace(/\[[^\]]*\]/g, ''), r.id]));
  const references = new PlanReferences(configurationOf(root), ids);
  out.resources = out.resources.map((r) => ({ ...r, values: references.complete(r.address, r.values) }));
  return out;
}
