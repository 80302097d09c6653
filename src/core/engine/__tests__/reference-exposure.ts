/**
 * The exposure algorithm as first written, kept as the slow reference exposure.ts must agree with:
 * it evaluates every (host, resource) pair in full, with no bounds and no skipping. Only the
 * algorithm lives here; pair grants come from grants.ts, which fast-path.test.ts checks against reach().
 */
import { AddressSet, PortSet, PROTOCOL_TCP, TrafficSet, type IpFamily } from '../../net/index.ts';
import type { Design, Listener } from '../../model/types.ts';
import type { ChainHop, Endpoint, ExposureEntry, ExposureOptions, ExposureResult } from '../types.ts';
import type { CompiledDesign, ResourceInfo } from '../compiled.ts';
import { compile } from '../compile.ts';
import { askedTraffic } from '../flow-traffic.ts';
import { resolveEnd } from '../endpoints.ts';
import { externalGrants, pairGrant, resourceGrant, trafficRanges, type Grant } from '../grants.ts';
import { possibleTargets } from '../peer-index.ts';
import { destinationAllows } from '../preconditions.ts';

/** Source addresses per family; undefined when the source is a resource (no address restriction). */
type Sources = Record<IpFamily, AddressSet> | undefined;

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

interface Edge {
  to: ResourceInfo;
  traffic: TrafficSet;
  via?: string;
}

