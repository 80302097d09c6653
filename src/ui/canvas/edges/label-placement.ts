/**
 * Where along its curve each connection's label goes. A label a third of the way along a long
 * edge (CorpNet to the database, past the web and app tiers) lands on the cards it passes, hiding
 * their names on a projector. So each label tries a few points of its curve and takes the first
 * that covers no card and no label already placed, else the one that covers least. Computed from
 * the committed layout (on drop, never on a drag frame); while a card is dragged its labels keep
 * their place on the curve.
 */
import { facingSide, ruleCurve, type Box } from './floating.ts';

export interface LabelledEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  lane: number;
}

export interface Obstacle extends Box {
  /** Cards hide names; container headers only their CIDR line, so they weigh less. */
  weight: number;
}

/** The default point: a third of the way, stepped along for a second or third connection between the same pair. */
export const defaultLabelAt = (lane: number) => 0.32 + Math.min(3, lane) * 0.16;

/** Points of the curve to try after the default, nearest the middle first. */
const CANDIDATES = [0.5, 0.42, 0.6, 0.24, 0.7, 0.16, 0.8, 0.86];

/** The label button's size: 13px monospace (about 7.8px a character) plus its padding and ring. */
export function labelBox(label: string, x: number, y: number): Box {
  const width = label.length * 7.8 + 20;
  const height = 24;
  return { x: x - width / 2, y: y - height / 2, width, height };
}

const overlapArea = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * For each edge, the fraction of its curve where its label sits. `boxes` are absolute; an edge
 * whose ends are not both known keeps its default.
 */
export function placeLabels(edges: readonly LabelledEdge[], boxes: ReadonlyMap<string, Box>, obstacles: readonly Obstacle[]): Map<string, number> {
  const out = new Map<string, number>();
  const placed: Box[] = [];
  for (const e of edges) {
    const from = boxes.get(e.source);
    const to = boxes.get(e.target);
    const first = defaultLabelAt(e.lane);
    if (!from || !to) {
      out.set(e.id, first);
      continue;
    }
    const a = facingSide(from, to);
    const b = facingSide(to, from);
    // Only what lies near the edge can be covered: a cheap filter keeps large designs fast.
    const span = { x: Math.min(a.x, b.x) - 200, y: Math.min(a.y, b.y) - 200, width: Math.abs(a.x - b.x) + 400, height: Math.abs(a.y - b.y) + 400 };
    const near = obstacles.filter((o) => overlapArea(o, span) > 0);
    let best = { at: first, cost: Infinity, box: undefined as Box | undefined };
    for (const at of [first, ...CANDIDATES.filter((t) => Math.abs(t - first) > 0.05)]) {
      const p = ruleCurve(a, b, at);
      const box = labelBox(e.label, p.labelX, p.labelY);
      let cost = 0;
      for (const o of near) cost += overlapArea(o, box) * o.weight;
      for (const l of placed) cost += overlapArea(l, box) * 4;
      if (cost < best.cost) best = { at, cost, box };
      if (cost === 0) break;
    }
    out.set(e.id, best.at);
    if (best.box) placed.push(best.box);
  }
  return out;
}
