/** The path edges to draw: those of the answer on show, between nodes that exist. Never recomputed on a move. */
import { useMemo } from 'react';
import { MarkerType } from '@xyflow/react';
import { designStore, useStore } from '../store/index.ts';
import type { PathFlowEdge } from './edges/PathEdge.tsx';

const COLOUR = { reach: '#047857', route: '#047857', blocked: '#b91c1c' } as const;

export function usePathEdges(): PathFlowEdge[] {
  const specs = useStore((s) => s.pathEdges);
  return useMemo(() => {
    if (specs.length === 0) return [];
    const d = designStore.getState().design;
    const name = (id: string) => d.resources[id]?.name ?? d.externalNetworks[id]?.name ?? d.internetGateways[id]?.name ?? d.natGateways[id]?.name;
    return specs.flatMap((e): PathFlowEdge[] => {
      const from = name(e.source);
      const to = name(e.target);
      if (!from || !to) return [];
      const title = `Path from ${from} to ${to}${e.label ? `: ${e.tone === 'blocked' ? `blocked, ${e.label}` : e.label}` : ''}`;
      return [
        {
          id: e.id,
          source: e.source,
          target: e.target,
          type: 'path',
          data: { tone: e.tone, title, ...(e.label ? { label: e.label } : {}) },
          ariaLabel: title,
          markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: COLOUR[e.tone] },
          selectable: false,
          focusable: false,
          // Above the containers they cross, like the rule edges' labels.
          zIndex: 1000,
        },
      ];
    });
  }, [specs]);
}
