/**
 * What the design checks share beyond lint/match: a finer tier than match/tier.ts (load balancers
 * apart from web hosts, and group membership), who a rule peer is as an address set, and which
 * interfaces the Internet can address at all.
 */
import type { Design, Eni, Resource, RulePeer, SecurityGroup, SecurityGroupRule } from '../../model/types.ts';
import { groupsOfResource, isPublicSubnet, routeTableOf } from '../../model/queries.ts';
import { AddressSet, formatAddress, type IpFamily } from '../../net/index.ts';
import { tierOf } from '../match/tier.ts';
import { cidrOf } from '../match/world.ts';
import { designMemo } from '../design-memo.ts';

/** Tiers of a classic layered design; `lb` and `web` both face the Internet, `data` holds state. */
export type DesignTier = 'lb' | 'web' | 'app' | 'bastion' | 'data' | 'function';

const NAME_HINTS: ReadonlyArray<readonly [RegExp, DesignTier]> = [
  [/bastion|jump/i, 'bastion'],
  [/(^|[^a-z])(db|rds|database|redis|cache|memcache|mongo|postgres|mysql)/i, 'data'],
  [/(^|[^a-z])(web|frontend)/i, 'web'],
];

/** A resource's own tier, from its kind, role and name, before looking at its groups' other members. */
function ownTier(d: Design, r: Resource): DesignTier | undefined {
  if (r.kind === 'load-balancer') return 'lb';
  if (r.kind === 'lambda') return 'function';
  const t = tierOf(d, r);
  if (t !== 'app' || r.kind === 'database') return t;
  if (r.role === 'app') return 'app';
  for (const [re, tier] of NAME_HINTS) if (re.test(r.name)) return tier;
  return undefined;
}

/**
 * The tier of a resource: kind (load balancer, database, Lambda), then role (web, app, bastion),
 * then a data-only port profile or a telling name, then the tier of the resources it shares a group
 * with, then the name of its groups ("BastionSG", "CacheSG"); `app` when nothing says otherwise.
 */
export function designTierOf(d: Design, r: Resource): DesignTier {
  const tiers = designMemo(d, 'designTier', () => new Map<Resource, DesignTier>());
  let tier = tiers.get(r);
  if (!tier) tiers.set(r, (tier = computeDesignTier(d, r)));
  return tier;
}

/** ownTier, once per resource of a design. */
function ownTierMemo(d: Design, r: Resource): DesignTier | undefined {
  const tiers = designMemo(d, 'ownTier', () => new Map<Resource, DesignTier | null>());
  let tier = tiers.get(r);
  if (tier === undefined) tiers.set(r, (tier = ownTier(d, r) ?? null));
  return tier ?? undefined;
}

function computeDesignTier(d: Design, r: Resource): DesignTier {
  const own = ownTierMemo(d, r);
  if (own) return own;
  const groups = groupsOfResource(r);
  for (const other of Object.values(d.resources)) {
    if (other.id === r.id || !other.enis.some((e) => e.securityGroupIds.some((g) => groups.includes(g)))) continue;
    const t = ownTierMemo(d, other);
    if (t && t !== 'function') return t;
  }
  for (const g of groups) {
    const name = d.securityGroups[g]?.name ?? '';
    for (const [re, tier] of NAME_HINTS) if (re.test(name)) return tier;
  }
  return 'app';
}

/**
 * Where a tier sits on the way in from the Internet: the front (load balancers, web hosts and the
 * bastion) first, then the app tier, then the data tier. Lambda functions take no inbound
 * connection, so they are never a step of a chain and do not count as a tier one could skip.
 */
export type TierLevel = 0 | 1 | 2;

export function tierLevel(tier: DesignTier): TierLevel | undefined {
  if (tier === 'lb' || tier === 'web' || tier === 'bastion') return 0;
  if (tier === 'app') return 1;
  if (tier === 'data') return 2;
  return undefined;
}

/** The tier levels the design has at least one resource in. */
export function presentLevels(d: Design): Set<TierLevel> {
  const levels = designMemo(d, 'presentLevels', () => {
    const out = new Set<TierLevel>();
    for (const r of Object.values(d.resources)) {
      const level = tierLevel(designTierOf(d, r));
      if (level !== undefined) out.add(level);
    }
    return out;
  });
  return new Set(levels);
}

/** Whether some interface of the resource can open connections to the Internet (public address + IGW, or a NAT route). */
export function hasWayOut(d: Design, r: Resource): boolean {
  return r.enis.some((e) => {
    if (internetAddressable(d, e)) return true;
    const s = d.subnets[e.subnetId];
    const table = s ? routeTableOf(d, s) : undefined;
    return table?.routes.some((x) => x.state === 'active' && x.target.kind === 'nat-gateway') ?? false;
  });
}

/** Whether a group is the bastion's: named so (bastion, jump), or carried by a bastion-tier resource. */
export function isBastionGroup(d: Design, groupId: string): boolean {
  if (/bastion|jump/i.test(d.securityGroups[groupId]?.name ?? '')) return true;
  return enisOfGroup(d, groupId).some(({ resource }) => designTierOf(d, resource) === 'bastion');
}

/** Interfaces carrying a group, with their resource. */
export function enisOfGroup(d: Design, groupId: string): Array<{ resource: Resource; eni: Eni }> {
  const byGroup = designMemo(d, 'enisByGroup', () => {
    const out = new Map<string, Array<{ resource: Resource; eni: Eni }>>();
    for (const r of Object.values(d.resources)) {
      for (const e of r.enis) {
        for (const g of new Set(e.securityGroupIds)) {
          let list = out.get(g);
          if (!list) out.set(g, (list = []));
          list.push({ resource: r, eni: e });
        }
      }
    }
    return out;
  });
  return [...(byGroup.get(groupId) ?? [])];
}

