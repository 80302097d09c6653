/**
 * The HclParser the designer gives the importer: parsing happens in a worker (hcl.worker.ts),
 * started on the first .tf file, so the app's first load carries none of it.
 */
import { HclSyntaxError, type HclParser } from '../../../core/import/terraform/hcl-parser.ts';
import type { HclReply, HclRequest } from './hcl-protocol.ts';

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (json: unknown) => void; reject: (e: Error) => void }>();

function start(): Worker {
  const w = new Worker(new URL('./hcl.worker.ts', import.meta.url), { type: 'module', name: 'hcl-parser' });
  w.addEventListener('message', (event: MessageEvent<HclReply>) => {
    const reply = event.data;
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    if (reply.ok) pending.resolve(reply.json);
    else if ('syntax' in reply) pending.reject(new HclSyntaxError(reply.syntax.file, reply.syntax.line, reply.syntax.column, reply.syntax.detail));
    else pending.reject(new Error(reply.message));
  });
  w.addEventListener('error', (event) => {
    // The worker itself failed (its script or the WebAssembly did not load): fail what waits, start afresh next time.
    for (const p of waiting.values()) p.reject(new Error(event.message || 'the parser worker stopped'));
    waiting.clear();
    w.terminate();
    worker = undefined;
  });
  return w;
}

/** Parses one .tf file in the worker. */
export const parseHclInBrowser: HclParser = (file, text) =>
  new Promise((resolve, reject) => {
    worker ??= start();
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, file, text } satisfies HclRequest);
  });
