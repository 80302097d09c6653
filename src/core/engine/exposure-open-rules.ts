/**
 * An upper bound for exposure's (host, resource) pairs, rule by rule. Whatever a
 * host opens toward a resource passes one of the resource's ingress rules that matches the host
 * as the resource sees it (peer-index.ts: a reference to one of its groups, or a CIDR holding an
 * address it can be seen from). So once what has been reported to the resource holds the traffic
 * of every such rule, the pair adds nothing, and its grant (grants.ts: routes, ACLs and replies
 * of every interface pair) need not be worked out. On a dense design most pairs end there.
 */
import type { TrafficSet } from '../net/index.ts';
import type { CompiledDesign, ResourceInfo, RuleInfo } from './compiled.ts';
import { destinationAllows } from './preconditions.ts';
import { intersect } from './sg-eval.ts';
import { matchesRule, ruleNumber, type PeerMatch } from './peer-index.ts';
import { within } from './traffic-memo.ts';

/** One ingress rule of a resource, with what it admits there. */
export interface OpenRule {
  /** Its number in peer-index.ts (whose PeerMatch says which rules may match a host). */
  number: number;
  /** The rule's traffic within what the resource accepts at all (a load balancer: its listeners). */
  traffic: TrafficSet;
}

/** The resource's ingress rules that can admit anything, once each (interfaces may share groups). */
export function ingressRules(ix: CompiledDesign, res: ResourceInfo): readonly OpenRule[] {
  let memo = ix.memo.get('ingress-rules') as Map<ResourceInfo, OpenRule[]> | undefined;
  if (!memo) ix.memo.set('ingress-rules', (memo = new Map()));
  let hit = memo.get(res);
  if (hit) return hit;
  hit = [];
  const allows = destinationAllows(res);
  const seen = new Set<RuleInfo>();
  for (const e of res.enis) {
    for (const g of e.groups) {
      for (const rule of g.ingress) {
        if (seen.has(rule)) continue;
        seen.add(rule);
        // Rules that admit no one (no traffic; a stale, cross-Region or unknown reference) have no number.
        const number = ruleNumber(ix, rule);
        const traffic = intersect(rule.traffic, allows);
        if (number >= 0 && !traffic.isEmpty()) hit.push({ number, traffic });
      }
    }
  }
  memo.set(res, hit);
  return hit;
}

/** The resource's ingress rules that keep some traffic within `cap` (exposure-caps.ts): a fact of the design, memoised on it. */
export function cappedRules(ix: CompiledDesign, res: ResourceInfo, cap: TrafficSet): readonly OpenRule[] {
  let memo = ix.memo.get('capped-rules') as Map<TrafficSet, Array<readonly OpenRule[] | undefined>> | undefined;
  if (!memo) ix.memo.set('capped-rules', (memo = new Map()));
  let byCap = memo.get(cap);
  if (!byCap) memo.set(cap, (byCap = []));
  return (byCap[res.index] ??= cap.isAll() ? ingressRules(ix, res) : keep(ingressRules(ix, res), (r) => !within(r.traffic, cap).isEmpty()));
}

/** The rules that pass, or the list itself when all do: fewer arrays, and equal lists stay one object (exposure-report.ts ORs each list's hosts once). */
export function keep<T>(list: readonly T[], pass: (x: T) => boolean): readonly T[] {
  const first = list.findIndex((x) => !pass(x));
  if (first < 0) return list;
  const out = list.slice(0, first);
  for (let i = first + 1; i < list.length; i++) if (pass(list[i]!)) out.push(list[i]!);
  return out;
}

/** Whether a host that `peer` describes could open anything at all toward `res` under `cap`: some capped rule matches it. */
export function mayOpen(ix: CompiledDesign, res: ResourceInfo, peer: PeerMatch, cap: TrafficSet): boolean {
  for (const r of cappedRules(ix, res, cap)) if (matchesRule(peer, r.number)) return true;
  return false;
}
