/**
 * The files of a drop, folders included: a dropped folder arrives as a directory entry, which is
 * walked (its files keep their path inside it, as a picked folder's do).
 */
import type { DragEvent as ReactDragEvent } from 'react';
import type { PickedFile } from './read-files.ts';

/** A walk stops here: an account's bundle is tens of files, not thousands. */
const MAX_FILES = 2000;

/** Whether a drag carries files from the desktop (not a palette item). */
export const draggingFiles = (e: DragEvent | ReactDragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes('Files');

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry: FileSystemEntry, path: string, out: PickedFile[]): Promise<void> {
  if (out.length >= MAX_FILES) return;
  if (entry.isFile) {
    out.push({ file: await fileOf(entry as FileSystemFileEntry), path });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns a batch at a time (100 in Chromium) until an empty one.
  for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) {
    for (const child of [...batch].sort((a, b) => (a.name < b.name ? -1 : 1))) await walk(child, `${path}/${child.name}`, out);
  }
}

/** Every file of a drop; directories are walked. */
export async function filesOfDrop(data: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(data.items ?? [])
    .filter((i) => i.kind === 'file')
    .map((i) => i.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => Boolean(e));
  // Read the plain list now: DataTransfer is emptied once the drop event returns.
  const plain = Array.from(data.files).map((file) => ({ file }));
  if (entries.length === 0 || !entries.some((e) => e.isDirectory)) return plain;
  const out: PickedFile[] = [];
  for (const e of entries) await walk(e, e.name, out);
  return out;
}
