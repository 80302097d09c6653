import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, useInternalNode, type Edge, type EdgeProps, type InternalNode } from '@xyflow/react';
import { facingSide, ruleCurve, type Box } from './floating.ts';
import { defaultLabelAt } from './label-placement.ts';
import { designStore, useStore, type StoreState } from '../../store/index.ts';
import { EdgeFindingBadge } from './EdgeFindingBadge.tsx'; // hook-in: finding badge (owned by wt/paths)

export type RuleEdgeData = {
  label: string;
  labelled: boolean;
  groupIds: string[];
  connection: string;
  lane: number;
  title: string;
  /** Where along the curve the label sits, chosen clear of the cards (use-label-placement.ts). */
  labelAt?: number;
};
export type RuleFlowEdge = Edge<RuleEdgeData, 'rule'>;

/** 'on' when the selection (this connection, a group or a resource) is part of this edge, 'off' when something else is selected. */
function edgeFocus(s: StoreState, source: string, target: string, groupIds: string[], connection: string): 'on' | 'off' | 'none' {
  if (s.selectedConnection) return s.selectedConnection === connection ? 'on' : 'off';
  const sel = s.selectedId;
  if (!sel) return 'none';
  if (s.design.securityGroups[sel]) return groupIds.includes(sel) ? 'on' : 'off';
  if (s.design.resources[sel] || s.design.externalNetworks[sel]) return sel === source || sel === target ? 'on' : 'off';
  return 'none';
}

const boxOf = (n: InternalNode): Box => ({
  ...n.internals.positionAbsolute,
  width: n.measured.width ?? n.width ?? 0,
  height: n.measured.height ?? n.height ?? 0,
});

/** A connection the security groups allow, labelled with what it allows ("tcp 5432"); click it to see and delete its rules. */
export const RuleEdge = memo(function RuleEdge({ id, source, target, data, markerEnd }: EdgeProps<RuleFlowEdge>) {
  const connection = data?.connection ?? '';
  const focus = useStore((s) => edgeFocus(s, source, target, data?.groupIds ?? [], connection));
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  if (!sourceNode || !targetNode) return null;
  const from = facingSide(boxOf(sourceNode), boxOf(targetNode));
  const to = facingSide(boxOf(targetNode), boxOf(sourceNode));
  // Several connections between the same two cards share the curve; their labels step along it,
  // or sit where the committed layout leaves them clear of the cards.
  const { path, labelX, labelY } = ruleCurve(from, to, data?.labelAt ?? defaultLabelAt(data?.lane ?? 0));
  const stroke = focus === 'on' ? 'var(--tierwise-edge-on)' : 'var(--tierwise-edge)';
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} interactionWidth={18} style={{ stroke, strokeWidth: focus === 'on' ? 3 : 1.75, opacity: focus === 'off' ? 0.18 : 1 }} />
      {(data?.labelled || focus === 'on') && <EdgeLabelRenderer>
        <button
          type="button"
          aria-label={data?.title ?? data?.label}
          aria-pressed={focus === 'on'}
          onClick={(e) => {
            e.stopPropagation();
            designStore.getState().selectConnection(connection);
          }}
          className={`nodrag nopan pointer-events-auto absolute cursor-pointer rounded-full bg-white px-2 py-px font-mono text-[13px] whitespace-nowrap text-slate-700 ring-1 ring-slate-300 hover:ring-2 hover:ring-sky-600 focus-visible:outline-2 focus-visible:outline-sky-600 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-600 ${
            focus === 'off' ? 'opacity-20' : ''
          } ${focus === 'on' ? 'font-semibold ring-2 ring-sky-600 dark:ring-sky-400' : ''}`}
          // Above the nodes: labels sit where edges cross subnets and cards.
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, zIndex: 5000 }}
          data-connection={connection}
        >
          {data?.label}
        </button>
      </EdgeLabelRenderer>}
      {data?.labelled && <EdgeFindingBadge connection={connection} x={labelX} y={labelY} />}{/* hook-in: finding badge (owned by wt/paths); keep beside the label */}
    </>
  );
});
