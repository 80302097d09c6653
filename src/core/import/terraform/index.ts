/**
 * Importing Terraform: state v4, `terraform show -json` (of a state or a plan), or configuration
 * (.tf through HashiCorp's parser, .tf.json as it is). The resources are translated into the
 * describe bundle AWS would print for them, which importDescribeBundle normalises and validates;
 * whatever it reports is said again about the Terraform file and path it came from.
 */
import { ENTITY_COLLECTIONS, type Design } from '../../model/types.ts';
import type { ModelError } from '../../model/errors.ts';
import { modelError } from '../../model/errors.ts';
import type { Result } from '../../model/result.ts';
import { err, ok } from '../../model/result.ts';
import { importDescribeBundle, type BundleInput, type ImportedBundle } from '../aws/bundle.ts';
import { Cursor, ImportFailure } from '../aws/cursor.ts';
import { DEFAULT_MAX_CHARS, parseInput } from '../aws/parse.ts';
import { recogniseJson } from '../aws/recognise.ts';
import { Retracer } from '../translate/retrace.ts';
import { readHcl, type HclFile } from './hcl.ts';
import { HclSyntaxError, type HclParser } from './hcl-parser.ts';
import { readShow, readState, type TfRead } from './resources.ts';
import { READ_TYPES, translateTerraform } from './translate.ts';

export { createHclParser, HclSyntaxError, type HclParser } from './hcl-parser.ts';

export type TerraformKind = 'terraform-state' | 'terraform-plan' | 'terraform-hcl';

export interface TerraformOptions {
  /** Parses .tf text; without one, .tf files are refused with a message saying where they can be read. */
  parseHcl?: HclParser;
  /** Largest text accepted per file, in characters. */
  maxChars?: number;
}

export interface ImportedTerraform extends ImportedBundle {
  kind: TerraformKind;
}

const LABELS: Record<TerraformKind, string> = {
  'terraform-state': 'Terraform state',
  'terraform-plan': '`terraform show -json` output',
  'terraform-hcl': 'Terraform configuration',
};

/** Terraform's JSON configuration syntax (.tf.json): top-level `resource` (or variable, locals…) blocks as objects. */
export function isTerraformJsonConfig(json: unknown): boolean {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return false;
  const o = json as Record<string, unknown>;
  const resource = o.resource;
  return Object.hasOwn(o, 'resource') && resource !== null && typeof resource === 'object' && !Array.isArray(resource);
}

/** The kind of one Terraform source, or undefined when it is not Terraform. */
function kindOf(parsed: unknown): TerraformKind | undefined {
  const k = recogniseJson(parsed).kind;
  if (k === 'terraform-state' || k === 'terraform-plan') return k;
  return isTerraformJsonConfig(parsed) ? 'terraform-hcl' : undefined;
}

