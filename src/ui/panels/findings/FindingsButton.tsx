/** The top bar's findings count: coloured by the worst severity; opens and closes the findings panel. */
import { SEVERITY_STYLE } from '../../components/severity.ts';
import { designStore, useStore } from '../../store/index.ts';
import { worstSeverity } from './findings-view.ts';

export function FindingsButton() {
  const count = useStore((s) => s.findings.length);
  const worst = useStore((s) => worstSeverity(s.findings));
  const open = useStore((s) => s.findingsOpen);
  // Before the first answer, "0" in green would claim a clean design nobody has checked yet.
  const ready = useStore((s) => s.findingsReady);
  const label = !ready ? 'Findings: checking the design' : count === 0 ? 'Findings: none' : `Findings: ${count}, worst ${worst}`;
  return (
    <button
      type="button"
      aria-pressed={open}
      aria-label={label}
      title={label}
      onClick={() => designStore.getState().setFindingsOpen(!open)}
      className={`inline-flex min-h-9 items-center gap-2 rounded-lg px-3 text-[15px] font-medium whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${
        open ? 'bg-slate-200/80 text-slate-900 dark:bg-slate-700 dark:text-white' : 'text-slate-700 hover:bg-slate-200/70 dark:text-slate-200 dark:hover:bg-slate-700/70'
      }`}
    >
      Findings
      <span
        data-testid="findings-count"
        className={`min-w-7 rounded-full px-2 py-px text-center text-[14px] font-semibold tabular-nums ${
          !ready
            ? 'bg-slate-200 text-slate-600 dark:bg-slate-700 dark:text-slate-300'
            : worst
              ? `${SEVERITY_STYLE[worst].dot} ${worst === 'critical' ? 'text-white' : 'text-slate-950'} dark:text-slate-950`
              : 'bg-emerald-600 text-white'
        }`}
      >
        {ready ? count : '…'}
      </span>
    </button>
  );
}
