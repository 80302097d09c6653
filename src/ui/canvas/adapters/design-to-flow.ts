/**
 * Design -> React Flow nodes, memoised per entity: a node object is rebuilt only when its own
 * geometry, parent, selection or label changed, so React Flow (and the memoised node components)
 * skip everything else. Node data carries the entity id only; components read the entity from
 * the store with a narrow selector.
 */
import type { Node } from '@xyflow/react';
import type { Design, EntityCollection } from '../../../core/model/index.ts';
import { designGeometry, type GeoNode } from '../../placement/geometry.ts';
import { entityLabel } from '../../placement/labels.ts';
import type { NodeKind } from '../../placement/sizes.ts';

export type FlowNodeType = NodeKind;
export type EntityNodeData = { entityId: string };
export type DesignNode = Node<EntityNodeData, FlowNodeType>;

function collectionOfNode(d: Design, n: GeoNode): EntityCollection {
  switch (n.kind) {
    case 'vpc':
      return 'vpcs';
    case 'subnet':
      return 'subnets';
    case 'resource':
      return 'resources';
    case 'external':
      return 'externalNetworks';
    case 'gateway':
      return d.internetGateways[n.id] ? 'internetGateways' : 'natGateways';
  }
}

function buildNode(n: GeoNode, selected: boolean, ariaLabel: string): DesignNode {
  const node: DesignNode = {
    id: n.id,
    type: n.kind,
    position: { x: n.x, y: n.y },
    data: { entityId: n.id },
    width: n.width,
    height: n.height,
    // Every node is drawn at exactly its given size, so it is "measured" from the start: a rebuilt
    // node object must not wait for a ResizeObserver that never fires for an unchanged element.
    measured: { width: n.width, height: n.height },
    selected,
    ariaLabel,
  };
  if (n.parentId) {
    node.parentId = n.parentId;
    // Resources may leave their subnet while dragged (to move into another); everything else stays inside.
    if (n.kind !== 'resource') {
      node.extent = 'parent';
      node.expandParent = true;
    }
  }
  return node;
}

/** Returns a converter with its own cache; keep one per canvas. */
export function createFlowAdapter(): (design: Design, selectedId: string | null) => DesignNode[] {
  const cache = new Map<string, { key: string; node: DesignNode }>();
  return (design, selectedId) => {
    const geometry = designGeometry(design);
    const seen = new Set<string>();
    const nodes = geometry.map((n) => {
      seen.add(n.id);
      const label = entityLabel(design, collectionOfNode(design, n), n.id);
      const selected = n.id === selectedId;
      const key = `${n.kind}|${n.parentId ?? ''}|${n.x}|${n.y}|${n.width}|${n.height}|${selected}|${label}`;
      const hit = cache.get(n.id);
      if (hit && hit.key === key) return hit.node;
      const node = buildNode(n, selected, label);
      cache.set(n.id, { key, node });
      return node;
    });
    for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
    return nodes;
  };
}
