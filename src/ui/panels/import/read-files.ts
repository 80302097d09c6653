/**
 * Files picked or dropped, turned into the `{ name, text }` sources the importer reads. Sizes are
 * checked before anything is read (limits.ts); a folder's files keep their path inside it as name,
 * and files in a folder that cannot be an input (images, READMEs) are left out and counted.
 */
import { MAX_FILE_BYTES, MAX_TOTAL_BYTES, formatBytes } from './limits.ts';

export interface Source {
  name: string;
  text: string;
}

/** What the importer can read: JSON, YAML (CloudFormation), Terraform HCL and state. */
const INPUT_NAME = /\.(json|ya?ml|template|tf|tfstate|tfstate\.backup)$/i;

/** Also covers files from a dropped or picked folder (webkitRelativePath, or the path we built). */
export interface PickedFile {
  file: File;
  /** Path inside the picked or dropped folder, when it came from one. */
  path?: string;
}

export type ReadOutcome = { ok: true; sources: Source[]; skipped: string[] } | { ok: false; message: string; file?: string };

const nameOf = (p: PickedFile) => p.path || p.file.webkitRelativePath || p.file.name;

/** Reads the files as text, refusing (before reading) any over the size caps. */
export async function readPicked(picked: readonly PickedFile[]): Promise<ReadOutcome> {
  const fromFolder = (p: PickedFile) => nameOf(p).includes('/');
  const skipped = picked.filter((p) => fromFolder(p) && !INPUT_NAME.test(p.file.name)).map(nameOf);
  const wanted = picked.filter((p) => !(fromFolder(p) && !INPUT_NAME.test(p.file.name)));
  if (wanted.length === 0) {
    if (picked.length === 0) return { ok: false, message: 'No files were given.' };
    const what = picked.length === 1 ? `${nameOf(picked[0]!)} is not` : `None of the ${picked.length} files is`;
    return { ok: false, message: `${what} an input Tierwise reads (.json, .yaml, .yml, .tf, .tfstate).` };
  }
  for (const p of wanted) {
    if (p.file.size > MAX_FILE_BYTES) {
      return {
        ok: false,
        file: nameOf(p),
        message: `${nameOf(p)} is ${formatBytes(p.file.size)}; the designer imports files up to ${formatBytes(MAX_FILE_BYTES)}. Import a smaller part of the account (one Region or VPC), or use the command line: npm run cli -- import ${nameOf(p)} -o design.json.`,
      };
    }
  }
  const total = wanted.reduce((n, p) => n + p.file.size, 0);
  if (total > MAX_TOTAL_BYTES) {
    return { ok: false, message: `These ${wanted.length} files come to ${formatBytes(total)}; the designer imports up to ${formatBytes(MAX_TOTAL_BYTES)} at once. Import fewer files, or use the command line.` };
  }
  const sources: Source[] = [];
  for (const p of [...wanted].sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0))) {
    try {
      sources.push({ name: nameOf(p), text: await p.file.text() });
    } catch (e) {
      return { ok: false, file: nameOf(p), message: `${nameOf(p)} could not be read: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return { ok: true, sources, skipped };
}