/** Every resource the source can reach, with what traffic, from which addresses, and how. */
export function referenceExposure(design: Design, source: Endpoint, options: ExposureOptions = {}): ExposureResult {
  const ix = compile(design);
  const filter = options.flow ? askedTraffic(options.flow) : TrafficSet.all();
  const src = resolveEnd(ix, source);
  const sourceId = source.kind === 'resource' ? source.resourceId : source.kind === 'internet' ? 'internet' : source.externalNetworkId;
  const result: ExposureResult = { source: sourceId, entries: [] };
  if (src.kind !== 'resource' && src.kind !== 'external') return result;
  const origin = src.kind === 'resource' ? src.res : undefined;

  const full: Sources = src.kind === 'external' ? src.sets : undefined;
  const coverage = new Coverage(ix);
  const offer = (res: ResourceInfo, traffic: TrafficSet, sources: Sources, chain: () => ChainHop[]) => {
    if (!coverage.add(res, sources, traffic)) return;
    const shown = traffic.intersect(filter);
    if (!shown.isEmpty()) result.entries.push(toEntry(res, shown, sources, chain(), full));
  };

  const nodes = new Map<string, Node>();
  const order: Node[] = [];
  const work: Node[] = [];
  const reachNode = (res: ResourceInfo, listener: Listener | undefined, sources: Sources, how: Pick<Node, 'from' | 'direct'>) => {
    const key = listener ? `${res.resource.id}#${listener.id}` : res.resource.id;
    let n = nodes.get(key);
    if (!n) {
      n = { res, sources: undefined, seen: false, queued: false, ...(listener ? { listener } : {}), ...how };
      nodes.set(key, n);
      order.push(n);
    }
    const grown = !n.seen ? true : n.sources !== undefined && sources !== undefined && !sourcesCover(n.sources, sources);
    if (!grown) return;
    n.sources = !n.seen || sources === undefined || n.sources === undefined ? sources : { 4: n.sources[4].union(sources[4]), 6: n.sources[6].union(sources[6]) };
    n.seen = true;
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

  const direct = src.kind === 'external' ? [...ix.resources.values()] : possibleTargets(ix, src.res);
  for (const res of direct) {
    if (res.resource.kind === 'lambda' || res === origin) continue;
    const grants: Grant[] = src.kind === 'external' ? externalGrants(ix, src, res, TrafficSet.all()) : [{ traffic: resourceGrant(ix, src.res, res, TrafficSet.all()) }];
    for (const g of grants) {
      if (g.traffic.isEmpty()) continue;
      offer(res, g.traffic, g.sources, () => [hop(sourceId, res, g.traffic)]);
      follow(res, g.traffic, g.sources, (l) => ({ direct: l ? { traffic: listenerTraffic(l), via: l.id } : { traffic: g.traffic } }));
    }
  }
  if (options.multiHop === false) return result;

  // Sources flow along every edge until nothing grows; then each node reports what it reaches.
  const edges = new Map<Node, Edge[]>();
  const edgesOf = (n: Node): Edge[] => {
    let e = edges.get(n);
    if (!e) edges.set(n, (e = n.listener ? balancerEdges(ix, n.res, n.listener) : hostEdges(ix, n.res, origin)));
    return e;
  };
  for (let i = 0; i < work.length; i++) {
    const n = work[i]!;
    n.queued = false;
    for (const e of edgesOf(n)) if (e.to !== origin) follow(e.to, e.traffic, n.sources, (l) => ({ from: { node: n, traffic: l ? listenerTraffic(l) : e.traffic, ...(l ? { via: l.id } : e.via ? { via: e.via } : {}) } }));
  }
  for (const n of order) {
    const ancestors = lineage(n).map((x) => x.res);
    for (const e of edgesOf(n)) {
      if (e.to === origin || ancestors.includes(e.to) || coverage.saturated(e.to, n.sources)) continue;
      offer(e.to, e.traffic, n.sources, () => [...chainOf(n, sourceId), hop(n.res.resource.id, e.to, e.traffic, e.via)]);
    }
  }
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

/** A taken-over host opens whatever its groups allow toward every resource that could admit it. */
function hostEdges(ix: CompiledDesign, host: ResourceInfo, origin: ResourceInfo | undefined): Edge[] {
  const out: Edge[] = [];
  for (const res of possibleTargets(ix, host)) {
    if (res === host || res === origin || res.resource.kind === 'lambda') continue;
    const traffic = pairGrant(ix, host, res);
    if (!traffic.isEmpty()) out.push({ to: res, traffic });
  }
  return out;
}

/** A listener reached: the balancer's own connections to the listener's targets on their target port. */
function balancerEdges(ix: CompiledDesign, lb: ResourceInfo, l: Listener): Edge[] {
  const r = lb.resource;
  if (r.kind !== 'load-balancer') return [];
  const tg = r.targetGroups.find((t) => t.id === l.targetGroupId);
  const out: Edge[] = [];
  for (const t of tg?.targets ?? []) {
    const target = ix.resources.get(t.resourceId);
    if (!target) continue;
    const port = t.port ?? tg!.port;
    const traffic = resourceGrant(ix, lb, target, TrafficSet.fromProtocol(PROTOCOL_TCP, PortSet.fromRange(port, port)));
    if (!traffic.isEmpty()) out.push({ to: target, traffic, via: tg!.id });
  }
  return out;
}

function hop(from: string, to: ResourceInfo, traffic: TrafficSet, via?: string): ChainHop {
  const r = to.resource;
  let v = via;
  if (v === undefined && r.kind === 'load-balancer') {
    const hit = r.listeners.filter((l) => traffic.containsPacket(PROTOCOL_TCP, l.port));
    if (hit.length > 0) v = hit.map((l) => l.id).join(',');
  }
  return { from, to: r.id, traffic: traffic.describe(), ...(v ? { via: v } : {}) };
}

function sourcesCover(a: Sources, b: Sources): boolean {
  if (a === b || a === undefined) return true;
  if (b === undefined) return false;
  return a[4].containsSet(b[4]) && a[6].containsSet(b[6]);
}

/** Everything a resource could ever admit: its groups' ingress rules, within what the resource accepts. */
function capacity(ix: CompiledDesign, res: ResourceInfo): TrafficSet {
  let memo = ix.memo.get('capacity') as Map<ResourceInfo, TrafficSet> | undefined;
  if (!memo) ix.memo.set('capacity', (memo = new Map()));
  let cap = memo.get(res);
  if (!cap) {
    cap = TrafficSet.empty();
    for (const e of res.enis) for (const g of e.groups) for (const r of g.ingress) cap = cap.union(r.traffic);
    cap = cap.intersect(destinationAllows(res));
    memo.set(res, cap);
  }
  return cap;
}

/** What has been reported per resource, by source set. */
class Coverage {
  private readonly byResource = new Map<ResourceInfo, Array<{ sources: Sources; traffic: TrafficSet; full: boolean }>>();
  constructor(private readonly ix: CompiledDesign) {}

  /** Records traffic from sources; false when reports from sources that include them already cover it. */
  add(res: ResourceInfo, sources: Sources, traffic: TrafficSet): boolean {
    const list = this.byResource.get(res) ?? [];
    let same: (typeof list)[number] | undefined;
    let known = TrafficSet.empty();
    for (const c of list) {
      if (c.sources === sources) same = c;
      if (!sourcesCover(c.sources, sources)) continue;
      if (c.traffic.containsSet(traffic)) return false;
      known = known.isEmpty() ? c.traffic : known.union(c.traffic);
    }
    if (!known.isEmpty() && known.containsSet(traffic)) return false;
    same ??= list.find((c) => sourcesCover(c.sources, sources) && sourcesCover(sources, c.sources));
    const cap = capacity(this.ix, res);
    if (same) {
      same.traffic = same.traffic.union(traffic);
      same.full = same.traffic.containsSet(cap);
    } else list.push({ sources, traffic, full: traffic.containsSet(cap) });
    this.byResource.set(res, list);
    return true;
  }

  /** Whether reports from sources that include `sources` already hold everything `res` could admit. */
  saturated(res: ResourceInfo, sources: Sources): boolean {
    for (const c of this.byResource.get(res) ?? []) if (c.full && sourcesCover(c.sources, sources)) return true;
    return false;
  }
}

const cidrTexts = new WeakMap<object, string[]>();

/** Source sets are shared by every entry of a node: convert each to CIDRs once. */
function sourceCidrs(s: NonNullable<Sources>): string[] {
  let hit = cidrTexts.get(s);
  if (!hit) cidrTexts.set(s, (hit = [...s[4].toCidrs(), ...s[6].toCidrs()].map((c) => c.text)));
  return hit;
}

function toEntry(res: ResourceInfo, shown: TrafficSet, s: Sources, chain: ChainHop[], full: Sources): ExposureEntry {
  const entry: ExposureEntry = {
    resourceId: res.resource.id,
    resourceName: res.resource.name,
    traffic: shown.describe(),
    ranges: trafficRanges(shown),
    chain,
  };
  if (s && full) {
    const restricted = ([4, 6] as const).some((f) => !s[f].isEmpty() && !s[f].equals(full[f]));
    if (restricted) entry.sources = [...sourceCidrs(s)];
  }
  return entry;
}
