/** The top bar's Paths toggle: opens and closes the Paths drawer (and with it the highlight on the canvas). */
import { Icon } from '../../components/Icon.tsx';
import { designStore, useStore } from '../../store/index.ts';

export function PathsButton() {
  const open = useStore((s) => s.pathsOpen);
  return (
    <button
      type="button"
      aria-pressed={open}
      aria-label="Paths"
      title="What reaches what: paths, blockers, who can reach a resource"
      onClick={() => designStore.getState().setPathsOpen(!open)}
      className={`inline-flex min-h-9 shrink-0 items-center gap-2 rounded-lg px-2.5 text-[15px] font-medium whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${
        open ? 'bg-slate-200/80 text-slate-900 dark:bg-slate-700 dark:text-white' : 'text-slate-700 hover:bg-slate-200/70 dark:text-slate-200 dark:hover:bg-slate-700/70'
      }`}
    >
      <Icon name="route" className="size-[18px] shrink-0" />
      {/* Icon only on narrower screens: the top bar is full. */}
      <span className="hidden min-[1500px]:inline">Paths</span>
    </button>
  );
}
