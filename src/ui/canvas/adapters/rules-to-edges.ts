/**
 * Edges from connections (src/ui/placement/connections.ts): one per connection and node pair,
 * drawn between the groups' members. A connection with many pairs is bundled into one edge per
 * target, from the first source, labelled with how many sources it stands for, so a 30-member
 * group does not draw 30 lines into each target.
 */
import type { Design } from '../../../core/model/index.ts';
import { connectionPairs, connections } from '../../placement/connections.ts';

/** Past this many pairs, a connection is drawn bundled. */
export const BUNDLE_AT = 5;

export interface RuleEdge {
  id: string;
  source: string;
  target: string;
  /** `tcp 5432`; bundled edges add `· 12 sources`. */
  label: string;
  /** The groups this edge's rules belong to (to highlight with a selected group). */
  groupIds: string[];
  /** The connection it draws (to select its rules). */
  connection: string;
  /** 0 for the first connection between a node pair, 1 for the next…: labels step aside. */
  lane: number;
  /** One label per connection (on its first edge): a label on every member pair is a wall of text. */
  labelled: boolean;
}

export function ruleEdges(d: Design): RuleEdge[] {
  const out: RuleEdge[] = [];
  const lanes = new Map<string, number>();
  for (const c of connections(d)) {
    const pairs = connectionPairs(c);
    const bundled = pairs.length > BUNDLE_AT && c.sources.length > 1;
    const drawn = bundled ? c.targets.filter((t) => t !== c.sources[0]).map((t): [string, string] => [c.sources[0]!, t]) : pairs;
    const groupIds = c.sourceGroupId ? [c.targetGroupId, c.sourceGroupId] : [c.targetGroupId];
    const label = bundled ? `${c.label} · ${c.sources.length} sources` : c.label;
    for (const [i, [source, target]] of drawn.entries()) {
      const pair = source < target ? `${source}|${target}` : `${target}|${source}`;
      const lane = lanes.get(pair) ?? 0;
      lanes.set(pair, lane + 1);
      out.push({ id: `conn:${c.key}:${source}->${target}`, source, target, label, groupIds, connection: c.key, lane, labelled: i === 0 });
    }
  }
  return out;
}
