/**
 * Paths follow the design and the question: a store subscription, outside every action, that
 * answers the Paths panel's question a moment after the network last changed (or right after the
 * question changed). Like the findings (findings.ts), it depends on the network only: a committed
 * drag, a nudge or a rename never re-runs it, and a drag frame never touches the store at all.
 * Nothing is computed while the panel is closed. In the browser the analysis runs in a web worker
 * (paths-worker.ts): one question at a time, and an answer to a question or a network that has
 * changed since is dropped (the change has asked for its own).
 */
import type { Design } from '../core/model/index.ts';
import type { designStore as Store } from '../ui/store/index.ts';
import { computePaths, type PathsView } from '../ui/placement/paths/view.ts';
import type { PathQuery } from '../ui/placement/paths/query.ts';
import { probe } from '../ui/canvas/render-probe.ts';
import { networkOf, sameNetwork } from './findings.ts';
import { createWorkerRunner } from './worker-runner.ts';
import { oneAtATime } from './one-at-a-time.ts';
import type { PathsRequest } from './paths-worker.ts';

/** A path analysis: synchronous (tests, no worker) or answered later (the worker). */
export type ComputePaths = (d: Design, q: PathQuery) => PathsView | Promise<PathsView>;

const defaultCompute = (): ComputePaths => {
  if (typeof Worker === 'undefined') return computePaths;
  const run = createWorkerRunner<PathsRequest, PathsView>(
    () => new Worker(new URL('./paths-worker.ts', import.meta.url), { type: 'module', name: 'tierwise-paths' }),
    ({ design, query }) => computePaths(design, query),
    // The view crossed as a copy: it carries the very query asked, which the panel matches by identity.
    (view, { query }) => ({ ...view, query }),
  );
  return (design, query) => run({ design, query });
};

export function startPaths(
  store: typeof Store,
  compute: ComputePaths = defaultCompute(),
  delayMs = 200,
  questionDelayMs = 30,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seen = networkOf(store.getState().design);
  const runs = oneAtATime<PathsView>(() => {
    const s = store.getState();
    if (!s.pathsOpen || !s.pathQuery) {
      if (s.pathsView) s.setPathsView(null);
      return undefined;
    }
    const { design, pathQuery: query } = s;
    const asked = networkOf(design);
    probe('paths');
    return {
      compute: () => compute(design, query),
      current: () => {
        const now = store.getState();
        return now.pathsOpen && now.pathQuery === query && sameNetwork(asked, networkOf(now.design));
      },
      done: (view) => store.getState().setPathsView(view),
      fail: (e) => {
        store.getState().setPathsView(null);
        store.getState().notify(`The path analysis failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
      },
    };
  });
  const run = () => {
    timer = undefined;
    runs.request();
  };
  const schedule = (ms: number) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.pathQuery !== previous.pathQuery || state.pathsOpen !== previous.pathsOpen) {
      // Closing clears the canvas at once; a new question is answered almost at once.
      if (!state.pathsOpen || !state.pathQuery) {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        if (state.pathsView) state.setPathsView(null);
      } else schedule(questionDelayMs);
      seen = networkOf(state.design);
      return;
    }
    if (state.design === previous.design) return;
    const network = networkOf(state.design);
    if (sameNetwork(network, seen)) return;
    seen = network;
    if (state.pathsOpen && state.pathQuery) schedule(delayMs);
  });
  schedule(questionDelayMs);
  return () => {
    runs.stop();
    if (timer !== undefined) clearTimeout(timer);
    unsubscribe();
  };
}
