import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, useInternalNode, type Edge, type EdgeProps, type InternalNode } from '@xyflow/react';
import { facingSide, ruleCurve, type Box } from './floating.ts';
import { useStore, type StoreState } from '../../store/index.ts';

export type RuleEdgeData = { label: string; groupIds: string[] };
export type RuleFlowEdge = Edge<RuleEdgeData, 'rule'>;

/** 'on' when the selection (a group or a resource) is part of this edge, 'off' when something else is selected. */
function edgeFocus(s: StoreState, source: string, target: string, groupIds: string[]): 'on' | 'off' | 'none' {
  const sel = s.selectedId;
  if (!sel) return 'none';
  if (s.design.securityGroups[sel]) return groupIds.includes(sel) ? 'on' : 'off';
  if (s.design.resources[sel] || s.design.externalNetworks[sel]) return sel === source || sel === target ? 'on' : 'off';
  return 'none';
}

/** A connection the security groups allow, labelled with what it allows ("TCP 5432"). */
const boxOf = (n: InternalNode): Box => ({
  ...n.internals.positionAbsolute,
  width: n.measured.width ?? n.width ?? 0,
  height: n.measured.height ?? n.height ?? 0,
});

export const RuleEdge = memo(function RuleEdge({ id, source, target, data, markerEnd }: EdgeProps<RuleFlowEdge>) {
  const focus = useStore((s) => edgeFocus(s, source, target, data?.groupIds ?? []));
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  if (!sourceNode || !targetNode) return null;
  const from = facingSide(boxOf(sourceNode), boxOf(targetNode));
  const to = facingSide(boxOf(targetNode), boxOf(sourceNode));
  const { path, labelX, labelY } = ruleCurve(from, to);
  const stroke = focus === 'on' ? 'var(--tierwise-edge-on)' : 'var(--tierwise-edge)';
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={{ stroke, strokeWidth: focus === 'on' ? 2.5 : 1.75, opacity: focus === 'off' ? 0.2 : 1 }} />
      <EdgeLabelRenderer>
        <div
          className={`nodrag nopan pointer-events-none absolute rounded-full bg-white px-2 py-px font-mono text-[13px] whitespace-nowrap text-slate-700 ring-1 ring-slate-300 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-600 ${
            focus === 'off' ? 'opacity-20' : ''
          } ${focus === 'on' ? 'font-semibold ring-2 ring-sky-600 dark:ring-sky-400' : ''}`}
          // Above the nodes: labels sit where edges cross subnets and cards.
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, zIndex: 5000 }}
        >
          {data?.label}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
