/**
 * Network-ACL entries read in rule-number order, as AWS evaluates them: the first entry that
 * matches a packet decides it, so an allow is effective only for the traffic no lower-numbered
 * entry has decided first.
 */
import type { Design, NetworkAcl, NetworkAclEntry, Subnet } from '../../model/types.ts';
import { networkAclOf } from '../../model/queries.ts';
import { isWorldCidr, PortSet, TrafficSet, type Cidr } from '../../net/index.ts';
import { cidrOf } from './world.ts';
import { ruleTraffic } from './rule-traffic.ts';

/** An entry with what it matches and what it actually decides given the entries before it. */
export interface DecidedEntry {
  entry: NetworkAclEntry;
  /** Everything the entry matches. */
  traffic: TrafficSet;
  /** What the entry decides for every address of the world: its traffic less what lower entries decided. */
  decides: TrafficSet;
}

/** One direction's entries, lowest rule number first. */
export function orderedEntries(acl: NetworkAcl, egress: boolean): NetworkAclEntry[] {
  return acl.entries.filter((e) => e.egress === egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
}

/**
 * The world entries (0.0.0.0/0 or ::/0) of one direction with what each decides for the whole
 * world. Only lower-numbered world entries of the same family take traffic away: an entry on a
 * narrower block decides for part of the world only, and the rest still meets the later entry.
 */
export function worldDecisions(acl: NetworkAcl, egress: boolean): DecidedEntry[] {
  const decided = { 4: TrafficSet.empty(), 6: TrafficSet.empty() };
  const out: DecidedEntry[] = [];
  for (const entry of orderedEntries(acl, egress)) {
    const c = cidrOf(entry.cidr);
    if (!c || !isWorldCidr(c)) continue;
    const traffic = ruleTraffic(entry.match);
    const decides = traffic.subtract(decided[c.family]);
    decided[c.family] = decided[c.family].union(traffic);
    out.push({ entry, traffic, decides });
  }
  return out;
}

/** The effective allows from (ingress) or to (egress) the whole world: allow entries that still decide some traffic. */
export function effectiveWorldAllows(acl: NetworkAcl, egress: boolean): DecidedEntry[] {
  return worldDecisions(acl, egress).filter((x) => x.entry.action === 'allow' && !x.decides.isEmpty());
}

/** The subnets that use an ACL: explicitly associated, or on their VPC's default ACL by default. */
export function subnetsUsingAcl(d: Design, aclId: string): Subnet[] {
  return Object.values(d.subnets).filter((s) => networkAclOf(d, s)?.id === aclId);
}

const entryTraffic = new WeakMap<NetworkAclEntry, TrafficSet>();

/**
 * The ports of one protocol (tcp or udp) that one direction of an ACL lets through for one peer
 * address, out of `ports`. `entries` are that direction's entries in rule-number order
 * (orderedEntries): the first that matches a port decides it, the rest falls to the implicit deny.
 * Only entries of the address's family whose block holds it count.
 */
export function allowedPortsFor(entries: readonly NetworkAclEntry[], address: Cidr, protocol: number, ports: PortSet): PortSet {
  let open = ports;
  let allowed = PortSet.none();
  for (const entry of entries) {
    if (open.isEmpty()) break;
    const c = cidrOf(entry.cidr);
    if (!c || c.family !== address.family || c.first > address.first || address.last > c.last) continue;
    let traffic = entryTraffic.get(entry);
    if (!traffic) entryTraffic.set(entry, (traffic = ruleTraffic(entry.match)));
    const hit = traffic.portsFor(protocol).intersect(open);
    if (hit.isEmpty()) continue;
    if (entry.action === 'allow') allowed = allowed.union(hit);
    open = open.subtract(hit);
  }
  return allowed;
}
