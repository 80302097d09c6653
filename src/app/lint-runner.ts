/**
 * Where the linter runs: in a web worker when the browser can start one (lint-worker.ts), else on
 * the main thread (tests, or a worker that failed to load, whose pending runs come back here).
 */
import { runLint, type Finding } from '../core/lint/index.ts';
import type { Design } from '../core/model/index.ts';
import type { LintReply, LintRequest } from './lint-worker.ts';
import { fromPortable } from './portable-findings.ts';

type Job = { design: Design; resolve: (f: Finding[]) => void; reject: (e: Error) => void };

export function createLintRunner(): (design: Design) => Promise<Finding[]> {
  let worker: Worker | null | undefined;
  let nextId = 1;
  const pending = new Map<number, Job>();
  const here = (job: Job) => {
    try {
      job.resolve(runLint(job.design));
    } catch (e) {
      job.reject(e instanceof Error ? e : new Error(String(e)));
    }
  };
  const start = (): Worker | null => {
    if (worker !== undefined) return worker;
    if (typeof Worker === 'undefined') return (worker = null);
    try {
      const w = new Worker(new URL('./lint-worker.ts', import.meta.url), { type: 'module', name: 'tierwise-lint' });
      w.addEventListener('message', (e: MessageEvent<LintReply>) => {
        const job = pending.get(e.data.id);
        pending.delete(e.data.id);
        if (!job) return;
        if ('error' in e.data) job.reject(new Error(e.data.error));
        else job.resolve(e.data.findings.map(fromPortable));
      });
      w.addEventListener('error', (e) => {
        e.preventDefault();
        worker = null;
        w.terminate();
        const jobs = [...pending.values()];
        pending.clear();
        for (const job of jobs) here(job);
      });
      return (worker = w);
    } catch {
      return (worker = null);
    }
  };
  return (design) =>
    new Promise<Finding[]>((resolve, reject) => {
      const job: Job = { design, resolve, reject };
      const w = start();
      if (!w) return here(job);
      const id = nextId++;
      pending.set(id, job);
      try {
        w.postMessage({ id, design } satisfies LintRequest);
      } catch {
        pending.delete(id);
        here(job);
      }
    });
}
