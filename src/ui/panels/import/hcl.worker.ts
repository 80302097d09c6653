/**
 * HashiCorp's HCL parser in a worker: its Go runtime installs globals (a stand-in `process`, `fs`)
 * that must not leak into the page, and a large .tf file parses without freezing the canvas.
 * The WebAssembly file is fetched from the app's own origin the first time a .tf file is read.
 */
import wasmUrl from '@cdktf/hcl2json/main.wasm.gz?url';
import { createHclParser, HclSyntaxError } from '../../../core/import/terraform/hcl-parser.ts';
import type { HclReply, HclRequest } from './hcl-protocol.ts';

const parse = createHclParser(async () => {
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`the parser's WebAssembly file could not be fetched (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
});

const post = (reply: HclReply): void => (self as unknown as { postMessage(m: HclReply): void }).postMessage(reply);

self.addEventListener('message', (event: MessageEvent<HclRequest>) => {
  const { id, file, text } = event.data;
  parse(file, text).then(
    (json) => post({ id, ok: true, json }),
    (e: unknown) =>
      post(
        e instanceof HclSyntaxError
          ? { id, ok: false, syntax: { file: e.file, line: e.line, column: e.column, detail: e.detail } }
          : { id, ok: false, message: e instanceof Error ? e.message : String(e) },
      ),
  );
});
