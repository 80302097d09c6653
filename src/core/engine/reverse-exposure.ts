/**
 * reverseExposure(): the reverse question of exposure(), "who can reach this resource?": the
 * Internet, each external network and each resource that reaches it, on what, and through which
 * chains, with exposure()'s engine choices (network-semantics.md §4-5; exposure.ts): hosts that
 * are reached at all are taken over and open what their groups allow; a load balancer reached on
 * a listener carries on to that listener's registered targets; Lambda functions are never reached.
 *
 * The Internet and external networks are asked with exposure() itself (few of them, and their
 * source addresses matter). Resources are answered backwards, so the cost follows the part of the
 * network that leads to the target rather than the square of the design:
 * 1. walk back from the target over the edges exposure follows, to the carriers (taken-over hosts,
 *    listeners) that lead to it, and note what each carrier's last hop delivers to the target;
 * 2. per carrier, the union of what it delivers through any chain (a fixpoint over that graph);
 * 3. per source: its direct grant, then one entry per carrier met breadth first whose last hop
 *    adds traffic, with the shortest chain that gets there, until the source's union is covered.
 * Per source the union of traffic equals exposure(source)'s for the target; a chain is a shortest
 * one to a last hop that delivers the entry's traffic.
 */
import { PortSet, PROTOCOL_TCP, TrafficSet } from '../net/index.ts';
import type { Design, Listener } from '../model/types.ts';
import type { ChainHop, Endpoint, ExposureEntry, Flow } from './types.ts';
import type { CompiledDesign, ResourceInfo } from './compiled.ts';
import { compile } from './compile.ts';
import { exposure } from './exposure.ts';
import { askedTraffic } from './flow-traffic.ts';
import { pairGrant, resourceGrant, trafficRanges } from './grants.ts';
import { possibleTargets } from './peer-index.ts';

/** One source that reaches the target. */
export interface Reacher {
  source: Endpoint;
  /** 'internet', an external network's id, or a resource's id (the id chains use). */
  sourceId: string;
  sourceName: string;
  sourceKind: 'internet' | 'external' | 'resource';
  /** How it reaches the target: traffic, source addresses (Internet, external) and chain. */
  entries: ExposureEntry[];
}

export interface ReverseExposureResult {
  target: string;
  /** The Internet first, then external networks, then resources, each in design order. */
  reachers: Reacher[];
}

export interface ReverseExposureOptions {
  /** Only report traffic within this flow at the target (hops that lead there are still followed). */
  flow?: Flow;
}

/** Who reaches `target` (a resource id): the Internet, external networks and resources, with chains. */
export function reverseExposure(design: Design, target: string, options: ReverseExposureOptions = {}): ReverseExposureResult {
  const result: ReverseExposureResult = { target, reachers: [] };
  const ix = compile(design);
  const dst = ix.resources.get(target);
  // Nothing connects to a Lambda function (LAMBDA_NO_INBOUND), and exposure never lists one.
  if (!dst || dst.resource.kind === 'lambda') return result;
  const networks = Object.values(design.externalNetworks);
  const external = (source: Endpoint, sourceId: string, sourceName: string, sourceKind: Reacher['sourceKind']) => {
    const entries = exposure(design, source, options.flow ? { flow: options.flow } : {}).entries.filter((e) => e.resourceId === target);
    if (entries.length > 0) result.reachers.push({ source, sourceId, sourceName, sourceKind, entries });
  };
  external({ kind: 'internet' }, 'internet', networks.find((n) => n.kind === 'internet')?.name ?? 'Internet', 'internet');
  for (const n of networks) if (n.kind !== 'internet') external({ kind: 'external', externalNetworkId: n.id }, n.id, n.name, 'external');

  const graph = new Backwards(ix, dst);
  const filter = options.flow ? askedTraffic(options.flow) : TrafficSet.all();
  for (const res of ix.resources.values()) {
    if (!graph.sources.has(res)) continue;
    const entries = graph.entriesFrom(res, filter);
    if (entries.length > 0) {
      const r = res.resource;
      result.reachers.push({ source: { kind: 'resource', resourceId: r.id }, sourceId: r.id, sourceName: r.name, sourceKind: 'resource', entries });
    }
  }
  return result;
}

