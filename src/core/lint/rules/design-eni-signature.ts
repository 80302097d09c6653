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

const cache = new WeakMap<Design, Map<string, string>>();

/** The signature of every interface of the design, by interface id (computed once per design object). */
export function eniSignatures(d: Design): Map<string, string> {
  const hit = cache.get(d);
  if (hit) return hit;
  const cidrs = designCidrs(d);
  const out = new Map<string, string>();
  for (const r of Object.values(d.resources)) for (const eni of r.enis) out.set(eni.id, signatureOf(r, eni, cidrs));
  cache.set(d, out);
  return out;
}

function signatureOf(r: Resource, eni: Eni, cidrs: readonly Cidr[]): string {
  if (r.kind === 'load-balancer' || r.kind === 'lambda') return `eni:${eni.id}`;
  const host = r.kind === 'database' ? `db|${r.publiclyAccessible}` : `${r.kind}|${r.platform}`;
  const holding = (text: string | undefined, prefix: number) => {
    const a = text ? cidrOf(text.includes('/') ? text : `${text}/${prefix}`) : undefined;
    if (!a) return '-';
    const ids: number[] = [];
    cidrs.forEach((c, i) => {
      if (c.family === a.family && c.first <= a.first && a.first <= c.last) ids.push(i);
    });
    return ids.join('.');
  };
  return [
    eni.subnetId,
    [...eni.securityGroupIds].join(','),
    host,
    eni.privateIps.map((ip) => holding(ip, 32)).join(';'),
    eni.ipv6Ips.map((ip) => holding(ip, 128)).join(';'),
    eni.publicIp !== undefined ? `pub:${holding(eni.publicIp, 32)}` : 'nopub',
  ].join('|');
}
