/**
 * What both benches share: timing, a child process per measurement with a time limit (so a slow
 * engine shows up as "> limit" in a table instead of a bench that never ends), and table text.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function timeMs(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface Outcome<R> {
  /** Everything the child reported before it ended (partial when it was killed). */
  results: R;
  timedOut: boolean;
  ms: number;
}

/**
 * Runs the bench script `scriptUrl` again in a child process with `arg`, merging the objects the
 * child sends with process.send; kills it at `limitMs` and keeps what it reported so far.
 */
export function inChild<R extends { error?: string }>(scriptUrl: string, arg: string, limitMs: number): Promise<Outcome<R>> {
  const started = performance.now();
  return new Promise((resolve) => {
    const results = {} as R;
    const child = fork(fileURLToPath(scriptUrl), [arg], { execArgv: process.execArgv, stdio: 'inherit' });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('message', (m: Partial<R>) => Object.assign(results, m));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!timedOut && code !== 0 && !results.error) results.error = `child exited with ${code}`;
      resolve({ results, timedOut, ms: performance.now() - started });
    });
  });
}

/** Milliseconds with about three significant figures. */
export function ms(x: number): string {
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  if (x >= 1) return x.toFixed(2);
  return x.toPrecision(2);
}

/** A Markdown table, so the output pastes into the README as it is. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
