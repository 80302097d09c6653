/**
 * One import, start to finish, without touching the open design: the importer (core) reads the
 * sources, then autoLayout places whatever the input did not position. The caller opens the
 * result as a new design, or shows the error.
 */
import { autoLayout } from '../../../core/layout/index.ts';
import type { Design, ModelError, Result } from '../../../core/model/index.ts';
import type { Source } from './read-files.ts';

/**
 * The importer (core) and HashiCorp's HCL parser load on the first import, not with the app: most
 * sessions never import, and the parser's WebAssembly is a few megabytes.
 */
const loadImporter = () => import('../../../core/import/index.ts');

/** Starts loading the importer (the dialog calls it when it opens); failures are left to the import itself. */
export function preloadImporter(): void {
  loadImporter().catch(() => {});
}

async function importSources(sources: Source[]) {
  const { importSources: run } = await loadImporter();
  return run(sources, { parseHcl: (file, text) => import('./hcl-browser.ts').then((m) => m.parseHclInBrowser(file, text)) });
}

export interface ImportWarningView {
  code: string;
  message: string;
  file?: string;
  path?: string;
}

export interface Prepared {
  design: Design;
  warnings: ImportWarningView[];
  kind: string;
  files: string[];
  counts: { vpcs: number; subnets: number; groups: number; resources: number };
}

export type Prepare = { ok: true; value: Prepared } | { ok: false; error: ModelError };

export function countsOf(d: Design): Prepared['counts'] {
  return {
    vpcs: Object.keys(d.vpcs).length,
    subnets: Object.keys(d.subnets).length,
    groups: Object.keys(d.securityGroups).length,
    resources: Object.keys(d.resources).length,
  };
}

/** Reads the sources into a laid-out design; never throws (an importer bug becomes an error to show). */
export async function prepareImport(sources: Source[]): Promise<Prepare> {
  try {
    const r = await importSources(sources);
    if (!r.ok) return r;
    const { design, warnings, kind, files } = r.value;
    const laid = await autoLayout(design, { keep: true });
    return { ok: true, value: { design: laid, warnings, kind, files, counts: countsOf(laid) } };
  } catch (e) {
    return { ok: false, error: { code: 'import/failed', message: `The import stopped unexpectedly: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

const KIND_LABELS: Record<string, string> = {
  design: 'Tierwise design',
  'describe-bundle': 'AWS describe bundle',
  'terraform-state': 'Terraform state',
  'terraform-plan': 'terraform show -json',
  'terraform-hcl': 'Terraform configuration (HCL)',
  cloudformation: 'CloudFormation template',
};

/** How the recognised input is named to people. */
export const kindLabel = (kind: string): string => KIND_LABELS[kind] ?? kind;
