/**
 * A path is a list of checks, each a component that narrows what gets through. Running it gives
 * the verdict, the hops and, for a blocked flow, the explanations.
 *
 * Engine choice for "every other component that would also block": after the first blocker the
 * run goes on as if that component had let through everything that reached it, and lists each
 * later component that then blocks too. So the list reads "fix this, and then this".
 */
import type { Explanation, Hop } from './types.ts';
import type { FlowState } from './flow-traffic.ts';

export interface Check {
  hop: Hop;
  path: 'forward' | 'return';
  /** What gets past this component of what reached it. */
  run(input: FlowState): FlowState;
  /** Why nothing of `input` gets past (only asked when `run` emptied it). */
  explain(input: FlowState): Explanation;
  /** What the component did, for the hop's detail; only asked when a path is reported. */
  detail?(input: FlowState, output: FlowState): string | undefined;
}

export interface ChainResult {
  final: FlowState;
  hops: Hop[];
  explanations: Explanation[];
  /** Index of the first blocking check, or -1 when the flow gets through. */
  blockedAt: number;
}

/** Runs the checks; `firstOnly` stops at the first blocker without explaining it (exposure's fast path). */
export function runChain(checks: readonly Check[], start: FlowState, firstOnly = false): ChainResult {
  let state = start;
  const explanations: Explanation[] = [];
  let blockedAt = -1;
  let final = start;
  const seen: Array<[FlowState, FlowState]> = [];
  for (let i = 0; i < checks.length; i++) {
    const c = checks[i]!;
    const out = c.run(state);
    if (!firstOnly) seen.push([state, out]);
    if (out.traffic.isEmpty()) {
      if (firstOnly) return { final: out, hops: [], explanations: [], blockedAt: i };
      explanations.push(c.explain(state));
      if (blockedAt < 0) {
        blockedAt = i;
        final = out;
      }
      continue; // as if fixed: later checks see what reached this one
    }
    state = out;
  }
  if (blockedAt < 0) final = state;
  if (firstOnly) return { final, hops: [], explanations, blockedAt };
  const hops: Hop[] = [];
  const replyBlocked = blockedAt >= 0 && checks[blockedAt]!.path === 'return';
  for (let i = 0; i < checks.length; i++) {
    const c = checks[i]!;
    if (blockedAt >= 0 && i > blockedAt) break;
    // The reply's components join the path only when one of them is what blocks.
    if (c.path === 'return' && !replyBlocked) continue;
    const [input, output] = seen[i]!;
    const detail = c.detail && !output.traffic.isEmpty() ? c.detail(input, output) : undefined;
    hops.push(detail ? { ...c.hop, detail } : c.hop);
  }
  return { final, hops, explanations, blockedAt };
}
