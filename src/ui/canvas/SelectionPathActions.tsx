/**
 * Path questions on the selected node, on the canvas itself: "Reach from web-1" and "Who can reach
 * web-1?" in a small toolbar above a selected resource, Internet or external network.
 */
import { NodeToolbar, Position } from '@xyflow/react';
import { designStore, useShallowStore } from '../store/index.ts';

const BUTTON =
  'nodrag rounded-md bg-white px-2.5 py-1 text-[14px] font-medium text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-sky-50 hover:ring-sky-600 focus-visible:outline-2 focus-visible:outline-sky-600 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700';

export function SelectionPathActions() {
  // Compared shallowly: the selector builds a new object on every store change.
  const selected = useShallowStore((s) => {
    const id = s.selectedId;
    if (!id) return null;
    const r = s.design.resources[id];
    if (r) return { id, name: r.name, kind: 'resource' as const };
    const n = s.design.externalNetworks[id];
    if (n) return { id, name: n.name, kind: n.kind === 'internet' ? ('internet' as const) : ('external' as const) };
    return null;
  });
  if (!selected) return null;
  const { reachFrom, whoCanReach } = designStore.getState();
  const source = selected.kind === 'internet' ? { kind: 'internet' as const } : { kind: selected.kind, id: selected.id };
  return (
    <NodeToolbar nodeId={selected.id} isVisible position={Position.Top} offset={14} className="flex gap-1.5">
      <button type="button" className={BUTTON} onClick={() => reachFrom(source)}>
        Reach from {selected.name}
      </button>
      {selected.kind === 'resource' && (
        <button type="button" className={BUTTON} onClick={() => whoCanReach(selected.id)}>
          Who can reach {selected.name}?
        </button>
      )}
    </NodeToolbar>
  );
}
