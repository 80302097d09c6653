/**
 * Findings follow the design: a store subscription, outside every action, that runs the linter a
 * moment after the network last changed. Analysis depends on the network only, so a change to the
 * layout alone (a drag committed on drop, a nudge) or to the design's name never re-runs it; and a
 * drag frame never touches the store at all. In the browser the linter runs in a web worker
 * (lint-runner.ts), so a large design's second of checks never freezes the canvas.
 */
import { runLint, type Finding } from '../core/lint/index.ts';
import { ENTITY_COLLECTIONS, type Design } from '../core/model/index.ts';
import type { designStore as Store } from '../ui/store/index.ts';
import { probe } from '../ui/canvas/render-probe.ts';
import { createLintRunner } from './lint-runner.ts';
import { oneAtATime } from './one-at-a-time.ts';

/** The network of a design: its entity collections by reference, without the layout. */
export const networkOf = (d: Design): readonly unknown[] => ENTITY_COLLECTIONS.map((k) => d[k]);
export const sameNetwork = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Lints in a web worker where the browser has one, else here. */
const defaultLint = (): Lint => (typeof Worker === 'undefined' ? runLint : createLintRunner());

/** A linter: synchronous (tests, no worker) or answered later (the worker). */
export type Lint = (d: Design) => Finding[] | Promise<Finding[]>;

export function startFindings(store: typeof Store, lint: Lint = defaultLint(), delayMs = 200): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seen = networkOf(store.getState().design);
  const runs = oneAtATime<Finding[]>(() => {
    const design = store.getState().design;
    const linted = networkOf(design);
    probe('lint');
    return {
      compute: () => lint(design),
      // Findings of a network that has changed since are dropped: the change has asked for its own run.
      current: () => sameNetwork(linted, networkOf(store.getState().design)),
      done: (findings) => store.getState().setFindings(findings),
      fail: (e) => {
        store.getState().setFindings([]);
        store.getState().notify(`The design checks failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
      },
    };
  });
  const run = () => {
    timer = undefined;
    runs.request();
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    // Opening a design clears the findings (design-slice.ts): it gets its own run even when its
    // network is the one checked last.
    const cleared = !state.findingsReady && previous.findingsReady;
    if (!cleared && state.design === previous.design) return;
    const network = networkOf(state.design);
    if (!cleared && sameNetwork(network, seen)) return;
    seen = network;
    schedule();
  });
  schedule();
  return () => {
    runs.stop();
    if (timer !== undefined) clearTimeout(timer);
    unsubscribe();
  };
}
