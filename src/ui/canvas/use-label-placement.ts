/**
 * Gives each labelled connection edge its label's place along the curve (edges/label-placement.ts),
 * from the derived nodes: those change on a drop or a selection, never on a drag frame. An edge
 * whose place did not change keeps its object, so React Flow re-renders only the edges that moved.
 */
import { useMemo, useRef } from 'react';
import { headerOf } from '../placement/sizes.ts';
import type { DesignNode } from './adapters/design-to-flow.ts';
import type { Box } from './edges/floating.ts';
import { placeLabels, type Obstacle } from './edges/label-placement.ts';
import type { RuleFlowEdge } from './edges/RuleEdge.tsx';

/** Cards hide a name when covered; a container's header only its CIDR line. */
const HEADER_WEIGHT = 0.8;

function absoluteBoxes(nodes: readonly DesignNode[]): { boxes: Map<string, Box>; obstacles: Obstacle[] } {
  const boxes = new Map<string, Box>();
  const obstacles: Obstacle[] = [];
  for (const n of nodes) {
    const parent = n.parentId ? boxes.get(n.parentId) : undefined;
    const box = { x: n.position.x + (parent?.x ?? 0), y: n.position.y + (parent?.y ?? 0), width: n.width ?? 0, height: n.height ?? 0 };
    boxes.set(n.id, box);
    if (n.type === 'vpc' || n.type === 'subnet') obstacles.push({ ...box, height: Math.min(box.height, headerOf(n.type) - 8), weight: HEADER_WEIGHT });
    else obstacles.push({ ...box, weight: 1 });
  }
  return { boxes, obstacles };
}

export function usePlacedLabels(edges: RuleFlowEdge[], nodes: readonly DesignNode[]): RuleFlowEdge[] {
  const cache = useRef(new Map<string, { from: RuleFlowEdge; at: number; edge: RuleFlowEdge }>());
  return useMemo(() => {
    const labelled = edges.filter((e) => e.data?.labelled);
    if (labelled.length === 0) return edges;
    const { boxes, obstacles } = absoluteBoxes(nodes);
    const places = placeLabels(
      labelled.map((e) => ({ id: e.id, source: e.source, target: e.target, label: e.data!.label, lane: e.data!.lane })),
      boxes,
      obstacles,
    );
    const next = new Map<string, { from: RuleFlowEdge; at: number; edge: RuleFlowEdge }>();
    const out = edges.map((e) => {
      const at = places.get(e.id);
      if (at === undefined) return e;
      const hit = cache.current.get(e.id);
      const edge = hit && hit.from === e && hit.at === at ? hit.edge : { ...e, data: { ...e.data!, labelAt: at } };
      next.set(e.id, { from: e, at, edge });
      return edge;
    });
    cache.current = next;
    return out;
  }, [edges, nodes]);
}
