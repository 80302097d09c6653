/**
 * Text exports on demand: one format at a time, when the dialog asks for it, in a web worker
 * (the main thread stays free), cached per design object (designs are immutable, so the same
 * object always gives the same text). Without workers, or when the worker fails to start, the
 * export runs here after a frame, so "Generating…" is painted first.
 */
import type { Design } from '../../../core/model/index.ts';
import type { WorkerReply, WorkerRequest } from './export-worker.ts';
import { generateText, requestKey, type Generated, type TextRequest } from './formats.ts';

const cache = new WeakMap<Design, Map<string, Promise<Generated>>>();
const pending = new Map<number, { resolve: (g: Generated) => void; design: Design; request: TextRequest }>();
let worker: Worker | null | undefined;
let nextId = 1;

const afterPaint = () => new Promise<void>((resolve) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => setTimeout(resolve, 0)) : setTimeout(resolve, 0)));

async function onMainThread(design: Design, request: TextRequest): Promise<Generated> {
  await afterPaint();
  return generateText(design, request);
}

/** The shared worker, started on first use; null when this environment cannot run one. */
function exportWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    const w = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module', name: 'tierwise-export' });
    w.addEventListener('message', (e: MessageEvent<WorkerReply>) => {
      const job = pending.get(e.data.id);
      pending.delete(e.data.id);
      job?.resolve(e.data.result);
    });
    // A worker that cannot load (or dies) hands its jobs back to the main thread, and is not used again.
    w.addEventListener('error', (e) => {
      e.preventDefault();
      worker = null;
      w.terminate();
      const jobs = [...pending.values()];
      pending.clear();
      for (const job of jobs) void onMainThread(job.design, job.request).then(job.resolve);
    });
    return (worker = w);
  } catch {
    return (worker = null);
  }
}

function run(design: Design, request: TextRequest): Promise<Generated> {
  const w = exportWorker();
  if (!w) return onMainThread(design, request);
  return new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, { resolve, design, request });
    const message: WorkerRequest = { id, design, request };
    try {
      w.postMessage(message);
    } catch {
      pending.delete(id);
      void onMainThread(design, request).then(resolve);
    }
  });
}

/** The text (and notes) of one export of `design`; computed once per design and request. */
export function generate(design: Design, request: TextRequest): Promise<Generated> {
  let forDesign = cache.get(design);
  if (!forDesign) cache.set(design, (forDesign = new Map()));
  const key = requestKey(request);
  let result = forDesign.get(key);
  if (!result) forDesign.set(key, (result = run(design, request)));
  return result;
}

/** Starts the worker (in development it loads the exporters module by module), so the first export is not kept waiting. */
export function warmUp(): void {
  exportWorker();
}
