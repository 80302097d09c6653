/**
 * Where the linter runs: in a web worker when the browser can start one (lint-worker.ts), else on
 * the main thread (worker-runner.ts). Findings cross as portable findings: their quick fixes are
 * functions, rebuilt here (portable-findings.ts).
 */
import { runLint, type Finding } from '../core/lint/index.ts';
import type { Design } from '../core/model/index.ts';
import { fromPortable, type PortableFinding } from './portable-findings.ts';
import { createWorkerRunner } from './worker-runner.ts';

export function createLintRunner(): (design: Design) => Promise<Finding[]> {
  return createWorkerRunner<Design, Finding[], PortableFinding[]>(
    () => new Worker(new URL('./lint-worker.ts', import.meta.url), { type: 'module', name: 'tierwise-lint' }),
    runLint,
    (findings) => findings.map(fromPortable),
  );
}
