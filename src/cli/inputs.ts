/**
 * From the paths on the command line to a design: files and folders are read here (a folder
 * means every .json file under it); telling a design file from a describe bundle, parsing and
 * importing are core's.
 */
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { readDesign } from '../core/model/schema.ts';
import type { Design } from '../core/model/types.ts';
import type { ModelError } from '../core/model/errors.ts';
import { importDescribeBundle, recogniseText, type ImportWarning } from '../core/import/aws/index.ts';
import { CliError } from './args.ts';
import type { Io } from './io.ts';

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
}

/** Reads every file the paths name, folders recursively (only their .json files), in a stable order. */
export function readInputFiles(paths: string[]): InputFile[] {
  const files: InputFile[] = [];
  for (const path of paths) {
    const stat = statOrFail(path);
    if (stat.isDirectory()) {
      const found = jsonFilesUnder(path);
      if (found.length === 0) throw new CliError(`${path}: the folder holds no .json files.`);
      for (const file of found) files.push({ name: file, text: readOrFail(file) });
    } else {
      files.push({ name: path, text: readOrFail(path) });
    }
  }
  return files;
}

/** One design file, or any number of describe-bundle files: the design they make. */
export function designFromFiles(files: InputFile[]): LoadedDesign {
  const designs = files.filter((f) => recogniseText(f.text).kind === 'design');
  if (designs.length > 0) {
    if (files.length > 1) {
      const others = files.filter((f) => !designs.includes(f)).map((f) => f.name);
      const what = designs.length > 1 ? `${designs.map((f) => f.name).join(', ')} are design files` : `${designs[0]!.name} is a design file`;
      const rest = others.length > 0 ? ` and ${others.join(', ')} ${others.length > 1 ? 'are' : 'is'} not` : '';
      throw new CliError(`${what}${rest}: give one design file, or the files of one describe bundle.`);
    }
    const file = designs[0]!;
    const read = readDesign(JSON.parse(stripBom(file.text)) as unknown, file.name);
    if (!read.ok) throw new CliError(describeError(read.error));
    return { design: read.value, warnings: [], files: [file.name] };
  }
  const imported = importDescribeBundle(files);
  if (!imported.ok) throw new CliError(describeError(imported.error));
  return { ...imported.value, files: files.map((f) => f.name) };
}

/** Paths on the command line to a design. */
export function loadDesign(paths: string[]): LoadedDesign {
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

function jsonFilesUnder(folder: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder, { recursive: true, encoding: 'utf8' });
  } catch (e) {
    throw new CliError(`${folder}: ${fsReason(e)}.`);
  }
  return entries
    .filter((entry) => entry.toLowerCase().endsWith('.json'))
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

function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** One line on stderr when the import raised warnings: answers still go to stdout untouched. */
export function warnOfImport(loaded: LoadedDesign, io: Io): void {
  const n = loaded.warnings.length;
  if (n > 0) io.err(`note: importing raised ${n} warning${n === 1 ? '' : 's'}; \`tierwise import\` lists them.\n`);
}
