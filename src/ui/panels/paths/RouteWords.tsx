/** A chain in words, each name a link to its node: "Internet → web-1 (tcp 80, 443) → app-1 (tcp 8080)". */
import type { RouteRow } from '../../placement/paths/view.ts';
import { focusOnCanvas } from './focus.ts';

export function RouteWords({ route }: { route: RouteRow }) {
  return (
    <span className="leading-relaxed" aria-label={route.words}>
      {route.steps.map((step, i) => (
        <span key={`${step.id}-${i}`}>
          {i > 0 && <span className="text-slate-400"> → </span>}
          <button
            type="button"
            tabIndex={-1}
            onClick={() => focusOnCanvas(step.id)}
            className="rounded font-medium text-slate-900 underline decoration-slate-300 underline-offset-2 hover:decoration-sky-600 dark:text-slate-100 dark:decoration-slate-600"
          >
            {step.name}
          </button>
          {i > 0 && <span className="font-mono text-[13px] text-slate-600 dark:text-slate-300"> ({step.traffic})</span>}
        </span>
      ))}
    </span>
  );
}
