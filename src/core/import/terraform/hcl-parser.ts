/**
 * HashiCorp's HCL parser (Go, compiled to WebAssembly, shipped in @cdktf/hcl2json) driven
 * without the package's Node-only loader, so the same code runs in Node and in a browser worker.
 * Where the WebAssembly bytes come from is the caller's: a file in Node, a URL in the browser.
 */

/** Parses one .tf file to JSON; rejects with HclSyntaxError when the text is not HCL. */
export type HclParser = (file: string, text: string) => Promise<unknown>;

/** The first problem HashiCorp's parser reports, with its place. */
export class HclSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly detail: string,
  ) {
    super(`${file}: not valid Terraform configuration${line !== undefined ? ` at line ${line}, column ${column}` : ''}: ${detail}`);
  }
}

// The few globals the Go runtime needs; typed here because core compiles without DOM or Node types.
interface GoRuntime {
  importObject: unknown;
  run(instance: unknown): Promise<void>;
}
interface WasmApi {
  instantiate(bytes: ArrayBuffer | Uint8Array, imports: unknown): Promise<{ instance: unknown }>;
}
interface Streams {
  Response: new (body: unknown) => { body: { pipeThrough(t: unknown): unknown }; arrayBuffer(): Promise<ArrayBuffer> };
  DecompressionStream: new (format: 'gzip') => unknown;
}
type Bridge = Record<string, (...args: unknown[]) => void>;
const world = globalThis as unknown as { Go?: new () => GoRuntime; WebAssembly: WasmApi; global?: unknown; __parse_terraform_config_wasm__?: Bridge } & Streams;

/** The package ships main.wasm gzipped; servers may or may not have undone that. */
async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new world.Response(bytes).body.pipeThrough(new world.DecompressionStream('gzip'));
  return new Uint8Array(await new world.Response(stream).arrayBuffer());
}

async function start(load: () => Promise<Uint8Array | ArrayBuffer>): Promise<Bridge> {
  await import('@cdktf/hcl2json/wasm/wasm_exec.js'); // defines globalThis.Go
  if (!world.Go) throw new Error('the Go WebAssembly runtime did not load');
  const raw = await load();
  const bytes = await gunzipIfNeeded(raw instanceof Uint8Array ? raw : new Uint8Array(raw));
  const go = new world.Go();
  const { instance } = await world.WebAssembly.instantiate(bytes, go.importObject);
  const bridge: Bridge = {};
  // The Go program finds its bridge under Node's `global`, which a browser worker does not have.
  world.global ??= globalThis;
  world.__parse_terraform_config_wasm__ = bridge;
  // The Go program registers its functions on `bridge`, then waits for calls (run settles only if it stops).
  let stopped: unknown;
  go.run(instance).then(
    () => (stopped ??= new Error('the parser stopped')),
    (e: unknown) => (stopped = e),
  );
  await Promise.resolve();
  if (typeof bridge.parse !== 'function') {
    const why = stopped instanceof Error ? `: ${stopped.message}` : stopped !== undefined ? `: ${String(stopped)}` : '';
    throw new Error(`the HCL parser did not start${why}`);
  }
  return bridge;
}

/** "parse config: [main.tf:3,44-4,1: Summary; Detail. …]" into file, line, column and text. */
export function syntaxError(file: string, message: string): HclSyntaxError {
  const m = /([^\s[]+):(\d+),(\d+)(?:-(?:\d+,)?\d+)?: ([\s\S]*?)(?=\s+[^\s[]+:\d+,\d+(?:-(?:\d+,)?\d+)?: |\]?$)/.exec(message);
  if (!m) return new HclSyntaxError(file, undefined, undefined, message.replace(/^parse config: \[?|\]$/g, ''));
  const text = m[4]!.replace(/\]$/, '').trim().replace(/; /, ': ');
  return new HclSyntaxError(file, Number(m[2]), Number(m[3]), text);
}

/** An HclParser on the WebAssembly bytes `load` gives (gzipped or not); started on first use, then shared. */
export function createHclParser(load: () => Promise<Uint8Array | ArrayBuffer>): HclParser {
  let bridge: Promise<Bridge> | undefined;
  return async (file, text) => {
    bridge ??= start(load).catch((e: unknown) => {
      bridge = undefined; // a failed start (no network, say) may succeed when tried again
      throw e;
    });
    const b = await bridge;
    const json = await new Promise<string>((resolve, reject) => {
      b.parse!(file, text, (error: unknown, result: unknown) => (error ? reject(syntaxError(file, String(error))) : resolve(String(result))));
    });
    return JSON.parse(json) as unknown;
  };
}
