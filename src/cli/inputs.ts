/**
 * From the paths on the command line to a design: files and folders are read here (a folder
 * means every input file under it: .json, .yaml, .yml, .template, .tf, .tfstate); telling the
 * kinds apart, parsing and importing are core's (importSources, as in the designer).
 */
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Design } from '../core/model/types.ts';
import type { ModelError } from '../core/model/errors.ts';
import { importSources, type ImportWarning, type InputKind } from '../core/import/index.ts';
import { CliError } from './args.ts';
import { parseHcl } from './hcl.ts';
import type { Io } from './io.ts';

/** The files a folder contributes; others (READMEs, scripts, .tfstate.backup) are left out. */
const INPUT_FILE = /\.(json|ya?ml|template|tf|tfstate)$/i;

export interface InputFile {
  /** The path as the user gave it (or under the folder they gave): messages name it. */
  name: string;
  text: string;
}

export interface LoadedDesign {
  design: Design;
  warnings: ImportWarning[];
  /** The files it came from. */
  files: string[];
  /** What the files were recognised as. */
  kind: InputKind;
}

/** Reads every file the paths name, folders recursively (only their input files), in a stable order. */
export function readInputFiles(paths: string[]): InputFile[] {
  const files: InputFile[] = [];
  for (const path of paths) {
    const stat = statOrFail(path);
    if (stat.isDirectory()) {
      const found = inputFilesUnder(path);
      if (found.length === 0) throw new CliError(`${path}: the folder holds no input files (.json, .yaml, .yml, .template, .tf, .tfstate).`);
      for (const file of found) files.push({ name: file, text: readOrFail(file) });
    } else {
      files.push({ name: path, text: readOrFail(path) });
    }
  }
  return files;
}

/** One design file, or the files of one input (describe bundle, Terraform, CloudFormation): the design they make. */
export async function designFromFiles(files: InputFile[]): Promise<LoadedDesign> {
  const imported = await importSources(files, { parseHcl });
  if (!imported.ok) throw new CliError(describeError(imported.error));
  return imported.value;
}

/** Paths on the command line to a design. */
export async function loadDesign(paths: string[]): Promise<LoadedDesign> {
  return designFromFiles(readInputFiles(paths));
}

/** A core error as one message: core's sentence, with the file and JSON path when it does not say them. */
export function describeError(error: ModelError): string {
  let message = error.message;
  if (error.file && !message.includes(error.file)) message = `${error.file}: ${message}`;
  if (error.path && error.path !== '(root)' && !message.includes(error.path)) message += ` (at ${error.path})`;
  return message;
}

function statOrFail(path: string): Stats {
  try {
    return statSync(path);
  } catch (e) {
    throw new CliError(`${path}: ${fsReason(e)}.`);
  }
}

function readOrFail(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`${path}: ${fsReason(e)}.`);
  }
}

function inputFilesUnder(folder: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder, { recursive: true, encoding: 'utf8' });
  } catch (e) {
    throw new CliError(`${folder}: ${fsReason(e)}.`);
  }
  return entries
    // Hidden folders hold tools' copies (.terraform/modules, .git), never the user's input.
    .filter((entry) => INPUT_FILE.test(entry) && !entry.split(sep).some((part) => part.startsWith('.')))
    .map((entry) => join(folder, entry))
    .filter((file) => statOrFail(file).isFile())
    .sort((a, b) => relative(folder, a).localeCompare(relative(folder, b)));
}

function fsReason(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    default:
      return `cannot be read (${code ?? (e instanceof Error ? e.message : String(e))})`;
  }
}

/** One line on stderr when the import raised warnings: answers still go to stdout untouched. */
export function warnOfImport(loaded: LoadedDesign, io: Io): void {
  const n = loaded.warnings.length;
  if (n > 0) io.err(`note: importing raised ${n} warning${n === 1 ? '' : 's'}; \`tierwise import\` lists them.\n`);
}
