/**
 * What the highlight on the canvas means, in the canvas's top-left corner: the question, how many
 * things answer it, and a key to the colours. It stays while presenting (the panels are hidden),
 * so the room can read it; fitting the view leaves room for it while paths are on show.
 */
import { Panel } from '@xyflow/react';
import { designStore, useStore } from '../store/index.ts';

function Key({ swatch, children }: { swatch: string; children: string }) {
  return (
    <li className="flex items-center gap-1.5">
      <span className={`inline-block h-1.5 w-5 rounded-full ${swatch}`} aria-hidden="true" />
      {children}
    </li>
  );
}

export function PathLegend() {
  const heading = useStore((s) => s.pathsView?.heading);
  const flowLabel = useStore((s) => s.pathsView?.flowLabel);
  const mode = useStore((s) => s.pathsView?.query.mode);
  const target = useStore((s) => s.pathsView?.target?.verdict);
  const count = useStore((s) => s.pathsView?.reachable?.length ?? s.pathsView?.reachers?.length);
  if (!heading) return null;
  const summary =
    count === undefined ? undefined : mode === 'to' ? `${count} ${count === 1 ? 'source' : 'sources'}` : `${count} ${count === 1 ? 'resource' : 'resources'} reached`;
  return (
    <Panel position="top-left" className="rounded-lg bg-white/95 px-3 py-2 shadow-md ring-1 ring-slate-200 dark:bg-slate-900/95 dark:ring-slate-700">
      <section aria-label="Path legend" className="flex max-w-[28rem] flex-wrap items-center gap-x-4 gap-y-1 text-[14px] text-slate-700 dark:text-slate-200">
        <p className="text-[16px] leading-snug font-semibold text-slate-900 dark:text-white">
          {heading}
          <span className="font-normal text-slate-600 dark:text-slate-300"> · {flowLabel}</span>
          {summary && <span className="font-normal text-slate-600 dark:text-slate-300"> · {summary}</span>}
        </p>
        <ul className="flex flex-wrap gap-x-3 text-[13px]" aria-label="Colours">
          <Key swatch="bg-emerald-600">{mode === 'to' ? 'reaches it' : 'reached'}</Key>
          {mode === 'from' && <Key swatch="bg-sky-600">source</Key>}
          {(mode === 'to' || target) && <Key swatch="bg-violet-600">target</Key>}
          {target === 'unreachable' && <Key swatch="bg-red-600">blocks</Key>}
        </ul>
        <button
          type="button"
          onClick={() => designStore.getState().setPathsOpen(false)}
          className="nodrag rounded-md px-2 py-0.5 text-[13px] font-medium text-slate-600 ring-1 ring-slate-300 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-slate-300 dark:ring-slate-600 dark:hover:bg-slate-800"
        >
          Hide paths
        </button>
      </section>
    </Panel>
  );
}
