/**
 * Findings follow the design: a store subscription, outside every action, that runs the linter a
 * moment after the network last changed. Analysis depends on the network only, so a change to the
 * layout alone (a drag committed on drop, a nudge) or to the design's name never re-runs it; and a
 * drag frame never touches the store at all.
 */
import { runLint, type Finding } from '../core/lint/index.ts';
import { ENTITY_COLLECTIONS, type Design } from '../core/model/index.ts';
import type { designStore as Store } from '../ui/store/index.ts';
import { probe } from '../ui/canvas/render-probe.ts';

/** The network of a design: its entity collections by reference, without the layout. */
export const networkOf = (d: Design): readonly unknown[] => ENTITY_COLLECTIONS.map((k) => d[k]);
const sameNetwork = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function startFindings(store: typeof Store, lint: (d: Design) => Finding[] = runLint, delayMs = 200): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seen = networkOf(store.getState().design);
  const run = () => {
    timer = undefined;
    const s = store.getState();
    probe('lint');
    try {
      s.setFindings(lint(s.design));
    } catch (e) {
      s.setFindings([]);
      s.notify(`The design checks failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
    }
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.design === previous.design) return;
    const network = networkOf(state.design);
    if (sameNetwork(network, seen)) return;
    seen = network;
    schedule();
  });
  schedule();
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    unsubscribe();
  };
}
