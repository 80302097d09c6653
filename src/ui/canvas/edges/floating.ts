/**
 * Where an edge meets a node: the middle of the side facing the other node, so connections take
 * the short way whatever the layout (React Flow's fixed handles would loop round the cards).
 */
import { Position } from '@xyflow/react';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Anchor {
  x: number;
  y: number;
  position: Position;
}

export function facingSide(node: Box, other: Box): Anchor {
  const cx = node.x + node.width / 2;
  const cy = node.y + node.height / 2;
  const dx = other.x + other.width / 2 - cx;
  const dy = other.y + other.height / 2 - cy;
  // Compare slopes against the node's own aspect ratio, so wide cards prefer their long sides.
  if (Math.abs(dx) * node.height >= Math.abs(dy) * node.width) {
    return dx >= 0 ? { x: node.x + node.width, y: cy, position: Position.Right } : { x: node.x, y: cy, position: Position.Left };
  }
  return dy >= 0 ? { x: cx, y: node.y + node.height, position: Position.Bottom } : { x: cx, y: node.y, position: Position.Top };
}

const DIRECTION: Record<Position, { x: number; y: number }> = {
  [Position.Left]: { x: -1, y: 0 },
  [Position.Right]: { x: 1, y: 0 },
  [Position.Top]: { x: 0, y: -1 },
  [Position.Bottom]: { x: 0, y: 1 },
};

/**
 * A cubic curve leaving `from` and arriving at `to` square to their sides, with its label a third
 * of the way along: near the source, usually in the open space between the two nodes rather than
 * over the container headers the middle of a long edge tends to cross.
 */
export function ruleCurve(from: Anchor, to: Anchor, labelAt = 0.32): { path: string; labelX: number; labelY: number } {
  const distance = Math.hypot(to.x - from.x, to.y - from.y);
  const reach = Math.max(30, distance * 0.35);
  const a = DIRECTION[from.position];
  const b = DIRECTION[to.position];
  const c1 = { x: from.x + a.x * reach, y: from.y + a.y * reach };
  const c2 = { x: to.x + b.x * reach, y: to.y + b.y * reach };
  const t = labelAt;
  const u = 1 - t;
  const at = (p0: number, p1: number, p2: number, p3: number) => u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
  return {
    path: `M ${from.x},${from.y} C ${c1.x},${c1.y} ${c2.x},${c2.y} ${to.x},${to.y}`,
    labelX: at(from.x, c1.x, c2.x, to.x),
    labelY: at(from.y, c1.y, c2.y, to.y),
  };
}