const addressesByEni = new WeakMap<Eni, Record<IpFamily, AddressSet>>();

/** The private addresses of an interface, per family (what a group reference matches); computed once per interface object. */
export function privateAddresses(eni: Eni): Record<IpFamily, AddressSet> {
  const hit = addressesByEni.get(eni);
  if (hit) return hit;
  const out: Record<IpFamily, AddressSet> = { 4: AddressSet.empty(4), 6: AddressSet.empty(6) };
  for (const text of [...eni.privateIps, ...eni.ipv6Ips]) {
    const c = cidrOf(text.includes('/') ? text : `${text}/${text.includes(':') ? 128 : 32}`);
    if (c) out[c.family] = out[c.family].union(AddressSet.fromCidr(c));
  }
  addressesByEni.set(eni, out);
  return out;
}

/** The private addresses of every member of a group, per family. */
export function groupAddresses(d: Design, groupId: string): Record<IpFamily, AddressSet> {
  const byGroup = designMemo(d, 'groupAddresses', () => new Map<string, Record<IpFamily, AddressSet>>());
  let out = byGroup.get(groupId);
  if (!out) {
    out = { 4: AddressSet.empty(4), 6: AddressSet.empty(6) };
    for (const { eni } of enisOfGroup(d, groupId)) {
      const a = privateAddresses(eni);
      out = { 4: out[4].union(a[4]), 6: out[6].union(a[6]) };
    }
    byGroup.set(groupId, out);
  }
  return out;
}

/** A rule peer as addresses (CIDR, prefix list), or the group it names. */
export type PeerSpace = { kind: 'addresses'; family: IpFamily; set: AddressSet } | { kind: 'group'; groupId: string } | { kind: 'unknown' };

/**
 * Per design object, then per peer object: a peer object may be shared by a later design whose
 * prefix lists changed, so the design is part of the key.
 */
const spaces = new WeakMap<Design, WeakMap<RulePeer, PeerSpace>>();

export function peerSpace(d: Design, peer: RulePeer): PeerSpace {
  let byPeer = spaces.get(d);
  if (!byPeer) spaces.set(d, (byPeer = new WeakMap()));
  let space = byPeer.get(peer);
  if (!space) byPeer.set(peer, (space = computePeerSpace(d, peer)));
  return space;
}

function computePeerSpace(d: Design, peer: RulePeer): PeerSpace {
  if (peer.kind === 'security-group') return { kind: 'group', groupId: peer.groupId };
  if (peer.kind === 'cidr') {
    const c = cidrOf(peer.cidr);
    return c ? { kind: 'addresses', family: c.family, set: AddressSet.fromCidr(c) } : { kind: 'unknown' };
  }
  const list = d.prefixLists[peer.prefixListId];
  if (!list) return { kind: 'unknown' };
  const family: IpFamily = list.addressFamily === 'IPv6' ? 6 : 4;
  const cidrs = list.entries.map((e) => cidrOf(e.cidr)).filter((c) => c !== undefined && c.family === family);
  return { kind: 'addresses', family, set: AddressSet.fromCidrs(family, cidrs as NonNullable<(typeof cidrs)[number]>[]) };
}

/** Whether a rule peer matches an interface's private addresses (group member, or an address inside the block). */
export function peerMatchesEni(d: Design, peer: RulePeer, eni: Eni): boolean {
  const space = peerSpace(d, peer);
  if (space.kind === 'group') return eni.securityGroupIds.includes(space.groupId);
  if (space.kind === 'unknown') return false;
  return space.set.overlaps(privateAddresses(eni)[space.family]);
}

/** Whether the Internet can address an interface at all: a public IPv4 (or an IPv6) address in a subnet routed to an attached IGW. */
export function internetAddressable(d: Design, eni: Eni, family?: IpFamily): boolean {
  const subnet = d.subnets[eni.subnetId];
  if (!subnet || !isPublicSubnet(d, subnet)) return false;
  const v4 = eni.publicIp !== undefined && hasRouteFor(d, subnet.id, '0.0.0.0/0');
  const v6 = eni.ipv6Ips.length > 0 && hasRouteFor(d, subnet.id, '::/0');
  return family === 4 ? v4 : family === 6 ? v6 : v4 || v6;
}

function hasRouteFor(d: Design, subnetId: string, world: string): boolean {
  const subnet = d.subnets[subnetId]!;
  const id = subnet.routeTableId ?? d.vpcs[subnet.vpcId]?.mainRouteTableId;
  const table = id ? d.routeTables[id] : undefined;
  return (
    table?.routes.some(
      (r) =>
        r.state === 'active' &&
        'cidr' in r.destination &&
        r.destination.cidr === world &&
        r.target.kind === 'internet-gateway' &&
        d.internetGateways[r.target.id]?.vpcId === subnet.vpcId,
    ) ?? false
  );
}

/** The first address of a block, for asking the engine about one host of a range. */
export function sampleAddress(text: string): string | undefined {
  const c = cidrOf(text);
  return c ? formatAddress(c.family, c.first) : undefined;
}

/** Every (group, direction, rule) in a stable order: groups by id, rules in table order. */
export function orderedRules(d: Design): Array<{ group: SecurityGroup; direction: 'ingress' | 'egress'; rule: SecurityGroupRule; index: number }> {
  const out: Array<{ group: SecurityGroup; direction: 'ingress' | 'egress'; rule: SecurityGroupRule; index: number }> = [];
  for (const group of Object.values(d.securityGroups).sort((a, b) => a.id.localeCompare(b.id))) {
    for (const direction of ['ingress', 'egress'] as const) group[direction].forEach((rule, index) => out.push({ group, direction, rule, index }));
  }
  return out;
}
