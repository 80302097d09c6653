/**
 * One analysis run at a time, for the findings and the paths: a run asked for while one is in
 * flight (the worker is busy) becomes one more run when it settles, not a queue of runs; and an
 * answer is applied only while it is still current (nothing it was asked about has changed).
 */

/** One run: what to compute, and what to do with the answer while it is still current. */
export interface Run<T> {
  compute: () => T | Promise<T>;
  current: () => boolean;
  done: (answer: T) => void;
  fail: (error: unknown) => void;
}

/** `start` prepares a run (undefined: nothing to do now). */
export function oneAtATime<T>(start: () => Run<T> | undefined): { request: () => void; stop: () => void } {
  let busy = false;
  let again = false;
  let stopped = false;
  const request = () => {
    if (busy) return void (again = true);
    const run = start();
    if (!run) return;
    const settle = () => {
      busy = false;
      if (again && !stopped) {
        again = false;
        request();
      }
    };
    const done = (answer: T) => {
      if (!stopped && run.current()) run.done(answer);
      settle();
    };
    const fail = (e: unknown) => {
      if (!stopped && run.current()) run.fail(e);
      settle();
    };
    busy = true;
    try {
      const out = run.compute();
      if (out instanceof Promise) out.then(done, fail);
      else done(out);
    } catch (e) {
      fail(e);
    }
  };
  return { request, stop: () => void (stopped = true) };
}
