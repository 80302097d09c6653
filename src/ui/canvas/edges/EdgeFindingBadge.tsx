/**
 * The findings of a connection at a glance, beside its label: a dot in the worst severity's colour
 * and the count. Clicking it opens the worst finding in the findings panel. Rendered by RuleEdge
 * through a one-line hook-in, so the edge's own look can change without touching this.
 */
import { EdgeLabelRenderer } from '@xyflow/react';
import type { Severity } from '../../../core/lint/index.ts';
import { SEVERITY_STYLE } from '../../components/severity.ts';
import { designStore, useStore } from '../../store/index.ts';

/** `x`, `y`: the connection label's centre; the badge sits just above it. */
export function EdgeFindingBadge({ connection, x, y }: { connection: string; x: number; y: number }) {
  // A string ("high:2"): the edge re-renders only when its own summary changes.
  const badge = useStore((s) => s.edgeFindingBadges[connection]);
  if (!badge) return null;
  const [severity, count] = badge.split(':') as [Severity, string];
  const label = `${count} finding${count === '1' ? '' : 's'} on this connection, worst ${severity}: open`;
  return (
    <EdgeLabelRenderer>
      <button
        type="button"
        aria-label={label}
        title={label}
        data-severity={severity}
        data-edge-findings={connection}
        onClick={(e) => {
          e.stopPropagation();
          const s = designStore.getState();
          const first = s.edgeFindingIds[connection]?.[0];
          if (first) s.openFinding(first);
        }}
        className="nodrag nopan pointer-events-auto absolute inline-flex h-6 cursor-pointer items-center gap-1 rounded-full bg-white py-0.5 pr-2 pl-1.5 text-[13px] font-semibold text-slate-800 tabular-nums shadow-sm ring-1 ring-slate-300 hover:ring-2 hover:ring-sky-600 focus-visible:outline-2 focus-visible:outline-sky-600 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600"
        style={{ transform: `translate(-50%, -100%) translate(${x}px, ${y - 14}px)`, zIndex: 5002 }}
      >
        <span className={`size-2.5 rounded-full ${SEVERITY_STYLE[severity].dot}`} aria-hidden="true" />
        {count}
      </button>
    </EdgeLabelRenderer>
  );
}
