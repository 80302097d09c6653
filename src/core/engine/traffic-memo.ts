/**
 * Union and intersection of traffic sets kept by identity: the same operands give the same
 * object. Exposure's bounds compare by identity (Coverage.covers), and memos keyed on sets
 * (fast-path.ts, the unions of sg-masks.ts) hit more often when equal work yields one object.
 * The rows are WeakMaps: a design's sets go with it.
 */
import type { TrafficSet } from '../net/index.ts';

const withinMemo = new WeakMap<TrafficSet, WeakMap<TrafficSet, TrafficSet>>();
const joinedMemo = new WeakMap<TrafficSet, WeakMap<TrafficSet, TrafficSet>>();

/** a ∩ b, the same object for the same operands. */
export function within(a: TrafficSet, b: TrafficSet): TrafficSet {
  // The trivial cases answer as intersect does, without a memo row (rows are WeakMaps: dear).
  if (b.isAll() || a.isEmpty() || a === b) return a;
  if (a.isAll() || b.isEmpty()) return b;
  return memo2(withinMemo, a, b, () => a.intersect(b));
}

/** a ∪ b, the same object for the same operands. */
export function joined(a: TrafficSet, b: TrafficSet): TrafficSet {
  if (a.isEmpty() || a === b || b.isAll()) return b;
  if (b.isEmpty() || a.isAll()) return a;
  return memo2(joinedMemo, a, b, () => a.union(b));
}

function memo2(memo: WeakMap<TrafficSet, WeakMap<TrafficSet, TrafficSet>>, a: TrafficSet, b: TrafficSet, make: () => TrafficSet): TrafficSet {
  let row = memo.get(a);
  if (!row) memo.set(a, (row = new WeakMap()));
  let hit = row.get(b);
  if (!hit) row.set(b, (hit = make()));
  return hit;
}