/** A carrier: a taken-over host, or a load balancer's listener. */
type Carrier = { kind: 'host'; res: ResourceInfo } | { kind: 'listener'; res: ResourceInfo; listener: Listener };

/** An edge exposure follows: from a sender to a carrier, with the hop it makes. */
interface Step {
  to: Carrier;
  hop: ChainHop;
}

const isHost = (r: ResourceInfo) => r.resource.kind === 'instance' || r.resource.kind === 'instance-group';
const tcpPort = (port: number) => TrafficSet.fromProtocol(PROTOCOL_TCP, PortSet.fromRange(port, port));

/** The carriers that lead to one target, built backwards from it. */
class Backwards {
  /** Resources with an edge to the target or to a carrier that leads there. */
  readonly sources = new Set<ResourceInfo>();
  private readonly hosts = new Map<ResourceInfo, Carrier>();
  private readonly listeners = new Map<Listener, Carrier>();
  /** Carriers that lead to the target (a carrier is in here once found). */
  private readonly leads = new Set<Carrier>();
  /** What a carrier's own last hop delivers to the target, and the hop. */
  private readonly last = new Map<Carrier, { traffic: TrafficSet; hop: ChainHop }>();
  /** Everything a carrier delivers to the target through any chain. */
  private readonly delivered = new Map<Carrier, TrafficSet>();
  /** Per carrier, the carriers with a step into it. */
  private readonly before = new Map<Carrier, Set<Carrier>>();
  private readonly sendMemo = new Map<ResourceInfo, Map<ResourceInfo, TrafficSet>>();
  private readonly stepMemo = new Map<ResourceInfo | Carrier, { steps: Step[]; toTarget?: ChainHop & { set: TrafficSet } }>();
  private readonly balancerMemo = new Map<Listener, Array<{ to: ResourceInfo; traffic: TrafficSet; via: string }>>();

  constructor(
    private readonly ix: CompiledDesign,
    private readonly dst: ResourceInfo,
  ) {
    this.walk();
    this.settle();
  }

  private host(res: ResourceInfo): Carrier {
    let c = this.hosts.get(res);
    if (!c) this.hosts.set(res, (c = { kind: 'host', res }));
    return c;
  }

  private listener(res: ResourceInfo, listener: Listener): Carrier {
    let c = this.listeners.get(listener);
    if (!c) this.listeners.set(listener, (c = { kind: 'listener', res, listener }));
    return c;
  }

  /** What a resource opens toward others, in design order (exposure's direct step, and a taken-over host's). */
  private sends(res: ResourceInfo): Map<ResourceInfo, TrafficSet> {
    let hit = this.sendMemo.get(res);
    if (!hit) {
      hit = new Map();
      for (const to of possibleTargets(this.ix, res)) {
        if (to.resource.kind === 'lambda') continue;
        const traffic = pairGrant(this.ix, res, to);
        if (!traffic.isEmpty()) hit.set(to, traffic);
      }
      this.sendMemo.set(res, hit);
    }
    return hit;
  }

  /** A listener reached: the balancer's own connections to its registered targets on their port. */
  private forwards(c: Extract<Carrier, { kind: 'listener' }>): Array<{ to: ResourceInfo; traffic: TrafficSet; via: string }> {
    let hit = this.balancerMemo.get(c.listener);
    if (!hit) {
      hit = [];
      const r = c.res.resource;
      const tg = r.kind === 'load-balancer' ? r.targetGroups.find((t) => t.id === c.listener.targetGroupId) : undefined;
      for (const t of tg?.targets ?? []) {
        const to = this.ix.resources.get(t.resourceId);
        if (!to) continue;
        const traffic = resourceGrant(this.ix, c.res, to, tcpPort(t.port ?? tg!.port));
        if (!traffic.isEmpty()) hit.push({ to, traffic, via: tg!.id });
      }
      this.balancerMemo.set(c.listener, hit);
    }
    return hit;
  }

