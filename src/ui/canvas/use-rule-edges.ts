/** The connection edges to draw: recomputed when groups, resources or external networks change, never on a move. */
import { useMemo } from 'react';
import { MarkerType } from '@xyflow/react';
import { useStore } from '../store/index.ts';
import { ruleEdges } from './adapters/rules-to-edges.ts';
import type { RuleFlowEdge } from './edges/RuleEdge.tsx';

/** Past this many, only the connections of the selection are drawn: a wall of lines helps no one. */
export const MAX_EDGES = 150;

export function useRuleEdges(): { edges: RuleFlowEdge[]; hiddenCount: number } {
  const securityGroups = useStore((s) => s.design.securityGroups);
  const resources = useStore((s) => s.design.resources);
  const externalNetworks = useStore((s) => s.design.externalNetworks);
  const subnets = useStore((s) => s.design.subnets);
  const show = useStore((s) => s.showConnections);
  const selectedId = useStore((s) => s.selectedId);
  const selectedConnection = useStore((s) => s.selectedConnection);
  const all = useMemo(() => {
    const network = { securityGroups, resources, externalNetworks, subnets } as Parameters<typeof ruleEdges>[0];
    const nameOf = (id: string) => resources[id]?.name ?? externalNetworks[id]?.name ?? id;
    return ruleEdges(network).map(
      (e): RuleFlowEdge => ({
        id: e.id,
        source: e.source,
        target: e.target,
        type: 'rule',
        data: { label: e.label, labelled: e.labelled, groupIds: e.groupIds, connection: e.connection, lane: e.lane, title: `Connection from ${nameOf(e.source)} to ${nameOf(e.target)}: ${e.label}` },
        ariaLabel: `Connection from ${nameOf(e.source)} to ${nameOf(e.target)}: ${e.label}`,
        markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: 'var(--tierwise-edge)' },
        selectable: false,
      }),
    );
  }, [securityGroups, resources, externalNetworks, subnets]);
  return useMemo(() => {
    if (!show) return { edges: [], hiddenCount: all.length };
    if (all.length <= MAX_EDGES) return { edges: all, hiddenCount: 0 };
    const shown = selectedId || selectedConnection ? all.filter((e) => e.source === selectedId || e.target === selectedId || e.data?.groupIds.includes(selectedId ?? '') || e.data?.connection === selectedConnection) : [];
    return { edges: shown, hiddenCount: all.length - shown.length };
  }, [all, show, selectedId, selectedConnection]);
}
