/**
 * Bookkeeping of exposure(): which source address sets have been seen, and what has already been
 * reported per resource. Source sets are interned by content, so that the many equal sets a run
 * builds (one per grant, one per union) compare by identity and "does A include B" is asked once
 * per pair of sets rather than once per resource pair.
 */
import type { AddressSet, IpFamily, TrafficSet } from '../net/index.ts';
import type { CompiledDesign, ResourceInfo } from './compiled.ts';
import { cappedRules, ingressRules, keep, type OpenRule } from './exposure-open-rules.ts';
import { matchesRule, type PeerMatch } from './peer-index.ts';
import { within } from './traffic-memo.ts';

/** Source addresses per family; undefined when the source is a resource (no address restriction). */
export type Sources = Record<IpFamily, AddressSet> | undefined;

/** Interned source sets and the inclusion relation between them. */
export class SourcePool {
  private readonly byKey = new Map<string, NonNullable<Sources>>();
  private readonly covers = new Map<object, Map<object, boolean>>();

  /** The pool's set with the same addresses as `s`. */
  intern(s: Sources): Sources {
    if (s === undefined) return s;
    const key = `${rangesKey(s[4])}|${rangesKey(s[6])}`;
    const hit = this.byKey.get(key);
    if (hit) return hit;
    this.byKey.set(key, s);
    return s;
  }

  /** Whether `a` includes `b` (no restriction includes everything). */
  includes(a: Sources, b: Sources): boolean {
    if (a === b || a === undefined) return true;
    if (b === undefined) return false;
    let row = this.covers.get(a);
    if (!row) this.covers.set(a, (row = new Map()));
    let hit = row.get(b);
    if (hit === undefined) row.set(b, (hit = a[4].containsSet(b[4]) && a[6].containsSet(b[6])));
    return hit;
  }
}

function rangesKey(s: AddressSet): string {
  return s
    .toRanges()
    .map(([a, b]) => `${a}-${b}`)
    .join(',');
}

/** Open rules under one cap, with each one's traffic within the cap (worked out once: refiltered after every report). */
/** An open rule with its traffic within a cap. */
interface CappedRule {
  rule: OpenRule;
  traffic: TrafficSet;
}

interface Capped {
  version: number;
  capped: readonly CappedRule[];
  /** The rules of `capped`, one list object until one closes. */
  open: readonly OpenRule[];
}

/** Per resource and source set: the union of reports from sets that include it, as of `version`. */
interface Known {
  version: number;
  traffic: TrafficSet | undefined;
  /** The resource's ingress rules whose traffic `traffic` does not hold yet. */
  open: readonly OpenRule[];
  /** Per subnet cap (exposure-caps.ts): those of `open` whose traffic within the cap it does not hold yet, as of `version`. */
  capped: Map<TrafficSet, Capped> | undefined;
}

interface Report {
  sources: Sources;
  traffic: TrafficSet;
}

/**
 * What has been reported per resource, by source set. Exposure asks about hundreds of thousands of
 * (resource, source set) pairs, one host's sources at a time: state is kept in arrays by the
 * resource's position, per source set, with the last set's array at hand.
 */
export class Coverage {
  private readonly byResource: Array<Report[] | undefined> = [];
  private readonly known = new Map<Sources, Array<Known | undefined>>();
  private readonly versions: number[] = [];
  private lastSources: Sources | null = null;
  private lastKnown: Array<Known | undefined> = [];

  constructor(
    private readonly ix: CompiledDesign,
    private readonly pool: SourcePool,
  ) {}

  /** Records traffic from sources; false when reports from sources that include them already cover it. */
  add(res: ResourceInfo, sources: Sources, traffic: TrafficSet): boolean {
    const list = this.byResource[res.index] ?? [];
    let same: Report | undefined;
    let known: TrafficSet | undefined;
    for (const c of list) {
      if (c.sources === sources) same = c;
      if (!this.pool.includes(c.sources, sources)) continue;
      if (c.traffic.containsSet(traffic)) return false;
      known = known === undefined ? c.traffic : known.union(c.traffic);
    }
    if (known !== undefined && !known.isEmpty() && known.containsSet(traffic)) return false;
    // Interned sets: a set with the same addresses is the same object.
    same ??= list.find((c) => this.pool.includes(c.sources, sources) && this.pool.includes(sources, c.sources));
    if (same) same.traffic = same.traffic.union(traffic);
    else list.push({ sources, traffic });
    this.byResource[res.index] = list;
    this.versions[res.index] = (this.versions[res.index] ?? 0) + 1;
    return true;
  }

