/** One finding: its message; opened, why it matters, how to fix it, what other tools call it, and a quick fix. */
import { useEffect, useRef } from 'react';
import type { Finding } from '../../../core/lint/index.ts';
import { SEVERITY_STYLE } from '../../components/severity.ts';
import { designStore } from '../../store/index.ts';

function Chevron({ open }: { open: boolean }) {
  return (
    <svg viewBox="0 0 24 24" className={`size-5 shrink-0 text-slate-400 transition-transform ${open ? 'rotate-90' : ''}`} fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="m9 6 6 6-6 6" />
    </svg>
  );
}

export function FindingItem({ finding: f, open, onToggle }: { finding: Finding; open: boolean; onToggle: () => void }) {
  const style = SEVERITY_STYLE[f.severity];
  const detailsId = `finding-${f.id}`;
  const item = useRef<HTMLLIElement>(null);
  // Opened, the details (and the fix button) come into view in the drawer.
  useEffect(() => {
    if (open) item.current?.scrollIntoView({ block: 'nearest' });
  }, [open]);
  return (
    <li ref={item} data-finding-id={f.id} data-rule-id={f.ruleId} className={`rounded-lg ${open ? 'bg-white ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700' : ''}`}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => {
          if (!open) designStore.getState().revealFinding(f);
          onToggle();
        }}
        className="flex w-full items-start gap-3 rounded-lg px-3 py-2 text-left hover:bg-white focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:bg-slate-900"
      >
        <span className={`mt-[7px] size-2.5 shrink-0 rounded-full ${style.dot}`} aria-hidden="true" />
        <span className="min-w-0 flex-1 text-[15px] leading-snug text-slate-800 dark:text-slate-100">{f.message}</span>
        <span className="hidden shrink-0 pt-0.5 font-mono text-[12px] text-slate-500 md:inline dark:text-slate-400">{f.ruleId}</span>
        <Chevron open={open} />
      </button>
      {open && (
        <div id={detailsId} className="flex flex-col gap-2 px-3 pb-3 pl-[2.1rem] text-[14px] leading-relaxed text-slate-700 dark:text-slate-300">
          <p>
            <span className="font-semibold text-slate-900 dark:text-white">Risk. </span>
            {f.risk}
          </p>
          <p>
            <span className="font-semibold text-slate-900 dark:text-white">Fix. </span>
            {f.fix}
          </p>
          {f.anchors.length > 0 && (
            <ul aria-label="Also known as" className="flex flex-wrap gap-1">
              {f.anchors.map((a) => (
                <li key={a} className="rounded bg-slate-100 px-1.5 py-px font-mono text-[12px] text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                  {a}
                </li>
              ))}
            </ul>
          )}
          {f.quickFix && (
            <div>
              <button
                type="button"
                onClick={() => designStore.getState().applyQuickFix(f)}
                className="inline-flex min-h-9 items-center rounded-lg bg-sky-700 px-3 py-1 text-left text-[14px] font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:bg-sky-500 dark:text-slate-950 dark:hover:bg-sky-400"
              >
                Fix: {f.quickFix.label}
              </button>
            </div>
          )}
        </div>
      )}
    </li>
  );
}
