/** Finding badges on connection edges follow the findings (which follow the network, see findings.ts). */
import type { designStore as Store } from '../ui/store/index.ts';
import { edgeFindings } from '../ui/placement/edge-findings.ts';

export function startEdgeFindings(store: typeof Store): () => void {
  const update = () => {
    const s = store.getState();
    const { badges, ids } = edgeFindings(s.design, s.findings);
    s.setEdgeFindings(badges, ids);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.findings !== previous.findings) update();
  });
  update();
  return unsubscribe;
}
