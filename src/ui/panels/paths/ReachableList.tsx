/** What a source reaches: one row per resource with the ports, and each way in as a chain in words. */
import type { ReachRow } from '../../placement/paths/view.ts';
import { focusOnCanvas } from './focus.ts';
import { RouteWords } from './RouteWords.tsx';

const SHOWN = 3;

export function ReachableList({ rows, sourceName }: { rows: ReachRow[]; sourceName: string }) {
  if (rows.length === 0) {
    const who = sourceName.charAt(0).toUpperCase() + sourceName.slice(1);
    return <p className="text-[15px] text-slate-600 dark:text-slate-300">{who} reaches no resource with this traffic.</p>;
  }
  return (
    <ul aria-label="Reachable resources" className="flex flex-col gap-1">
      {rows.map((r) => (
        <li key={r.resourceId} data-resource-id={r.resourceId} className="rounded-lg px-2 py-1.5 hover:bg-white dark:hover:bg-slate-900">
          <button
            type="button"
            aria-label={`${r.name}: ${r.traffic}`}
            onClick={() => focusOnCanvas(r.resourceId)}
            className="flex w-full flex-wrap items-baseline gap-x-2 gap-y-0.5 rounded text-left focus-visible:outline-2 focus-visible:outline-sky-600"
          >
            <span className="text-[15px] font-semibold text-slate-900 dark:text-white">{r.name}</span>
            <span className="text-[13px] text-slate-500 dark:text-slate-400">{r.kind}</span>
            <span className="ml-auto rounded-full bg-emerald-100 px-2 py-px font-mono text-[13px] font-semibold text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100">{r.traffic}</span>
          </button>
          <ul className="mt-1 flex flex-col gap-1 pl-2 text-[14px] leading-snug text-slate-700 dark:text-slate-300">
            {r.routes.slice(0, SHOWN).map((route, i) => (
              <li key={i}>
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
