/** Who reaches a resource: the Internet, external networks and resources, on what, and through which chain. */
import type { ReacherRow } from '../../placement/paths/view.ts';
import { focusOnCanvas } from './focus.ts';
import { RouteWords } from './RouteWords.tsx';

const KIND = { internet: 'Internet', external: 'External network', resource: 'Resource' } as const;
const SHOWN = 2;

export function ReachersList({ rows, targetName }: { rows: ReacherRow[]; targetName: string }) {
  if (rows.length === 0) return <p className="text-[15px] text-slate-600 dark:text-slate-300">Nothing reaches {targetName} with this traffic.</p>;
  return (
    <ul aria-label={`Who can reach ${targetName}`} className="flex flex-col gap-1">
      {rows.map((r) => (
        <li key={r.sourceId} data-source-id={r.sourceId} className="rounded-lg px-2 py-1.5 hover:bg-white dark:hover:bg-slate-900">
          <button
            type="button"
            aria-label={`${r.sourceName}: ${r.traffic}`}
            onClick={() => focusOnCanvas(r.nodeId ?? r.sourceId)}
            className="flex w-full flex-wrap items-baseline gap-x-2 gap-y-0.5 rounded text-left focus-visible:outline-2 focus-visible:outline-sky-600"
          >
            <span className="text-[15px] font-semibold text-slate-900 dark:text-white">{r.sourceName}</span>
            <span className="text-[13px] text-slate-500 dark:text-slate-400">{KIND[r.kind]}</span>
            <span className="ml-auto rounded-full bg-emerald-100 px-2 py-px font-mono text-[13px] font-semibold text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100">{r.traffic}</span>
          </button>
          <ul className="mt-1 flex flex-col gap-1 pl-2 text-[14px] leading-snug text-slate-700 dark:text-slate-300">
            {r.routes.slice(0, SHOWN).map((route, i) => (
              <li key={i}>
                {route.steps.length <= 2 ? <span className="text-slate-600 dark:text-slate-400">directly · </span> : null}
                <RouteWords route={route} />
                {route.sources && <span className="text-slate-600 dark:text-slate-400"> · only from {route.sources}</span>}
              </li>
            ))}
            {r.routes.length > SHOWN && <li className="text-slate-500 dark:text-slate-400">and {r.routes.length - SHOWN} more ways in</li>}
          </ul>
        </li>
      ))}
    </ul>
  );
}
