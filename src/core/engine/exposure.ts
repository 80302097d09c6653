/**
 * exposure(): everything a source can reach, directly and in chains (network-semantics.md §4-5).
 * Engine choices:
 * - a load balancer reached on a listener forwards to the registered targets of that listener's
 *   target group on their target port (when the balancer itself reaches them);
 * - an instance or instance group that is reached at all counts as taken over: it can open
 *   whatever its own groups allow (bastion -> app, app -> database); databases and load
 *   balancers are not general-purpose initiators; Lambda cannot be reached;
 * - a chain carries the source addresses of its first hop (bastion 22 only from 198.51.100.7/32).
 *   A host reached along several chains is followed once, with the union of their sources, and
 *   its chain is the first one found (breadth first);
 * - direct entries are one per distinct (traffic, sources); any entry is left out when earlier
 *   entries for its resource, from sources that include its sources, already cover its traffic;
 * - `flow` filters what is reported at the end of a chain, not the hops that lead there.
 */
import { PortSet, PROTOCOL_TCP, TrafficSet } from '../net/index.ts';
import type { Design, Listener } from '../model/types.ts';
import type { ChainHop, Endpoint, ExposureEntry, ExposureOptions, ExposureResult } from './types.ts';
import type { CompiledDesign, ResourceInfo } from './compiled.ts';
import { compile } from './compile.ts';
import { askedTraffic } from './flow-traffic.ts';
import { resolveEnd } from './endpoints.ts';
import { externalGrants, pairGrant, resourceGrant, type Grant } from './grants.ts';
import { peerMatch, possibleTargetBits, possibleTargets } from './peer-index.ts';
import { mayOpen } from './exposure-open-rules.ts';
import { setBit } from './bitset.ts';
import { subnetCap } from './exposure-caps.ts';
import { Coverage, SourcePool, type Sources } from './exposure-coverage.ts';
import { hop, toEntry } from './exposure-entries.ts';
import { sweepReports, type BalancerEdge } from './exposure-report.ts';

/** Something that can carry a chain further: a taken-over host, or a load balancer's listener. */
interface Node {
  res: ResourceInfo;
  listener?: Listener;
  sources: Sources;
  /** Whether any sources have reached it yet. */
  seen: boolean;
  /** How it was first reached: from the source directly, or from another node. */
  from?: { node: Node; traffic: TrafficSet; via?: string };
  direct?: { traffic: TrafficSet; via?: string };
  queued: boolean;
}

