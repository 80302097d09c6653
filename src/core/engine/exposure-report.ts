/**
 * Exposure's second phase: what every followed node reports (a taken-over host: what it can open
 * toward each resource; a reached listener: the balancer's connections to its targets).
 *
 * What a resource is told depends only on the reports made to it before (Coverage keeps them per
 * resource), so the sweep goes resource by resource instead of host by host, and visits only the
 * hosts that could still add something: those an open ingress rule of the resource matches
 * (Coverage.openFor, within the hosts' subnet cap: exposure-caps.ts), found as bit sets over the
 * nodes, one per rule. The checks of each visited pair are those the host-by-host loop makes, in
 * the same order per resource; the reports are then put back in the order that loop makes them
 * (by node, then by resource in design order or by balancer edge), so the answer is the same.
 * On a dense design this visits a few thousand of some 200,000 (host, resource) pairs.
 */
import type { TrafficSet } from '../net/index.ts';
import type { Listener } from '../model/types.ts';
import type { CompiledDesign, ResourceInfo } from './compiled.ts';
import type { ExposureEntry } from './types.ts';
import { type Coverage, type Sources } from './exposure-coverage.ts';
import { pairGrant } from './grants.ts';
import { capSide, subnetCap } from './exposure-caps.ts';
import { ingressRules, type OpenRule } from './exposure-open-rules.ts';
import { peerMatch, type PeerMatch } from './peer-index.ts';
import { nextBit, orInto, setBit } from './bitset.ts';

/** A node as the sweep needs it: what it is and with which sources it was reached. */
export interface ReportNode {
  res: ResourceInfo;
  listener?: Listener;
  sources: Sources;
}

export interface BalancerEdge {
  to: ResourceInfo;
  traffic: TrafficSet;
  via?: string;
}

export interface Sweep {
  ix: CompiledDesign;
  coverage: Coverage;
  /** The followed nodes, in the order they were first reached. */
  nodes: readonly ReportNode[];
  /** The resource the source is, if it is one: never reported. */
  origin: ResourceInfo | undefined;
  /** The resources of the node's chain, the node's own included. */
  ancestors: (at: number) => readonly ResourceInfo[];
  /** A listener node's balancer connections. */
  edges: (at: number) => readonly BalancerEdge[];
  /** The entry a report makes, or undefined when earlier reports already hold it (Coverage.add). */
  report: (at: number, to: ResourceInfo, traffic: TrafficSet, via?: string) => ExposureEntry | undefined;
}

interface Pending {
  at: number;
  /** Position within the node: the resource's index, or the balancer edge's. */
  sub: number;
  entry: ExposureEntry;
}

/** Hosts with the same sources and subnet side: one open rule list and one cap per resource. */
interface HostClass {
  sources: Sources;
  /** Any of its hosts: they share every subnet cap. */
  host: ResourceInfo;
  members: Uint32Array;
}

/** Toward resources of one subnet side, the classes with the same sources and the same cap, merged. */
interface CapGroup {
  sources: Sources;
  cap: TrafficSet;
  members: Uint32Array;
}

