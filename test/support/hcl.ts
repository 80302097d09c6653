/** HashiCorp's HCL parser for tests in Node: the WebAssembly shipped in @cdktf/hcl2json, read from disk. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createHclParser } from '../../src/core/import/terraform/hcl-parser.ts';

const require = createRequire(import.meta.url);

export const parseHcl = createHclParser(() => readFile(require.resolve('@cdktf/hcl2json/main.wasm.gz')));