/** Every resource the source can reach, with what traffic, from which addresses, and how. */
export function exposure(design: Design, source: Endpoint, options: ExposureOptions = {}): ExposureResult {
  const ix = compile(design);
  const filter = options.flow ? askedTraffic(options.flow) : TrafficSet.all();
  const src = resolveEnd(ix, source);
  const sourceId = source.kind === 'resource' ? source.resourceId : source.kind === 'internet' ? 'internet' : source.externalNetworkId;
  const result: ExposureResult = { source: sourceId, entries: [] };
  if (src.kind !== 'resource' && src.kind !== 'external') return result;
  const origin = src.kind === 'resource' ? src.res : undefined;

  const full: Sources = src.kind === 'external' ? src.sets : undefined;
  const pool = new SourcePool();
  const coverage = new Coverage(ix, pool);
  /** The entry for what `sources` reach `res` with, unless earlier entries hold it or `flow` filters it all out. */
  const admit = (res: ResourceInfo, traffic: TrafficSet, sources: Sources, chain: () => ChainHop[]): ExposureEntry | undefined => {
    if (!coverage.add(res, sources, traffic)) return undefined;
    const shown = filter.isAll() ? traffic : traffic.intersect(filter);
    return shown.isEmpty() ? undefined : toEntry(res, shown, sources, chain(), full);
  };
  const offer = (res: ResourceInfo, traffic: TrafficSet, sources: Sources, chain: () => ChainHop[]) => {
    const entry = admit(res, traffic, sources, chain);
    if (entry) result.entries.push(entry);
  };

  // Hosts are keyed by their resource, listeners by the listener.
  const nodes = new Map<object, Node>();
  const order: Node[] = [];
  const work: Node[] = [];
  /** Whether `sources` reaching the node would change it (reachNode does nothing otherwise). */
  const grows = (n: Node | undefined, sources: Sources) => !n || !n.seen || (n.sources !== undefined && sources !== undefined && !pool.includes(n.sources, sources));
  const reachNode = (res: ResourceInfo, listener: Listener | undefined, sources: Sources, how: Pick<Node, 'from' | 'direct'>) => {
    let n = nodes.get(listener ?? res);
    if (!n) {
      n = { res, sources: undefined, seen: false, queued: false, ...(listener ? { listener } : {}), ...how };
      nodes.set(listener ?? res, n);
      order.push(n);
    }
    if (!grows(n, sources)) return;
    n.sources = pool.intern(!n.seen || sources === undefined || n.sources === undefined ? sources : { 4: n.sources[4].union(sources[4]), 6: n.sources[6].union(sources[6]) });
    n.seen = true;
    grew(res);
    if (!n.queued) {
      n.queued = true;
      work.push(n);
    }
  };
  /** The nodes a resource reached with `traffic` leads to. */
  const follow = (res: ResourceInfo, traffic: TrafficSet, sources: Sources, how: (l?: Listener) => Pick<Node, 'from' | 'direct'>) => {
    const r = res.resource;
    if (r.kind === 'instance' || r.kind === 'instance-group') reachNode(res, undefined, sources, how());
    else if (r.kind === 'load-balancer') for (const l of r.listeners) if (traffic.containsPacket(PROTOCOL_TCP, l.port)) reachNode(res, l, sources, how(l));
  };
  /** Whether following `res` from `sources` could change any node. */
  const mayGrow = (res: ResourceInfo, sources: Sources) => {
    const r = res.resource;
    if (r.kind === 'instance' || r.kind === 'instance-group') return grows(nodes.get(res), sources);
    return r.kind === 'load-balancer' && r.listeners.some((l) => grows(nodes.get(l), sources));
  };

  // Per source set that a node carried on: bits of the resources it can no longer grow (mayGrow
  // false), kept up to date as nodes grow, so a host's loop only visits the others.
  const settled = new Map<Sources, Uint32Array>();
  const words = (ix.resources.size + 31) >>> 5;
  const settledFor = (sources: Sources) => {
    let bits = settled.get(sources);
    if (!bits) {
      settled.set(sources, (bits = new Uint32Array(words)));
      for (const res of ix.resources.values()) if (!mayGrow(res, sources)) setBit(bits, res.index);
    }
    return bits;
  };
  /** After a node of `res` grew: whatever set it no longer grows for, it is settled for. */
  function grew(res: ResourceInfo): void {
    for (const [sources, bits] of settled) if (!mayGrow(res, sources)) setBit(bits, res.index);
  }

  const direct = src.kind === 'external' ? [...ix.resources.values()] : possibleTargets(ix, src.res);
  for (const res of direct) {
    if (res.resource.kind === 'lambda' || res === origin) continue;
    const grants: Grant[] = src.kind === 'external' ? externalGrants(ix, src, res, TrafficSet.all()) : [{ traffic: resourceGrant(ix, src.res, res, TrafficSet.all()) }];
    for (const g of grants) {
      if (g.traffic.isEmpty()) continue;
      const sources = pool.intern(g.sources);
      offer(res, g.traffic, sources, () => [hop(sourceId, res, g.traffic)]);
      follow(res, g.traffic, sources, (l) => ({ direct: l ? { traffic: listenerTraffic(l), via: l.id } : { traffic: g.traffic } }));
    }
  }
  if (options.multiHop === false) return result;

  const resources = [...ix.resources.values()];
  const skipped = (n: Node, res: ResourceInfo) => res === n.res || res === origin || res.resource.kind === 'lambda';
  const balancer = new Map<Node, BalancerEdge[]>();
  const balancerOf = (n: Node) => {
    let e = balancer.get(n);
    if (!e) balancer.set(n, (e = balancerEdges(ix, n.res, n.listener!)));
    return e;
  };

  // Sources flow along every edge until nothing grows; then each node reports what it reaches.
  for (let i = 0; i < work.length; i++) {
    const n = work[i]!;
    n.queued = false;
    const along = (to: ResourceInfo, traffic: TrafficSet, via?: string) =>
      follow(to, traffic, n.sources, (l) => ({ from: { node: n, traffic: l ? listenerTraffic(l) : traffic, ...(l ? { via: l.id } : via ? { via } : {}) } }));
    if (n.listener) {
      for (const e of balancerOf(n)) if (e.to !== origin) along(e.to, e.traffic, e.via);
      continue;
    }
    // What the host may open toward (peer-index.ts), in design order, less what cannot grow.
    const peer = peerMatch(ix, n.res);
    const targets = possibleTargetBits(ix, n.res);
    const done = settledFor(n.sources);
    for (let w = 0; w < targets.length; w++) {
      for (let word = targets[w]! & ~done[w]!; word !== 0; word &= word - 1) {
        const res = resources[(w << 5) + 31 - Math.clz32(word & -word)]!;
        if (skipped(n, res) || !mayGrow(res, n.sources)) continue;
        // Cheap first: an ingress rule that matches the host and keeps something within the subnet cap.
        if (!mayOpen(ix, res, peer, subnetCap(ix, n.res, res))) continue;
        const traffic = pairGrant(ix, n.res, res);
        if (!traffic.isEmpty()) along(res, traffic);
      }
    }
  }
  // Then each node reports what it reaches (exposure-report.ts). A pair is evaluated only while an
  // ingress rule of the resource that may match the host is open, within their subnet cap
  // (exposure-open-rules.ts, exposure-caps.ts), so results are those of evaluating all.
  const ancestors: Array<ResourceInfo[] | undefined> = [];
  // A node's chain is the same for all it reports: its hops are shared, each entry adds its last.
  const chains: Array<ChainHop[] | undefined> = [];
  const reported = sweepReports({
    ix,
    coverage,
    nodes: order,
    origin,
    ancestors: (at) => (ancestors[at] ??= lineage(order[at]!).map((x) => x.res)),
    edges: (at) => balancerOf(order[at]!),
    report: (at, to, traffic, via) => {
      const n = order[at]!;
      return admit(to, traffic, n.sources, () => [...(chains[at] ??= chainOf(n, sourceId)), hop(n.res.resource.id, to, traffic, via)]);
    },
  });
  for (const entry of reported) result.entries.push(entry);
  return result;
}

