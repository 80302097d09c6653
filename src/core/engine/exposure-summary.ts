/**
 * Exposure entries as people read them: one row per resource with everything it is reached on,
 * and under it each way in, with its source addresses said in words ("CorpNet (203.0.113.0/24)",
 * "all but 203.0.113.0/24") instead of the dozens of CIDRs that public address space minus a range
 * takes to write. An entry's sources are left unsaid when other ways in to the same resource, on
 * at least the same traffic, make up the rest of the source: together they are "from anywhere".
 * A chain is left out when direct ways in from everywhere already carry all of its traffic (the
 * Internet reaching web-1 through web-2 says nothing the direct row does not).
 */
import { AddressSet, hasIcmpTypes, hasPorts, parseCidrCached, PortSet, TrafficSet, type Cidr, type IpFamily } from '../net/index.ts';
import type { Design } from '../model/types.ts';
import type { ChainHop, Endpoint, ExposureEntry } from './types.ts';
import { compile } from './compile.ts';
import { listing } from './labels.ts';

/** One way in to a resource. */
export interface ReachRoute {
  traffic: string;
  /** Which of the source's addresses get in, in words; absent when all of them do. */
  sources?: string;
  chain: ChainHop[];
}

/** A resource and every way the source reaches it. */
export interface ResourceReach {
  resourceId: string;
  resourceName: string;
  /** Everything it is reached on ("tcp 22, 80, 443, 3389"). */
  traffic: string;
  routes: ReachRoute[];
}

type Sources = Record<IpFamily, AddressSet>;

/** Groups exposure entries by resource (first seen first) and says their sources in words. */
export function summariseExposure(design: Design, source: Endpoint, entries: readonly ExposureEntry[]): ResourceReach[] {
  const whole = sourceSpace(design, source);
  const byResource = new Map<string, ExposureEntry[]>();
  for (const e of entries) {
    const list = byResource.get(e.resourceId);
    if (list) list.push(e);
    else byResource.set(e.resourceId, [e]);
  }
  return [...byResource.values()].map((list) => {
    const traffics = list.map((e) => trafficOf(e.ranges));
    const routes = list.map((e, i): ReachRoute => {
      const route: ReachRoute = { traffic: e.traffic, chain: e.chain };
      if (!e.sources || !whole) return route;
      // Other ways in that carry at least this traffic fill in the rest of the source's addresses.
      let together = setOf(e.sources);
      list.forEach((f, j) => {
        if (j !== i && traffics[j]!.containsSet(traffics[i]!)) together = f.sources ? union(together, setOf(f.sources)) : whole;
      });
      if (!covers(together, whole)) route.sources = sourcesPhrase(design, e.sources, whole);
      return route;
    });
    // A chain adds nothing to read when a direct way in from every address already carries its traffic.
    const open = list.map((e, i) => (e.chain.length === 1 && routes[i]!.sources === undefined ? traffics[i]! : TrafficSet.empty())).reduce((a, b) => a.union(b), TrafficSet.empty());
    const shown = routes.filter((r, i) => r.chain.length === 1 || !open.containsSet(traffics[i]!));
    const traffic = traffics.reduce((a, b) => a.union(b), TrafficSet.empty());
    return { resourceId: list[0]!.resourceId, resourceName: list[0]!.resourceName, traffic: traffic.describe(), routes: shown };
  });
}

/** "CorpNet (203.0.113.0/24)", "198.51.100.7/32", "all but 203.0.113.0/24 (CorpNet)" or "12 address ranges". */
export function sourcesPhrase(design: Design, cidrs: readonly string[], whole?: Sources): string {
  const networks = Object.values(design.externalNetworks).filter((n) => n.kind !== 'internet' && n.cidrs.length > 0);
  const name = (list: readonly string[]) => {
    const set = setOf(list);
    return networks.find((n) => equal(setOf(n.cidrs), set))?.name;
  };
  const say = (list: readonly string[]) => {
    const n = name(list);
    return n ? `${n} (${listing(list)})` : listing(list);
  };
  if (cidrs.length <= 3) return say(cidrs);
  if (whole) {
    // Only in the families the sources have: an IPv4-only resource is not missing the IPv6 Internet.
    const got = setOf(cidrs);
    const missing = ([4, 6] as const).flatMap((f) => (got[f].isEmpty() ? [] : whole[f].subtract(got[f]).toCidrs())).map((c) => c.text);
    if (missing.length > 0 && missing.length <= 3) return `all but ${say(missing)}`;
  }
  return `${cidrs.length} address ranges`;
}

/** The addresses an Internet or external source stands for (undefined for a resource: no address restriction). */
function sourceSpace(design: Design, source: Endpoint): Sources | undefined {
  if (source.kind === 'resource' || source.address) return undefined;
  const net = source.kind === 'external' ? design.externalNetworks[source.externalNetworkId] : undefined;
  if (source.kind === 'internet' || net?.kind === 'internet') return compile(design).internet;
  return net ? setOf(net.cidrs) : undefined;
}

function setOf(cidrs: readonly string[]): Sources {
  const parsed = cidrs.map((c) => parseCidrCached(c, { allowBareAddress: true })).flatMap((r) => (r.ok ? [r.value] : []));
  const of = (f: IpFamily) => AddressSet.fromCidrs(f, parsed.filter((c: Cidr) => c.family === f));
  return { 4: of(4), 6: of(6) };
}

const union = (a: Sources, b: Sources): Sources => ({ 4: a[4].union(b[4]), 6: a[6].union(b[6]) });
/** Whether `a` holds all of `b` in the families `a` has at all (an IPv4-only resource is not missing the IPv6 Internet). */
const covers = (a: Sources, b: Sources) => (a[4].isEmpty() && a[6].isEmpty() ? false : ([4, 6] as const).every((f) => a[f].isEmpty() || a[f].containsSet(b[f])));
const equal = (a: Sources, b: Sources) => a[4].equals(b[4]) && a[6].equals(b[6]);

/** An entry's machine ranges back to a traffic set (-1: everything). */
function trafficOf(ranges: ExposureEntry['ranges']): TrafficSet {
  let t = TrafficSet.empty();
  for (const [p, list] of Object.entries(ranges)) {
    const protocol = Number(p);
    if (protocol === -1) return TrafficSet.all();
    const detailed = hasPorts(protocol) || hasIcmpTypes(protocol);
    t = t.union(detailed ? TrafficSet.fromProtocol(protocol, PortSet.fromRanges(list.map(([from, to]) => ({ from, to })))) : TrafficSet.fromProtocol(protocol));
  }
  return t;
}
