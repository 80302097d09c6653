/**
 * Interfaces the engine cannot tell apart, so that a rule asking the engine about many pairs asks
 * once per pair of look-alikes. Two interfaces share a signature when they sit in the same subnet,
 * carry the same groups, belong to the same kind of host (ephemeral range, public address) and
 * every CIDR the design writes anywhere (rule peers, prefix lists, ACL entries, routes, VPCs,
 * subnets, external networks) holds both or neither of their addresses. Every rule, ACL entry and
 * route then treats them alike, so a flow from or to one has the answer it has from or to the other.
 *
 * The engine's own classes (compiled.ts, peerClass) are coarser per subnet: one CIDR that splits a
 * subnet makes every interface there a class of its own, which on an imported account with host
 * rules is every interface. Load balancers and Lambda functions keep one signature per interface
 * (their nodes and hyperplane interfaces behave per interface in the engine).
 *
 * As the client of one flow toward a given server, an interface's groups matter less: only its
 * egress rules (stateful groups do not look at the reply) and which of the server's ingress
 * references it is a member of. `clientKey` uses that, so clients whose groups differ but whose
 * egress reads the same (the AWS default allow-all, most often) share answers.
 */
import type { Design, Eni, Resource } from '../../model/types.ts';
import type { Cidr } from '../../net/index.ts';
import { cidrOf } from '../match/world.ts';

/** Every CIDR string in the design's network collections (not the resources: they are what is classified). */
function designCidrs(d: Design): Cidr[] {
  const seen = new Map<string, Cidr>();
  const walk = (x: unknown): void => {
    if (typeof x === 'string') {
      if (x.includes('/') && !seen.has(x)) {
        const c = cidrOf(x);
        if (c) seen.set(x, c);
      }
    } else if (Array.isArray(x)) for (const y of x) walk(y);
    else if (x && typeof x === 'object') for (const y of Object.values(x)) walk(y);
  };
  for (const [key, value] of Object.entries(d)) if (key !== 'resources' && key !== 'layout') walk(value);
  return [...seen.values()];
}

const cidrsCache = new WeakMap<Design, Cidr[]>();
const cache = new WeakMap<Design, Map<string, string>>();
const clientCache = new WeakMap<Design, Map<string, string>>();
const referencesCache = new WeakMap<Design, Map<string, Set<string>>>();

function cidrsOf(d: Design): Cidr[] {
  let c = cidrsCache.get(d);
  if (!c) cidrsCache.set(d, (c = designCidrs(d)));
  return c;
}

/** The signature of every interface of the design, by interface id (computed once per design object). */
export function eniSignatures(d: Design): Map<string, string> {
  const hit = cache.get(d);
  if (hit) return hit;
  const cidrs = cidrsOf(d);
  const out = new Map<string, string>();
  for (const r of Object.values(d.resources)) {
    for (const eni of r.enis) {
      const p = partsOf(r, eni, cidrs);
      out.set(eni.id, p ? [p.subnet, p.groups, p.host, p.addresses].join('|') : `eni:${eni.id}`);
    }
  }
  cache.set(d, out);
  return out;
}

/** The pieces of a signature; undefined for interfaces that keep one of their own. */
function partsOf(r: Resource, eni: Eni, cidrs: readonly Cidr[]): { subnet: string; groups: string; host: string; addresses: string } | undefined {
  if (r.kind === 'load-balancer' || r.kind === 'lambda') return undefined;
  const host = r.kind === 'database' ? `db/${r.publiclyAccessible}` : `${r.kind}/${r.platform}`;
  const holding = (text: string | undefined, prefix: number) => {
    const a = text ? cidrOf(text.includes('/') ? text : `${text}/${prefix}`) : undefined;
    if (!a) return '-';
    const ids: number[] = [];
    cidrs.forEach((c, i) => {
      if (c.family === a.family && c.first <= a.first && a.first <= c.last) ids.push(i);
    });
    return ids.join('.');
  };
  const addresses = [
    eni.privateIps.map((ip) => holding(ip, 32)).join(';'),
    eni.ipv6Ips.map((ip) => holding(ip, 128)).join(';'),
    eni.publicIp !== undefined ? `pub:${holding(eni.publicIp, 32)}` : 'nopub',
  ].join('/');
  return { subnet: eni.subnetId, groups: [...eni.securityGroupIds].join(','), host, addresses };
}

/** The part of a client's key that does not depend on the server: place, kind, addresses, egress rules and missing groups. */
function clientBase(d: Design, r: Resource, eni: Eni): string {
  let byEni = clientCache.get(d);
  if (!byEni) clientCache.set(d, (byEni = new Map()));
  let base = byEni.get(eni.id);
  if (base === undefined) {
    const p = partsOf(r, eni, cidrsOf(d));
    if (!p) base = `eni:${eni.id}`;
    else {
      const missing = eni.securityGroupIds.filter((g) => !d.securityGroups[g]);
      const rules = [...new Set(eni.securityGroupIds)].flatMap((g) => d.securityGroups[g]?.egress.map((x) => JSON.stringify([x.match, x.peer])) ?? []);
      base = [p.subnet, p.host, p.addresses, `missing:${missing.join(',')}`, [...new Set(rules)].sort().join(';')].join('|');
    }
    byEni.set(eni.id, base);
  }
  return base;
}

/** The groups the server's ingress rules name (any of its groups). */
function referencedBy(d: Design, server: Eni): Set<string> {
  let byEni = referencesCache.get(d);
  if (!byEni) referencesCache.set(d, (byEni = new Map()));
  let refs = byEni.get(server.id);
  if (!refs) {
    refs = new Set();
    for (const g of server.securityGroupIds) for (const x of d.securityGroups[g]?.ingress ?? []) if (x.peer.kind === 'security-group') refs.add(x.peer.groupId);
    byEni.set(server.id, refs);
  }
  return refs;
}

/**
 * What the engine can tell of `eni` (of `client`) when it opens a flow toward `server`: its
 * signature with its groups replaced by its egress rules and its membership in the groups the
 * server's ingress names. Two clients with one key get the same answer for the same flow.
 */
export function clientKey(d: Design, client: Resource, eni: Eni, server: Eni): string {
  const base = clientBase(d, client, eni);
  if (base.startsWith('eni:')) return base;
  const refs = referencedBy(d, server);
  const member = [...new Set(eni.securityGroupIds)].filter((g) => refs.has(g)).sort();
  return `${base}|in:${member.join(',')}`;
}
