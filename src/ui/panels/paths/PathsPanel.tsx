/**
 * The Paths panel, in the left column in place of the palette while open: ask what a source
 * reaches (and how a flow gets to a target, or what blocks it), or who reaches a resource,
 * narrowed by protocol and port. The answer is computed by src/app/paths.ts and drawn on the
 * canvas while the panel is open.
 */
import { IconButton } from '../../components/Button.tsx';
import { designStore, useStore } from '../../store/index.ts';
import { PathsPicker } from './PathsPicker.tsx';
import { ReachableList } from './ReachableList.tsx';
import { ReachersList } from './ReachersList.tsx';
import { TargetPath } from './TargetPath.tsx';

export function PathsPanel() {
  const query = useStore((s) => s.pathQuery);
  const view = useStore((s) => s.pathsView);
  const current = view && view.query === query ? view : null;
  return (
    <section aria-labelledby="paths-heading" className="flex h-full min-h-0 flex-col">
      <header className="flex flex-col gap-2 border-b border-slate-200 px-3 pt-3 pb-3 dark:border-slate-700">
        <div className="flex items-center justify-between">
          <h2 id="paths-heading" className="text-[12px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
            Paths
          </h2>
          <IconButton icon="close" label="Close paths" className="size-8" onClick={() => designStore.getState().setPathsOpen(false)} />
        </div>
        <PathsPicker query={query} />
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 py-3" aria-live="polite" aria-busy={query !== null && current === null}>
        {!query ? (
          <Start />
        ) : !current ? (
          <p className="px-1 text-[15px] text-slate-500 dark:text-slate-400">Working it out…</p>
        ) : current.problem ? (
          <p role="alert" className="px-1 text-[15px] text-red-800 dark:text-red-300">{current.problem}</p>
        ) : (
          <div className="flex flex-col gap-2 px-1">
            <h3 className="text-[16px] leading-snug font-semibold text-slate-900 dark:text-white">
              {current.heading} <span className="font-normal text-slate-500 dark:text-slate-400">· {current.flowLabel}</span>
            </h3>
            {current.target ? (
              <TargetPath view={current.target} flowLabel={current.flowLabel} />
            ) : current.reachable ? (
              <ReachableList rows={current.reachable} sourceName={current.subject} />
            ) : current.reachers ? (
              <ReachersList rows={current.reachers} targetName={current.subject} />
            ) : null}
          </div>
        )}
      </div>
    </section>
  );
}

function Start() {
  return (
    <div className="flex flex-col items-start gap-3 px-1 text-[15px] text-slate-600 dark:text-slate-300">
      <p>Pick a source to light up everything it reaches, or select a resource and ask who can reach it.</p>
      <button
        type="button"
        onClick={() => designStore.getState().reachFrom({ kind: 'internet' })}
        className="inline-flex min-h-9 items-center rounded-lg bg-sky-700 px-3 text-[15px] font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:bg-sky-500 dark:text-slate-950"
      >
        Reach from the Internet
      </button>
    </div>
  );
}
