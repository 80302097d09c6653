/**
 * HashiCorp's HCL parser for the command line: the WebAssembly file shipped in @cdktf/hcl2json,
 * read from disk (no network), driven by core's parser bridge.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createHclParser } from '../core/import/index.ts';

const require = createRequire(import.meta.url);

/** Parses one .tf file to JSON. */
export const parseHcl = createHclParser(() => readFile(require.resolve('@cdktf/hcl2json/main.wasm.gz')));
