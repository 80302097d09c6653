import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, useInternalNode, type Edge, type EdgeProps, type InternalNode } from '@xyflow/react';
import type { PathTone } from '../../placement/paths/canvas-marks.ts';
import { pathCurve, type Rect } from './path-geometry.ts';

export type PathEdgeData = { tone: PathTone; label?: string; title: string };
export type PathFlowEdge = Edge<PathEdgeData, 'path'>;

const rectOf = (n: InternalNode): Rect => ({ ...n.internals.positionAbsolute, width: n.measured.width ?? n.width ?? 0, height: n.measured.height ?? n.height ?? 0 });

const STROKE: Record<PathTone, string> = { reach: 'var(--tierwise-path)', route: 'var(--tierwise-path)', blocked: 'var(--tierwise-path-blocked)' };
const PILL: Record<PathTone, string> = {
  reach: 'bg-emerald-700 text-white dark:bg-emerald-400 dark:text-slate-950',
  route: 'bg-emerald-700 text-white dark:bg-emerald-400 dark:text-slate-950',
  blocked: 'bg-red-700 text-white dark:bg-red-500 dark:text-slate-950',
};

/** One hop of a path on show: a thick animated line in the path's colour, labelled with its traffic. */
export const PathEdge = memo(function PathEdge({ id, source, target, data, markerEnd }: EdgeProps<PathFlowEdge>) {
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  if (!from || !to || !data) return null;
  const { path, labelX, labelY } = pathCurve(rectOf(from), rectOf(to));
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={data.tone === 'blocked' ? 'tw-path tw-path-blocked' : 'tw-path'}
        interactionWidth={0}
        style={{ stroke: STROKE[data.tone], strokeWidth: 4 }}
      />
      {data.label && (
        <EdgeLabelRenderer>
          <span
            // The edge itself carries the name (its aria-label); the label is what the eye reads.
            aria-hidden="true"
            title={data.title}
            data-path-edge={data.tone}
            className={`pointer-events-none absolute rounded-full px-2.5 py-0.5 font-mono text-[13px] font-semibold whitespace-nowrap shadow ${PILL[data.tone]}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, zIndex: 5001 }}
          >
            {data.tone === 'blocked' ? `✕ ${data.label}` : data.label}
          </span>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