  /** The carriers a resource reached with `traffic` becomes (exposure's follow()). */
  private carriersOf(to: ResourceInfo, traffic: TrafficSet): Carrier[] {
    if (to === this.dst) return [];
    if (isHost(to)) return [this.host(to)];
    const r = to.resource;
    if (r.kind !== 'load-balancer') return [];
    return r.listeners.filter((l) => traffic.containsPacket(PROTOCOL_TCP, l.port)).map((l) => this.listener(to, l));
  }

  /** The steps out of a sender (a source resource or a taken-over host): to carriers, and to the target. */
  private stepsOfSender(res: ResourceInfo): { steps: Step[]; toTarget?: ChainHop & { set: TrafficSet } } {
    const hit = this.stepMemo.get(res);
    if (hit) return hit;
    const steps: Step[] = [];
    let toTarget: (ChainHop & { set: TrafficSet }) | undefined;
    for (const [to, traffic] of this.sends(res)) {
      if (to === this.dst) toTarget = { ...hopTo(res.resource.id, to, traffic), set: traffic };
      for (const c of this.carriersOf(to, traffic)) {
        steps.push({ to: c, hop: c.kind === 'listener' ? hopTo(res.resource.id, to, tcpPort(c.listener.port), c.listener.id) : hopTo(res.resource.id, to, traffic) });
      }
    }
    const made = toTarget ? { steps, toTarget } : { steps };
    this.stepMemo.set(res, made);
    return made;
  }

  /** The steps out of a carrier. */
  private stepsOf(c: Carrier): { steps: Step[]; toTarget?: ChainHop & { set: TrafficSet } } {
    if (c.kind === 'host') return this.stepsOfSender(c.res);
    const hit = this.stepMemo.get(c);
    if (hit) return hit;
    const steps: Step[] = [];
    let toTarget: (ChainHop & { set: TrafficSet }) | undefined;
    for (const { to, traffic, via } of this.forwards(c)) {
      if (to === this.dst) toTarget = { ...hopTo(c.res.resource.id, to, traffic, via), set: traffic };
      for (const next of this.carriersOf(to, traffic)) steps.push({ to: next, hop: hopTo(c.res.resource.id, to, traffic, via) });
    }
    const made = toTarget ? { steps, toTarget } : { steps };
    this.stepMemo.set(c, made);
    return made;
  }

  /**
   * Step 1: every carrier that leads to the target, and every resource that sends to one. Who
   * might send to a resource comes from the peer index turned around; listeners are reached from
   * whatever reaches their balancer, and from listeners that have the balancer registered.
   */
  private walk() {
    const reverse = reverseTargets(this.ix);
    // `null` stands for the target itself; the rest are carriers that lead to it.
    const queue: Array<Carrier | null> = [null];
    const found = (c: Carrier, into: Carrier | null) => {
      if (into) {
        let b = this.before.get(into);
        if (!b) this.before.set(into, (b = new Set()));
        b.add(c);
      }
      if (this.leads.has(c)) return;
      this.leads.add(c);
      queue.push(c);
    };
    const balancers = [...this.ix.resources.values()].filter((r) => r.resource.kind === 'load-balancer');
    for (let i = 0; i < queue.length; i++) {
      const m = queue[i]!;
      const res = m ? m.res : this.dst;
      // A listener is only reached on its own port.
      const port = m?.kind === 'listener' ? m.listener.port : undefined;
      const carries = (t: TrafficSet) => port === undefined || t.containsPacket(PROTOCOL_TCP, port);
      // Senders: the resources that open toward `res`.
      for (const x of reverse.get(res) ?? []) {
        if (x === this.dst) continue;
        const traffic = this.sends(x).get(res);
        if (!traffic || !carries(traffic)) continue;
        this.sources.add(x);
        if (isHost(x)) found(this.host(x), m);
      }
      // Listeners that forward to `res` (it is registered behind them).
      for (const lb of balancers) {
        const r = lb.resource;
        if (lb === res || r.kind !== 'load-balancer') continue;
        for (const l of r.listeners) {
          const c = this.listener(lb, l) as Extract<Carrier, { kind: 'listener' }>;
          const edge = this.forwards(c).find((f) => f.to === res);
          if (edge && carries(edge.traffic)) found(c, m);
        }
      }
    }
  }