  /**
   * Whether a host that `peer` describes could still add anything to `res` from `sources`: some
   * ingress rule of the resource that may match the host is not yet held by what was reported
   * (exposure-open-rules.ts), within `cap` of the pair when given (exposure-caps.ts: asked only
   * for pairs the rules alone leave open). False settles the pair; true says nothing.
   */
  mayAdd(res: ResourceInfo, sources: Sources, peer: PeerMatch, cap?: () => TrafficSet): boolean {
    const k = this.knownFor(res, sources);
    if (!this.matchesOpen(k ? k.open : ingressRules(this.ix, res), peer)) return false;
    return !cap || this.matchesOpen(this.openFor(res, sources, cap), peer);
  }

  /**
   * The rules mayAdd looks for among a host's: those of `res` still open from `sources` whose
   * traffic within `cap` is not empty and not held yet.
   */
  openFor(res: ResourceInfo, sources: Sources, cap: () => TrafficSet): readonly OpenRule[] {
    const k = this.knownFor(res, sources);
    const open = k ? k.open : ingressRules(this.ix, res);
    if (open.length === 0) return open;
    const c = cap();
    if (c.isAll()) return open;
    // Before anything is held, `open` is all the rules.
    return k && k.traffic !== undefined ? this.cappedOpen(k, c) : cappedRules(this.ix, res, c);
  }

  /** A number that changes whenever something is reported to `res` (then openFor may answer less). */
  changes(res: ResourceInfo): number {
    return this.versions[res.index] ?? 0;
  }

  private matchesOpen(open: readonly OpenRule[], peer: PeerMatch): boolean {
    for (const r of open) if (matchesRule(peer, r.number)) return true;
    return false;
  }

  /** The open rules whose traffic within `cap` is not held yet (a subset of `open`: known traffic only grows). */
  private cappedOpen(k: Known, cap: TrafficSet): readonly OpenRule[] {
    let c = (k.capped ??= new Map()).get(cap);
    if (!c) k.capped.set(cap, (c = { version: -1, capped: k.open.map((rule) => ({ rule, traffic: within(rule.traffic, cap) })), open: k.open }));
    if (c.version !== k.version) {
      const held = k.traffic!;
      const still = keep(c.capped, (x: CappedRule) => !held.containsSet(x.traffic));
      // The same list while nothing closed, so callers may keep what they built from it.
      if (still !== c.capped) {
        c.capped = still;
        c.open = still.map((x: CappedRule) => x.rule);
      }
      c.version = k.version;
    }
    return c.open;
  }

  /** The union of reports to `res` from sets that include `sources`, kept up to date; undefined before any report. */
  private knownFor(res: ResourceInfo, sources: Sources): Known | undefined {
    const list = this.byResource[res.index];
    if (!list) return undefined;
    if (this.lastSources !== sources) {
      let bySources = this.known.get(sources);
      if (!bySources) this.known.set(sources, (bySources = []));
      this.lastSources = sources;
      this.lastKnown = bySources;
    }
    let k = this.lastKnown[res.index];
    if (!k) this.lastKnown[res.index] = k = { version: -1, traffic: undefined, open: ingressRules(this.ix, res), capped: undefined };
    const version = this.versions[res.index] ?? 0;
    if (k.version !== version) {
      let t: TrafficSet | undefined;
      for (const c of list) if (this.pool.includes(c.sources, sources)) t = t === undefined ? c.traffic : t.union(c.traffic);
      k.traffic = t;
      k.version = version;
      // The union only grows (reports grow; which sets include `sources` is fixed): a rule once held stays held.
      if (t !== undefined && k.open.length > 0) k.open = keep(k.open, (r) => !t.containsSet(r.traffic));
    }
    return k;
  }

  /**
   * Whether reports from sources that include `sources` already hold every ingress rule of `res`
   * that can admit anything: then nothing more can be added for it.
   */
  saturated(res: ResourceInfo, sources: Sources): boolean {
    const k = this.knownFor(res, sources);
    return k !== undefined && k.open.length === 0;
  }
}
