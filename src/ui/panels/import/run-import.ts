/**
 * One import, start to finish, without touching the open design: the importer (core) reads the
 * sources, then autoLayout places whatever the input did not position. The caller opens the
 * result as a new design, or shows the error.
 */
import { autoLayout } from '../../../core/layout/index.ts';
import type { Design, ModelError, Result } from '../../../core/model/index.ts';
import type { Source } from './read-files.ts';

/** The importer's entry point as src/core/import/index.ts declares it (one importer for UI and CLI). */
interface ImporterModule {
  importSources: (sources: Source[]) => Promise<Result<{ design: Design; warnings: ImportWarningView[]; kind: string; files: unknown }, ModelError>>;
}

/**
 * Bound late through Vite's glob import, so that the designer builds and runs while the importer
 * module is being written alongside (an absent module is an empty glob, not a build error).
 * Once src/core/import/index.ts is in the tree this can become a plain static import.
 */
const importerModules = import.meta.glob<ImporterModule>('../../../core/import/index.ts');

async function importSources(sources: Source[]): ReturnType<ImporterModule['importSources']> {
  const load = Object.values(importerModules)[0];
  if (!load) return { ok: false, error: { code: 'import/unavailable', message: 'The importer is not part of this build yet; nothing was imported.' } };
  return (await load()).importSources(sources);
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

/** The names of the files the importer used, whatever shape its `files` list has. */
function fileNames(files: unknown, sources: readonly Source[]): string[] {
  if (!Array.isArray(files)) return sources.map((s) => s.name);
  return files.map((f: unknown) => (typeof f === 'string' ? f : f && typeof f === 'object' && 'name' in f ? String((f as { name: unknown }).name) : String(f)));
}

/** Reads the sources into a laid-out design; never throws (an importer bug becomes an error to show). */
export async function prepareImport(sources: Source[]): Promise<Prepare> {
  try {
    const r = await importSources(sources);
    if (!r.ok) return r;
    const { design, warnings, kind, files } = r.value;
    const laid = await autoLayout(design, { keep: true });
    return { ok: true, value: { design: laid, warnings, kind: String(kind), files: fileNames(files, sources), counts: countsOf(laid) } };
  } catch (e) {
    return { ok: false, error: { code: 'import/failed', message: `The import stopped unexpectedly: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

const KIND_LABELS: Record<string, string> = {
  design: 'Tierwise design',
  'describe-bundle': 'AWS describe bundle',
  bundle: 'AWS describe bundle',
  'terraform-state': 'Terraform state',
  'terraform-plan': 'terraform show -json',
  'terraform-show': 'terraform show -json',
  'terraform-hcl': 'Terraform configuration (HCL)',
  terraform: 'Terraform',
  cloudformation: 'CloudFormation template',
};

/** How the recognised input is named to people. */
export const kindLabel = (kind: string): string => KIND_LABELS[kind] ?? kind;