/** The entries the nodes report, in node order. */
export function sweepReports(s: Sweep): ExposureEntry[] {
  const { ix, coverage, nodes, origin } = s;
  const words = (nodes.length + 31) >>> 5;
  const look: Array<PeerMatch | undefined> = [];
  /** Per rule number, the hosts (node positions) it may match. */
  const ruleHosts: Array<Uint32Array | undefined> = [];
  const classes: HostClass[] = [];
  const classKeys = new Map<Sources, Map<number, HostClass>>();
  /** Per resource index, the balancer edges toward it, in node order. */
  const events: Array<Array<{ at: number; sub: number; edge: BalancerEdge }> | undefined> = [];

  for (let at = 0; at < nodes.length; at++) {
    const n = nodes[at]!;
    if (n.listener) {
      s.edges(at).forEach((edge, sub) => (events[edge.to.index] ??= []).push({ at, sub, edge }));
      continue;
    }
    const peer = peerMatch(ix, n.res);
    look[at] = peer;
    for (let w = 0; w < peer.rules.length; w++) {
      for (let word = peer.rules[w]!; word !== 0; word &= word - 1) {
        const r = (w << 5) + 31 - Math.clz32(word & -word);
        setBit((ruleHosts[r] ??= new Uint32Array(words)), at);
      }
    }
    let bySide = classKeys.get(n.sources);
    if (!bySide) classKeys.set(n.sources, (bySide = new Map()));
    const side = capSide(ix, n.res);
    let c = bySide.get(side);
    if (!c) {
      bySide.set(side, (c = { sources: n.sources, host: n.res, members: new Uint32Array(words) }));
      classes.push(c);
    }
    setBit(c.members, at);
  }

  const pending: Pending[] = [];
  const candidates = new Uint32Array(words);
  const groupsBySide = new Map<number, CapGroup[]>();
  // open()'s bits per distinct rule list, reused across calls.
  const lists: Array<readonly OpenRule[]> = [];
  const listBits: Uint32Array[] = [];
  for (const t of ix.resources.values()) {
    const edges = events[t.index];
    const rules = ingressRules(ix, t);
    if (!edges && rules.length === 0) continue;
    let seen = -1;
    let cursor = 0;
    let e = 0;
    let misses = 0;
    for (;;) {
      // Reports only close rules, so candidates found before a report still hold every host that
      // could add (mayAdd checks each): they are worked out again only once they keep missing.
      const version = coverage.changes(t);
      if (version !== seen && (seen < 0 || misses >= STALE_MISSES)) {
        seen = version;
        misses = 0;
        open(t);
      }
      const host = nextBit(candidates, cursor, nodes.length);
      const edge = edges?.[e];
      if (edge && edge.at < host) {
        e++;
        // No host before the listener is left: the next candidate is after it.
        cursor = Math.max(cursor, edge.at + 1);
        const n = nodes[edge.at]!;
        if (t === origin || s.ancestors(edge.at).includes(t) || coverage.saturated(t, n.sources)) continue;
        const entry = s.report(edge.at, t, edge.edge.traffic, edge.edge.via);
        if (entry) pending.push({ at: edge.at, sub: edge.sub, entry });
        continue;
      }
      if (host >= nodes.length) break;
      cursor = host + 1;
      const n = nodes[host]!;
      // The checks of the host-by-host loop, in its order (exposure.ts).
      if (t === n.res || t === origin || t.resource.kind === 'lambda' || s.ancestors(host).includes(t)) continue;
      if (!coverage.mayAdd(t, n.sources, look[host]!, () => subnetCap(ix, n.res, t))) {
        misses++;
        continue;
      }
      const traffic = pairGrant(ix, n.res, t);
      if (traffic.isEmpty()) continue;
      const entry = s.report(host, t, traffic);
      if (entry) pending.push({ at: host, sub: t.index, entry });
    }
  }
  pending.sort((a, b) => a.at - b.at || a.sub - b.sub);
  return pending.map((p) => p.entry);

  /** Into `candidates`: the hosts an open rule of `t` matches, group by group: those mayAdd would not turn down now. */
  function open(t: ResourceInfo): void {
    candidates.fill(0);
    lists.length = 0;
    for (const g of groupsFor(t)) {
      const rules = coverage.openFor(t, g.sources, () => g.cap);
      if (rules.length === 0) continue;
      // Groups often share a list (the same cap, or none): OR its rules once.
      let k = lists.indexOf(rules);
      if (k < 0) {
        k = lists.length;
        lists.push(rules);
        orRules(rules, (listBits[k] ??= new Uint32Array(words)));
      }
      const bits = listBits[k]!;
      for (let w = 0; w < words; w++) candidates[w]! |= bits[w]! & g.members[w]!;
    }
  }

  function orRules(rules: readonly OpenRule[], out: Uint32Array): void {
    out.fill(0);
    for (const r of rules) {
      const hosts = ruleHosts[r.number];
      if (hosts) orInto(out, hosts);
    }
  }

  /** The host classes merged by cap toward resources of `t`'s subnet side (caps depend on the sides only). */
  function groupsFor(t: ResourceInfo): CapGroup[] {
    const side = capSide(ix, t);
    let groups = groupsBySide.get(side);
    if (!groups) {
      groups = [];
      for (const c of classes) {
        const cap = subnetCap(ix, c.host, t);
        let g = groups.find((x) => x.sources === c.sources && x.cap === cap);
        if (!g) groups.push((g = { sources: c.sources, cap, members: new Uint32Array(words) }));
        for (let w = 0; w < words; w++) g.members[w]! |= c.members[w]!;
      }
      groupsBySide.set(side, groups);
    }
    return groups;
  }
}

/** Visits turned down by mayAdd before stale candidates are worked out again (either costs about as much). */
const STALE_MISSES = 4;

