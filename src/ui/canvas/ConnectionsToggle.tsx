import { Panel } from '@xyflow/react';
import { designStore, useStore } from '../store/index.ts';

/** Shows or hides the connections the security groups allow, and says when some are left out. */
export function ConnectionsToggle({ hiddenCount }: { hiddenCount: number }) {
  const show = useStore((s) => s.showConnections);
  return (
    <Panel position="top-right" className="flex items-center gap-3 rounded-lg bg-white/90 px-3 py-1.5 text-[14px] shadow-sm ring-1 ring-slate-200 dark:bg-slate-900/90 dark:ring-slate-700">
      <label className="flex items-center gap-2">
        <input type="checkbox" className="size-4 accent-sky-700" checked={show} onChange={(e) => designStore.getState().setShowConnections(e.target.checked)} />
        Allowed connections
      </label>
      {show && hiddenCount > 0 && <span className="text-[13px] text-slate-500 dark:text-slate-400">{hiddenCount} more: select a group to see them</span>}
    </Panel>
  );
}
