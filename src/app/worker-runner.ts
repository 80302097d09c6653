/**
 * Runs a pure analysis in a web worker when the browser can start one, else on the main thread
 * (tests, or a worker that failed to load, whose pending jobs come back here). The linter and the
 * path analysis both take a second or more on a 1,000-resource design; in a worker that time
 * never freezes the canvas while people keep editing.
 */

/** What a worker is sent, and what it answers: see serveInWorker. */
export interface WorkerRequest<Q> {
  id: number;
  request: Q;
}
export type WorkerReply<W> = { id: number; result: W } | { id: number; error: string };

type Job<Q, R> = { request: Q; resolve: (r: R) => void; reject: (e: Error) => void };

/**
 * `spawn` starts the worker (its module must call serveInWorker); `here` computes on the main
 * thread; `decode` turns what crossed (structured clone: no functions) back into the answer.
 */
export function createWorkerRunner<Q, R, W = R>(spawn: () => Worker, here: (request: Q) => R, decode: (wire: W, request: Q) => R = (w) => w as unknown as R): (request: Q) => Promise<R> {
  let worker: Worker | null | undefined;
  let nextId = 1;
  const pending = new Map<number, Job<Q, R>>();
  const locally = (job: Job<Q, R>) => {
    try {
      job.resolve(here(job.request));
    } catch (e) {
      job.reject(e instanceof Error ? e : new Error(String(e)));
    }
  };
  const start = (): Worker | null => {
    if (worker !== undefined) return worker;
    if (typeof Worker === 'undefined') return (worker = null);
    try {
      const w = spawn();
      w.addEventListener('message', (e: MessageEvent<WorkerReply<W>>) => {
        const job = pending.get(e.data.id);
        pending.delete(e.data.id);
        if (!job) return;
        if ('error' in e.data) job.reject(new Error(e.data.error));
        else {
          try {
            job.resolve(decode(e.data.result, job.request));
          } catch (x) {
            job.reject(x instanceof Error ? x : new Error(String(x)));
          }
        }
      });
      w.addEventListener('error', (e) => {
        // A worker that cannot load (or dies): this runner computes here from now on.
        e.preventDefault();
        worker = null;
        w.terminate();
        const jobs = [...pending.values()];
        pending.clear();
        for (const job of jobs) locally(job);
      });
      return (worker = w);
    } catch {
      return (worker = null);
    }
  };
  return (request) =>
    new Promise<R>((resolve, reject) => {
      const job: Job<Q, R> = { request, resolve, reject };
      const w = start();
      if (!w) return locally(job);
      const id = nextId++;
      pending.set(id, job);
      try {
        w.postMessage({ id, request } satisfies WorkerRequest<Q>);
      } catch {
        pending.delete(id);
        locally(job);
      }
    });
}

/** The worker's side: answers each request with `compute`, or with the error it threw. */
export function serveInWorker<Q, W>(compute: (request: Q) => W): void {
  addEventListener('message', (e: MessageEvent<WorkerRequest<Q>>) => {
    const { id, request } = e.data;
    let reply: WorkerReply<W>;
    try {
      reply = { id, result: compute(request) };
    } catch (x) {
      reply = { id, error: x instanceof Error ? x.message : String(x) };
    }
    postMessage(reply);
  });
}