const looksLikeJson = (text: string): boolean => /^\uFEFF?\s*[[{]/.test(text);

const HCL_REFUSAL = (file: string) =>
  `${file} is Terraform configuration (HCL), which this build cannot parse: HashiCorp's parser did not load here. Import it on the command line: npm run cli -- import ${file} -o design.json (or import the state: terraform show -json > state.json).`;

async function parseSource(source: BundleInput, options: TerraformOptions): Promise<{ name: string; json: unknown; kind: TerraformKind }> {
  if ('json' in source) {
    const kind = kindOf(source.json);
    if (!kind) throw new ImportFailure(modelError('import/unrecognised', `${source.name}: not Terraform state, \`terraform show -json\` output or configuration.`, { file: source.name, path: '(root)' }));
    return { name: source.name, json: source.json, kind };
  }
  if (looksLikeJson(source.text)) {
    const root = parseInput(source, options.maxChars);
    const kind = kindOf(root.value);
    if (!kind) return root.fail('is not Terraform state, `terraform show -json` output or .tf.json configuration.', 'import/unrecognised');
    return { name: source.name, json: root.value, kind };
  }
  const max = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (source.text.length > max) {
    throw new ImportFailure(modelError('import/too-large', `${source.name}: ${source.text.length} characters is more than the ${max} one file may hold.`, { file: source.name, path: '(root)' }));
  }
  if (!options.parseHcl) throw new ImportFailure(modelError('import/hcl-unavailable', HCL_REFUSAL(source.name), { file: source.name }));
  try {
    return { name: source.name, json: await options.parseHcl(source.name, source.text), kind: 'terraform-hcl' };
  } catch (e) {
    if (e instanceof HclSyntaxError) {
      const path = e.line !== undefined ? `line ${e.line}, column ${e.column}` : '(root)';
      throw new ImportFailure(modelError('import/hcl-syntax', e.message, { file: source.name, path }));
    }
    const reason = e instanceof Error ? e.message : String(e);
    throw new ImportFailure(modelError('import/hcl-unavailable', `${HCL_REFUSAL(source.name)} (${reason})`, { file: source.name }));
  }
}

/** Load balancers of configuration carry their address where AWS would give an ARN: not an ARN to keep. */
function dropMadeUpArns(design: Design): Design {
  for (const r of Object.values(design.resources)) if (r.kind === 'load-balancer' && r.arn && !r.arn.startsWith('arn:')) delete r.arn;
  return design;
}

/**
 * Configuration's entities without a Name tag are named by their address (`aws_subnet.public`);
 * the resource's own name ("public") reads better on a card, and the address stays its id.
 */
function shortNames(design: Design): Design {
  for (const collection of ENTITY_COLLECTIONS) {
    for (const entity of Object.values(design[collection]) as Array<{ id: string; name: string }>) {
      const m = /^[a-z][a-z0-9_]*\.([\w-]+)$/.exec(entity.id);
      if (m && entity.name === entity.id) entity.name = m[1]!;
    }
  }
  return design;
}

function designName(names: string[]): string {
  const stems = names.map((n) => n.split(/[\\/]/).at(-1)!.replace(/\.(tfstate(\.backup)?|tf\.json|tf|json)$/i, ''));
  return `Terraform ${stems.slice(0, 3).join(', ')}${stems.length > 3 ? ', …' : ''}`;
}

/** Imports Terraform sources of one kind into a validated design, with the warnings met on the way. */
export async function importTerraform(sources: BundleInput[], options: TerraformOptions = {}): Promise<Result<ImportedTerraform, ModelError>> {
  try {
    if (!Array.isArray(sources) || sources.length === 0) return err(modelError('import/empty', 'Nothing to import: give at least one Terraform file.'));
    const parsed = [];
    for (const s of sources) parsed.push(await parseSource(s, options));
    const kinds = [...new Set(parsed.map((p) => p.kind))];
    if (kinds.length > 1) {
      const list = parsed.map((p) => `${p.name} is ${LABELS[p.kind]}`).join(', ');
      const why = kinds.includes('terraform-hcl')
        ? 'Configuration names resources by address, state by their AWS ids; import one or the other.'
        : 'State and `terraform show -json` output describe the same resources; import one of them.';
      return err(modelError('import/mixed-kinds', `These files cannot be imported together: ${list}. ${why}`));
    }
    const kind = kinds[0]!;
    let read: TfRead;
    const warnings: Array<{ code: string; message: string; at?: Cursor }> = [];
    if (kind === 'terraform-hcl') {
      const files: HclFile[] = parsed.map((p) => ({ name: p.name, json: p.json }));
      read = readHcl(files, (code, message, at) => warnings.push({ code, message, ...(at ? { at } : {}) }));
    } else {
      read = { resources: [], dataSources: [] };
      for (const p of parsed) {
        const root = new Cursor(p.json, p.name);
        const one = kind === 'terraform-state' ? readState(root) : readShow(root);
        read.resources.push(...one.resources);
        read.dataSources.push(...one.dataSources);
      }
    }
    const translated = translateTerraform(read);
    const tr = translated.translation;
    for (const w of warnings) tr.warn(w.code, w.message, w.at);
    if (translated.writers.length === 0) {
      const found = [...translated.unknownTypes].map(([t, n]) => `${t}${n > 1 ? ` ×${n}` : ''}`);
      const names = parsed.map((p) => p.name).join(', ');
      return err(
        modelError(
          'import/terraform-empty',
          `${names}: no resource Tierwise reads (${[...READ_TYPES].filter((t) => /vpc$|subnet$|security_group$|instance$|^aws_lb$/.test(t)).join(', ')}, …)${found.length ? `; found ${found.slice(0, 8).join(', ')}${found.length > 8 ? ', …' : ''}` : read.resources.length === 0 ? '; it holds no resources' : ''}.`,
          { file: parsed[0]!.name },
        ),
      );
    }
    const retracer = new Retracer(translated.writers, {
      input: 'the Terraform input',
      phrases: [[/is in no subnet \(EC2-Classic or not running\)/g, 'names no subnet_id (so it is in a default subnet the Terraform input does not hold)']],
    });
    const bundle = translated.writers.map((w) => ({ name: w.name, json: w.json() }));
    const imported = importDescribeBundle(bundle, { designName: designName(parsed.map((p) => p.name)) });
    if (!imported.ok) return err(retracer.error(imported.error));
    return ok({
      design: kind === 'terraform-hcl' ? shortNames(dropMadeUpArns(imported.value.design)) : imported.value.design,
      warnings: [...tr.warnings.all(), ...imported.value.warnings.map((w) => retracer.warning(w))],
      kind,
    });
  } catch (e) {
    if (e instanceof ImportFailure) return err(e.error);
    const reason = e instanceof Error ? e.message : String(e);
    return err(modelError('import/internal', `The Terraform import failed unexpectedly: ${reason}`));
  }
}
