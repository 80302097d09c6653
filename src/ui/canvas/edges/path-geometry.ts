/**
 * Where a path edge runs: from the middle of the side of one node that faces the other to the
 * facing side of the other, as a gentle curve. Kept apart from the rule edges' geometry so that
 * either can change alone.
 */
import { getBezierPath, Position } from '@xyflow/react';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function facing(node: Rect, other: Rect): { x: number; y: number; position: Position } {
  const cx = node.x + node.width / 2;
  const cy = node.y + node.height / 2;
  const dx = other.x + other.width / 2 - cx;
  const dy = other.y + other.height / 2 - cy;
  if (Math.abs(dx) * node.height >= Math.abs(dy) * node.width) {
    return dx >= 0 ? { x: node.x + node.width, y: cy, position: Position.Right } : { x: node.x, y: cy, position: Position.Left };
  }
  return dy >= 0 ? { x: cx, y: node.y + node.height, position: Position.Bottom } : { x: cx, y: node.y, position: Position.Top };
}

/** The SVG path and the point half way along it, for the label. */
export function pathCurve(from: Rect, to: Rect): { path: string; labelX: number; labelY: number } {
  const a = facing(from, to);
  const b = facing(to, from);
  const [path, labelX, labelY] = getBezierPath({ sourceX: a.x, sourceY: a.y, sourcePosition: a.position, targetX: b.x, targetY: b.y, targetPosition: b.position, curvature: 0.3 });
  return { path, labelX, labelY };
}
