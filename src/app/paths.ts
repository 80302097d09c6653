/**
 * Paths follow the design and the question: a store subscription, outside every action, that
 * answers the Paths panel's question a moment after the network last changed (or right after the
 * question changed). Like the findings (findings.ts), it depends on the network only: a committed
 * drag, a nudge or a rename never re-runs it, and a drag frame never touches the store at all.
 * Nothing is computed while the panel is closed.
 */
import type { Design } from '../core/model/index.ts';
import type { designStore as Store } from '../ui/store/index.ts';
import { computePaths, type PathsView } from '../ui/placement/paths/view.ts';
import type { PathQuery } from '../ui/placement/paths/query.ts';
import { probe } from '../ui/canvas/render-probe.ts';
import { networkOf } from './findings.ts';

const sameNetwork = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function startPaths(
  store: typeof Store,
  compute: (d: Design, q: PathQuery) => PathsView = computePaths,
  delayMs = 200,
  questionDelayMs = 30,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seen = networkOf(store.getState().design);
  const run = () => {
    timer = undefined;
    const s = store.getState();
    if (!s.pathsOpen || !s.pathQuery) {
      if (s.pathsView) s.setPathsView(null);
      return;
    }
    probe('paths');
    try {
      s.setPathsView(compute(s.design, s.pathQuery));
    } catch (e) {
      s.setPathsView(null);
      s.notify(`The path analysis failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
    }
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
    if (timer !== undefined) clearTimeout(timer);
    unsubscribe();
  };
}
