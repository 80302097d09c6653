/**
 * What a finished drag does to the design, as one Result (one undo step): positions for nodes that
 * stayed in their parent, `moveResource` for a resource dropped into another subnet, and a refusal
 * (that changes nothing) for a resource dropped outside every subnet.
 */
import type { Design, ModelError, NodeLayout, Result } from '../../core/model/index.ts';
import { err, modelError, setLayout } from '../../core/model/index.ts';
import { moveResourceTo } from '../placement/edits.ts';
import { absoluteRects, containerAt, designGeometry, missingLayout, relativePosition } from '../placement/geometry.ts';

export interface DraggedNode {
  id: string;
  /** The node's position at the end of the drag, relative to its parent (as React Flow reports it). */
  position: { x: number; y: number };
}

export function commitDrag(d: Design, dragged: readonly DraggedNode[]): Result<Design, ModelError> {
  const geometry = designGeometry(d);
  const byId = new Map(geometry.map((n) => [n.id, n]));
  const abs = absoluteRects(geometry);
  const layout: Record<string, NodeLayout> = {};
  for (const { id, position } of dragged) {
    const node = byId.get(id);
    if (!node) continue;
    const x = Math.round(position.x);
    const y = Math.round(position.y);
    if (node.kind !== 'resource' || !node.parentId) {
      if (x !== node.x || y !== node.y) layout[id] = { ...d.layout[id], x, y };
      continue;
    }
    const parent = abs.get(node.parentId)!;
    const centre = { x: parent.x + x + node.width / 2, y: parent.y + y + node.height / 2 };
    const target = containerAt(geometry, centre, new Set([id]));
    const name = d.resources[id]?.name ?? id;
    if (!target.subnetId) {
      return err(modelError('placement/outside-subnet', `${name} must stay inside a subnet: drop it onto a subnet to move it there.`, { subject: id }));
    }
    if (target.subnetId !== node.parentId) {
      if (dragged.length > 1) return err(modelError('placement/move-several', 'Move resources into another subnet one at a time.'));
      return moveResourceTo(d, id, target.subnetId, centre);
    }
    layout[id] = relativePosition(geometry, node.parentId, node, centre);
  }
  // Nodes the design never placed (an imported file) are frozen where they are drawn now, so the
  // first drag does not shuffle the auto-placed ones around it.
  return Object.keys(layout).length ? setLayout(d, { ...missingLayout(d, geometry), ...layout }) : { ok: true, value: d };
}