  /** Step 2: what each carrier delivers, directly and through others, until nothing grows. */
  private settle() {
    const work: Carrier[] = [];
    for (const c of this.leads) {
      const t = this.stepsOf(c).toTarget;
      const own = t ? t.set : TrafficSet.empty();
      if (t) this.last.set(c, { traffic: t.set, hop: stripSet(t) });
      this.delivered.set(c, own);
      if (!own.isEmpty()) work.push(c);
    }
    while (work.length > 0) {
      const c = work.pop()!;
      const mine = this.delivered.get(c)!;
      for (const p of this.leadsInto(c)) {
        const theirs = this.delivered.get(p)!;
        if (theirs.containsSet(mine)) continue;
        this.delivered.set(p, theirs.union(mine));
        work.push(p);
      }
    }
  }

  /** Carriers with a step into `c`. */
  private leadsInto(c: Carrier): Iterable<Carrier> {
    return this.before.get(c) ?? [];
  }

  /** Step 3: a source's entries, direct first, then breadth first through carriers. */
  entriesFrom(src: ResourceInfo, filter: TrafficSet): ExposureEntry[] {
    const out: ExposureEntry[] = [];
    const first = this.stepsOfSender(src);
    const direct = first.toTarget;
    let covered = TrafficSet.empty();
    const report = (traffic: TrafficSet, chain: ChainHop[]) => {
      if (covered.containsSet(traffic)) return;
      covered = covered.union(traffic);
      const shown = traffic.intersect(filter);
      if (!shown.isEmpty()) out.push(this.entry(shown, chain));
    };
    if (direct) report(direct.set, [stripSet(direct)]);
    const starts = first.steps.filter((s) => this.leads.has(s.to) && s.to.res !== src);
    let all = direct ? direct.set : TrafficSet.empty();
    for (const s of starts) all = all.union(this.delivered.get(s.to)!);
    // Breadth first, the shortest chain to each carrier; stop once everything it can deliver is said.
    const chainTo = new Map<Carrier, ChainHop[]>();
    const queue: Carrier[] = [];
    for (const s of starts) {
      if (chainTo.has(s.to)) continue;
      chainTo.set(s.to, [s.hop]);
      queue.push(s.to);
    }
    for (let i = 0; i < queue.length && !covered.containsSet(all); i++) {
      const c = queue[i]!;
      const chain = chainTo.get(c)!;
      const last = this.last.get(c);
      if (last) report(last.traffic, [...chain, last.hop]);
      for (const s of this.stepsOf(c).steps) {
        if (!this.leads.has(s.to) || chainTo.has(s.to) || s.to.res === src) continue;
        chainTo.set(s.to, [...chain, s.hop]);
        queue.push(s.to);
      }
    }
    return out;
  }

  private entry(shown: TrafficSet, chain: ChainHop[]): ExposureEntry {
    const r = this.dst.resource;
    return { resourceId: r.id, resourceName: r.name, traffic: shown.describe(), ranges: trafficRanges(shown), chain };
  }
}

const described = new WeakMap<TrafficSet, string>();

function hopTo(from: string, to: ResourceInfo, traffic: TrafficSet, via?: string): ChainHop {
  // Grants are shared objects: describe each once.
  let text = described.get(traffic);
  if (text === undefined) described.set(traffic, (text = traffic.describe()));
  return { from, to: to.resource.id, traffic: text, ...(via ? { via } : {}) };
}

function stripSet(h: ChainHop & { set: TrafficSet }): ChainHop {
  const { set: _set, ...hop } = h;
  return hop;
}

/** Per resource, the resources whose groups it might be admitted by turned around: who might open toward it. */
function reverseTargets(ix: CompiledDesign): Map<ResourceInfo, ResourceInfo[]> {
  const hit = ix.memo.get('reverse-targets') as Map<ResourceInfo, ResourceInfo[]> | undefined;
  if (hit) return hit;
  const out = new Map<ResourceInfo, ResourceInfo[]>();
  for (const src of ix.resources.values()) {
    for (const t of possibleTargets(ix, src)) {
      const list = out.get(t);
      if (list) list.push(src);
      else out.set(t, [src]);
    }
  }
  ix.memo.set('reverse-targets', out);
  return out;
}