function listenerTraffic(l: Listener): TrafficSet {
  return TrafficSet.fromProtocol(PROTOCOL_TCP, PortSet.fromRange(l.port, l.port));
}

/** The node and the nodes it was first reached through, nearest first. */
function lineage(n: Node): Node[] {
  const out: Node[] = [];
  for (let x: Node | undefined = n; x && !out.includes(x); x = x.from?.node) out.push(x);
  return out;
}

function chainOf(n: Node, sourceId: string): ChainHop[] {
  const path = lineage(n).reverse();
  return path.map((x) =>
    x.from ? hop(x.from.node.res.resource.id, x.res, x.from.traffic, x.from.via) : hop(sourceId, x.res, x.direct?.traffic ?? TrafficSet.empty(), x.direct?.via),
  );
}

/** A listener reached: the balancer's own connections to the listener's targets on their target port. */
function balancerEdges(ix: CompiledDesign, lb: ResourceInfo, l: Listener): BalancerEdge[] {
  const r = lb.resource;
  if (r.kind !== 'load-balancer') return [];
  const tg = r.targetGroups.find((t) => t.id === l.targetGroupId);
  const out: BalancerEdge[] = [];
  for (const t of tg?.targets ?? []) {
    const target = ix.resources.get(t.resourceId);
    if (!target) continue;
    const port = t.port ?? tg!.port;
    const traffic = resourceGrant(ix, lb, target, TrafficSet.fromProtocol(PROTOCOL_TCP, PortSet.fromRange(port, port)));
    if (!traffic.isEmpty()) out.push({ to: target, traffic, via: tg!.id });
  }
  return out;
}
