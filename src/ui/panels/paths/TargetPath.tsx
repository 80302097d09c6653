/**
 * One flow to a target: the verdict, the components it passes hop by hop and, when it is blocked,
 * every component that blocks it, with the explanation and its code. Below, the ways in through
 * other hosts (the chains), which can make a target reachable that the direct flow is not.
 */
import type { TargetView } from '../../placement/paths/view.ts';
import { focusOnCanvas } from './focus.ts';
import { RouteWords } from './RouteWords.tsx';

export function TargetPath({ view, flowLabel }: { view: TargetView; flowLabel: string }) {
  const ok = view.verdict === 'reachable';
  return (
    <div className="flex flex-col gap-3">
      <p
        role="status"
        className={`rounded-lg px-3 py-2 text-[15px] font-semibold ${ok ? 'bg-emerald-50 text-emerald-900 ring-1 ring-emerald-300 dark:bg-emerald-950/60 dark:text-emerald-100 dark:ring-emerald-800' : 'bg-red-50 text-red-900 ring-1 ring-red-300 dark:bg-red-950/60 dark:text-red-100 dark:ring-red-800'}`}
      >
        {ok
          ? `${cap(view.sourceName)} reaches ${view.targetName} directly on ${view.admitted ?? flowLabel}.`
          : `${cap(view.sourceName)} cannot reach ${view.targetName} directly on ${flowLabel}.`}
      </p>
      {view.blockers.length > 0 && (
        <section aria-label="What blocks it">
          <h3 className="pb-1 text-[12px] font-semibold tracking-wider text-red-700 uppercase dark:text-red-300">What blocks it</h3>
          <ol className="flex flex-col gap-1.5">
            {view.blockers.map((b, i) => (
              <li key={i} data-code={b.code} className="flex items-start gap-2 text-[14px] leading-snug">
                <span className={`mt-1 size-2.5 shrink-0 rounded-full ${b.first ? 'bg-red-600' : 'bg-red-300 ring-1 ring-red-500'}`} aria-hidden="true" />
                <div className="min-w-0 flex-1">
                  <p className="text-slate-900 dark:text-slate-100">{b.message}</p>
                  <p className="mt-0.5 flex flex-wrap items-center gap-x-2 text-[13px] text-slate-600 dark:text-slate-300">
                    <code className="rounded bg-red-100 px-1.5 py-px font-mono text-[12px] text-red-900 dark:bg-red-950 dark:text-red-200">{b.code}</code>
                    <span>
                      {b.typeLabel} {b.componentName}
                      {b.path === 'return' ? ', on the reply' : ''}
                      {b.first ? '' : ' (also blocks once the first is fixed)'}
                    </span>
                    {b.focusId && (
                      <button type="button" onClick={() => focusOnCanvas(b.focusId!)} className="rounded px-1 font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950 focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-sky-300">
                        Show {b.typeLabel.toLowerCase()}
                      </button>
                    )}
                  </p>
                </div>
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-label="Hop by hop">
        <h3 className="pb-1 text-[12px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">Hop by hop</h3>
        <ol className="flex flex-col gap-0.5 text-[14px]">
          {view.hops.map((h, i) => (
            <li key={i} data-blocked={h.blocked || undefined} className={`grid grid-cols-[1.25rem_1fr] gap-x-1.5 rounded px-1.5 py-0.5 ${h.blocked ? 'bg-red-50 ring-1 ring-red-300 dark:bg-red-950/50 dark:ring-red-800' : ''}`}>
              <span className="pt-px text-right text-[12px] text-slate-400 tabular-nums">{i + 1}</span>
              <span className="min-w-0">
                <span className="text-slate-500 dark:text-slate-400">{h.typeLabel} </span>
                <span className="font-medium text-slate-900 dark:text-slate-100">{h.name}</span>
                {h.direction ? <span className="text-slate-500 dark:text-slate-400"> · {h.direction}</span> : null}
                {h.blocked && <span className="pl-2 text-[13px] font-semibold text-red-700 dark:text-red-300">blocks</span>}
                {h.detail && <span className="block font-mono text-[13px] leading-snug break-words text-slate-600 dark:text-slate-300">{h.detail}</span>}
              </span>
            </li>
          ))}
        </ol>
      </section>
      {view.chains.length > 0 && (
        <section aria-label="Through other hosts">
          <h3 className="pb-1 text-[12px] font-semibold tracking-wider text-emerald-800 uppercase dark:text-emerald-300">
            {ok ? 'Also through other hosts' : 'But reachable through other hosts'}
          </h3>
          <ul className="flex flex-col gap-0.5 text-[14px] text-slate-700 dark:text-slate-300">
            {view.chains.map((c, i) => (
              <li key={i}>
                <RouteWords route={c} />
                {c.sources && <span className="text-slate-600 dark:text-slate-400"> · only from {c.sources}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
