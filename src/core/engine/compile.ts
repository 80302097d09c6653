/**
 * Compiles a design into the index the engine queries (see compiled.ts). Designs are immutable,
 * and an edit replaces only the collections it touches (a layout-only edit keeps every network
 * collection), so the index is cached on the identities of the network collections, in WeakMaps:
 * a design that shares all of them with one already compiled reuses its index, and an index is
 * collected with its collections. Invalid pieces (a CIDR that does not parse, a rule with a bad
 * protocol) are compiled to "matches nothing"; the validator and the linter report them.
 */
import { ENTITY_COLLECTIONS } from '../model/types.ts';
import type { Design, NetworkAclEntry, Resource, RouteTable, SecurityGroup, SecurityGroupRule, VpcPeering } from '../model/types.ts';
import { PortSet, TrafficSet, parseAddressCached, parseCidrCached, type Address, type Cidr, type IpFamily } from '../net/index.ts';
import type {
  AclEntryInfo,
  AclInfo,
  CompiledDesign,
  EniInfo,
  GroupInfo,
  NatInfo,
  ReferenceStatus,
  RouteInfo,
  RouteTableInfo,
  RuleInfo,
  SubnetInfo,
  VpcInfo,
} from './compiled.ts';
import { named } from './labels.ts';
import { internetSpace } from './internet-space.ts';

const byDesign = new WeakMap<Design, CompiledDesign>();
/** Nested WeakMaps, one level per network collection, in ENTITY_COLLECTIONS order. */
const byCollections = new WeakMap<object, unknown>();

/** The compiled index of a design, built on first use (the engine reads only network collections from `design`). */
export function compile(design: Design): CompiledDesign {
  let compiled = byDesign.get(design);
  if (compiled) return compiled;
  let level = byCollections;
  const last = ENTITY_COLLECTIONS.length - 1;
  for (let i = 0; i < last; i++) {
    const key = design[ENTITY_COLLECTIONS[i]!];
    let next = level.get(key) as WeakMap<object, unknown> | undefined;
    if (!next) level.set(key, (next = new WeakMap()));
    level = next;
  }
  const leaf = design[ENTITY_COLLECTIONS[last]!];
  compiled = level.get(leaf) as CompiledDesign | undefined;
  if (!compiled) level.set(leaf, (compiled = build(design)));
  byDesign.set(design, compiled);
  return compiled;
}

/** Ephemeral client ports by kind of host (network-semantics.md §2). */
export const EPHEMERAL = {
  linux: PortSet.fromRange(32768, 60999),
  windows: PortSet.fromRange(49152, 65535),
  /** ELB, NAT gateway, Lambda; and, engine choice, Internet and external clients (AWS's recommendation). */
  wide: PortSet.fromRange(1024, 65535),
} as const;

export function cidrOf(text: string): Cidr | undefined {
  const r = parseCidrCached(text);
  return r.ok ? r.value : undefined;
}

export function addressOf(text: string | undefined): Address | undefined {
  if (text === undefined) return undefined;
  const r = parseAddressCached(text);
  return r.ok ? r.value : undefined;
}

function build(design: Design): CompiledDesign {
  const vpcs = new Map<string, VpcInfo>();
  for (const vpc of Object.values(design.vpcs)) {
    const cidrs: Record<IpFamily, Cidr[]> = { 4: [], 6: [] };
    for (const text of [...vpc.cidrs, ...vpc.ipv6Cidrs]) {
      const c = cidrOf(text);
      if (c) cidrs[c.family].push(c);
    }
    const igw = Object.values(design.internetGateways).find((g) => g.vpcId === vpc.id);
    vpcs.set(vpc.id, { vpc, label: named(vpc.name, vpc.id), region: vpc.region, cidrs, ...(igw ? { igw } : {}) });
  }

  const traffic = matchTraffic();
  const acls = new Map<string, AclInfo>();
  for (const acl of Object.values(design.networkAcls)) acls.set(acl.id, compileAcl(acl.id, acl.name, acl.entries, acl, traffic));
  const tables = new Map<string, RouteTableInfo>();
  for (const t of Object.values(design.routeTables)) tables.set(t.id, compileTable(design, t, vpcs.get(t.vpcId)));

  const subnets = new Map<string, SubnetInfo>();
  for (const s of Object.values(design.subnets)) {
    const vpc = vpcs.get(s.vpcId);
    const cidr = cidrOf(s.cidr);
    if (!vpc || !cidr) continue;
    const aclId = s.networkAclId ?? vpc.vpc.defaultNetworkAclId ?? Object.values(design.networkAcls).find((a) => a.vpcId === vpc.vpc.id && a.isDefault)?.id;
    const tableId = s.routeTableId ?? vpc.vpc.mainRouteTableId;
    let routeTable = tableId ? tables.get(tableId) : undefined;
    if (!routeTable) {
      // A VPC always has a main table; one the design leaves out holds only the local routes.
      const implicit: RouteTable = { id: tableId ?? `${vpc.vpc.id}-main`, name: `${vpc.vpc.name} main`, vpcId: vpc.vpc.id, routes: [] };
      routeTable = compileTable(design, implicit, vpc);
    }
    const acl = aclId ? acls.get(aclId) : undefined;
    subnets.set(s.id, { subnet: s, label: named(s.name, s.id), vpc, cidr, routeTable, ...(acl ? { acl } : {}) });
  }

  const peerings = new Map(Object.entries(design.peerings));
  const groups = new Map<string, GroupInfo>();
  for (const g of Object.values(design.securityGroups)) groups.set(g.id, compileGroup(design, g, vpcs, peerings, traffic));

  const enis = new Map<string, EniInfo>();
  const groupLists = new Map<string, GroupInfo[]>();
  const split = splitSubnets(subnets, groups, acls, tables);
  const classIds = new Map<string, number>();
  const resources: CompiledDesign['resources'] = new Map();
  const members = new Map<string, EniInfo[]>();
  for (const r of Object.values(design.resources)) {
    const list: EniInfo[] = [];
    for (const eni of r.enis) {
      const subnet = subnets.get(eni.subnetId);
      if (!subnet) continue;
      const info = compileEni(r, eni, subnet, groups, groupLists, split);
      let id = classIds.get(info.pairClass);
      if (id === undefined) classIds.set(info.pairClass, (id = classIds.size));
      info.classId = id;
      enis.set(eni.id, info);
      list.push(info);
      for (const g of info.groupIds) {
        const m = members.get(g);
        if (m) m.push(info);
        else members.set(g, [info]);
      }
    }
    resources.set(r.id, { resource: r, label: named(r.name, r.id), enis: list, index: resources.size });
  }

  const nats = new Map<string, NatInfo>();
  for (const n of Object.values(design.natGateways)) {
    const subnet = subnets.get(n.subnetId);
    const privateIp = addressOf(n.privateIp);
    const publicIp = addressOf(n.publicIp);
    nats.set(n.id, { nat: n, label: named(n.name, n.id), ...(subnet ? { subnet } : {}), ...(privateIp ? { privateIp } : {}), ...(publicIp ? { publicIp } : {}) });
  }

  return { design, vpcs, subnets, groups, enis, resources, nats, peerings, members, internet: internetSpace(vpcs.values()), memo: new Map() };
}

/** A traffic set from a rule's match; a match AWS would refuse covers nothing. */
export function trafficOf(match: SecurityGroupRule['match']): TrafficSet {
  const t = TrafficSet.fromMatch(match);
  return t.ok ? t.value : TrafficSet.empty();
}

/**
 * trafficOf, one object per distinct match within one compiled design. A design has a thousand
 * rules and a few dozen distinct matches; the engine's memos key on set identity (unions of the
 * rules a peer matches, bounds, caps), so equal rules sharing one set share those entries too.
 */
function matchTraffic(): (match: SecurityGroupRule['match']) => TrafficSet {
  const byKey = new Map<string, TrafficSet>();
  return (match) => {
    const key = `${match.protocol}|${match.ports ? `${match.ports.from}-${match.ports.to}` : ''}|${match.icmp ? `${match.icmp.type}/${match.icmp.code}` : ''}`;
    let t = byKey.get(key);
    if (!t) byKey.set(key, (t = trafficOf(match)));
    return t;
  };
}

function compileAcl(id: string, name: string, entries: NetworkAclEntry[], acl: AclInfo['acl'], trafficFor: (m: NetworkAclEntry['match']) => TrafficSet): AclInfo {
  const info: AclInfo = { acl, label: named(name, id), inbound: { 4: [], 6: [] }, outbound: { 4: [], 6: [] } };
  const sorted = [...entries].sort((a, b) => a.ruleNumber - b.ruleNumber);
  for (const entry of sorted) {
    const cidr = cidrOf(entry.cidr);
    if (!cidr) continue;
    const e: AclEntryInfo = { entry, cidr, traffic: trafficFor(entry.match) };
    (entry.egress ? info.outbound : info.inbound)[cidr.family].push(e);
  }
  return info;
}

function compileTable(design: Design, table: RouteTable, vpc: VpcInfo | undefined): RouteTableInfo {
  const routes: Record<IpFamily, RouteInfo[]> = { 4: [], 6: [] };
  for (const fam of [4, 6] as const) for (const c of vpc?.cidrs[fam] ?? []) routes[fam].push({ cidr: c, target: { kind: 'local' } });
  for (const route of table.routes) {
    if (route.target.kind === 'local') continue; // the implicit local routes stand for these
    if ('cidr' in route.destination) {
      const c = cidrOf(route.destination.cidr);
      if (c) routes[c.family].push({ cidr: c, route, target: route.target });
    } else {
      const pl = design.prefixLists[route.destination.prefixListId];
      for (const e of pl?.entries ?? []) {
        const c = cidrOf(e.cidr);
        if (c) routes[c.family].push({ cidr: c, route, target: route.target, prefixListId: pl!.id });
      }
    }
  }
  // Longest prefix first; on a tie the local route, then a CIDR route before a prefix-list route.
  const rank = (r: RouteInfo) => (r.target.kind === 'local' ? 0 : r.prefixListId ? 2 : 1);
  for (const fam of [4, 6] as const) routes[fam].sort((a, b) => b.cidr.prefix - a.cidr.prefix || rank(a) - rank(b));
  return { table, label: named(table.name, table.id), routes };
}

/** The peering that joins two VPCs, if any (the one named first when given). */
export function peeringBetween(peerings: Map<string, VpcPeering>, a: string, b: string, preferred?: string): VpcPeering | undefined {
  const joins = (p: VpcPeering) => (p.requester.vpcId === a && p.accepter.vpcId === b) || (p.requester.vpcId === b && p.accepter.vpcId === a);
  if (preferred) {
    const p = peerings.get(preferred);
    if (p && joins(p)) return p;
  }
  for (const p of peerings.values()) if (joins(p)) return p;
  return undefined;
}

function compileGroup(
  design: Design,
  g: SecurityGroup,
  vpcs: Map<string, VpcInfo>,
  peerings: Map<string, VpcPeering>,
  trafficFor: (m: SecurityGroupRule['match']) => TrafficSet,
): GroupInfo {
  const region = vpcs.get(g.vpcId)?.region ?? '';
  const rule = (r: SecurityGroupRule): RuleInfo => {
    const traffic = trafficFor(r.match);
    const peer = r.peer;
    if (peer.kind === 'cidr') {
      const c = cidrOf(peer.cidr);
      return { rule: r, traffic, cidrs: c ? [c] : [], peerLabel: c?.text ?? peer.cidr };
    }
    if (peer.kind === 'prefix-list') {
      const pl = design.prefixLists[peer.prefixListId];
      const cidrs = (pl?.entries ?? []).map((e) => cidrOf(e.cidr)).filter((c): c is Cidr => c !== undefined);
      return { rule: r, traffic, cidrs, peerLabel: `prefix list ${named(pl?.name, peer.prefixListId)}` };
    }
    const target = design.securityGroups[peer.groupId];
    const { status, peering } = referenceStatus(g, region, peer.peeringId, target, vpcs, peerings);
    return {
      rule: r,
      traffic,
      cidrs: [],
      ref: { groupId: peer.groupId, status, ...(peering ? { peering } : {}) },
      peerLabel: named(target?.name ?? peer.groupName, peer.groupId),
    };
  };
  return { sg: g, label: named(g.name, g.id), region, ingress: g.ingress.map(rule), egress: g.egress.map(rule) };
}

/**
 * Whether a group reference can match (network-semantics.md §1): same VPC, or a VPC peered in the
 * same Region over an active peering. Cross-Region is invalid; a peering not active leaves it
 * stale; a group the design does not hold behind a peering is unknown.
 */
function referenceStatus(
  g: SecurityGroup,
  region: string,
  peeringId: string | undefined,
  target: SecurityGroup | undefined,
  vpcs: Map<string, VpcInfo>,
  peerings: Map<string, VpcPeering>,
): { status: ReferenceStatus; peering?: VpcPeering } {
  if (target && target.vpcId === g.vpcId) return { status: 'ok' };
  let peering: VpcPeering | undefined;
  if (target) peering = peeringBetween(peerings, g.vpcId, target.vpcId, peeringId);
  else if (peeringId) peering = peerings.get(peeringId);
  if (!peering) return { status: target ? 'stale' : 'unknown' };
  const crossRegion = peering.requester.region !== peering.accepter.region || (target !== undefined && vpcs.get(target.vpcId)?.region !== region);
  if (crossRegion) return { status: 'cross-region', peering };
  if (peering.status !== 'active') return { status: 'stale', peering };
  return { status: target ? 'ok' : 'unknown', peering };
}

/**
 * Subnets that some CIDR of the design cuts through (a rule, ACL entry or route that covers part
 * of the subnet): their interfaces may be told apart by address.
 */
/**
 * Per subnet that some CIDR of the design cuts (holds part of its block only), those CIDRs: the
 * only ones that can tell two of its addresses apart. Subnets no CIDR cuts are left out.
 */
function splitSubnets(
  subnets: Map<string, SubnetInfo>,
  groups: Map<string, GroupInfo>,
  acls: Map<string, AclInfo>,
  tables: Map<string, RouteTableInfo>,
): Map<string, { blocks: Cidr[]; cuts: Cidr[] }> {
  const unique = new Map<string, Cidr>();
  const add = (c: Cidr) => unique.set(c.text, c);
  for (const g of groups.values()) for (const r of [...g.ingress, ...g.egress]) r.cidrs.forEach(add);
  for (const a of acls.values()) for (const dir of [a.inbound, a.outbound]) for (const f of [4, 6] as const) for (const e of dir[f]) add(e.cidr);
  for (const t of tables.values()) for (const f of [4, 6] as const) for (const r of t.routes[f]) add(r.cidr);
  const cidrs = [...unique.values()];
  const out = new Map<string, { blocks: Cidr[]; cuts: Cidr[] }>();
  for (const s of subnets.values()) {
    const blocks = [s.cidr, cidrOf(s.subnet.ipv6Cidr ?? '')].filter((b): b is Cidr => b !== undefined);
    const cuts = cidrs.filter((c) => blocks.some((b) => c.family === b.family && c.first <= b.last && b.first <= c.last && (c.first > b.first || c.last < b.last)));
    if (cuts.length > 0) out.set(s.subnet.id, { blocks, cuts });
  }
  return out;
}

/**
 * Where an address of a cut subnet lies among the CIDRs that cut it ("0110"): addresses with the
 * same answer are alike to every rule, ACL entry and route. Undefined for an address outside the
 * subnet's blocks, which nothing vouches for.
 */
function placeInSplit(split: { blocks: Cidr[]; cuts: Cidr[] }, addresses: Array<Address | undefined>): string | undefined {
  let place = '';
  for (const a of addresses) {
    if (!a) continue;
    if (!split.blocks.some((b) => b.family === a.family && b.first <= a.value && a.value <= b.last)) return undefined;
    for (const c of split.cuts) place += c.family === a.family && c.first <= a.value && a.value <= c.last ? '1' : '0';
    place += '/';
  }
  return place;
}

/** The interface's peerClass (compiled.ts): `shared` for a subnet no CIDR cuts; else with where its addresses lie. */
function peerClassOf(eniId: string, r: Resource, split: { blocks: Cidr[]; cuts: Cidr[] } | undefined, addresses: Array<Address | undefined>, shared: string): string {
  if (r.kind === 'lambda') return eniId;
  if (!split) return shared;
  const place = placeInSplit(split, addresses);
  return place === undefined ? eniId : `${shared}|${place}`;
}

function compileEni(
  r: Resource,
  eni: EniInfo['eni'],
  subnet: SubnetInfo,
  groups: Map<string, GroupInfo>,
  lists: Map<string, GroupInfo[]>,
  split: Map<string, { blocks: Cidr[]; cuts: Cidr[] }>,
): EniInfo {
  let found: GroupInfo[] = [];
  const missing: string[] = [];
  for (const id of eni.securityGroupIds) {
    const g = groups.get(id);
    if (g) found.push(g);
    else missing.push(id);
  }
  // ENIs with the same groups share one list, so per-list memos (sg-eval.ts) serve them all.
  const key = found.map((g) => g.sg.id).join(',');
  const shared = lists.get(key);
  if (shared) found = shared;
  else lists.set(key, found);
  const private4 = eni.privateIps.map(addressOf).find((a) => a?.family === 4);
  const private6 = eni.ipv6Ips.map(addressOf).find((a) => a?.family === 6);
  // What may face the Internet depends on the kind of resource (network-semantics.md §4).
  let hasPublic4 = eni.publicIp !== undefined;
  let hasPublic6 = private6 !== undefined;
  if (r.kind === 'load-balancer') {
    hasPublic4 = r.scheme === 'internet-facing';
    hasPublic6 &&= hasPublic4;
  } else if (r.kind === 'database') {
    hasPublic4 = r.publiclyAccessible;
    hasPublic6 &&= r.publiclyAccessible;
  } else if (r.kind === 'lambda') {
    hasPublic4 = false;
    hasPublic6 = false;
  }
  const public4 = hasPublic4 ? addressOf(eni.publicIp) : undefined;
  const ephemeral =
    r.kind === 'instance' || r.kind === 'instance-group'
      ? r.platform === 'windows'
        ? EPHEMERAL.windows
        : EPHEMERAL.linux
      : r.kind === 'database'
        ? EPHEMERAL.linux
        : EPHEMERAL.wide;
  const label = r.enis.length > 1 ? `${named(r.name, r.id)} interface ${eni.id}` : named(r.name, r.id);
  const cut = split.get(subnet.subnet.id);
  const addresses = [private4, private6];
  const where = `${subnet.subnet.id}|${key}${missing.length > 0 ? `|missing ${missing.join(',')}` : ''}`;
  const alike = `${ephemeral === EPHEMERAL.windows ? 'w' : ephemeral === EPHEMERAL.wide ? 'e' : 'l'}|${Boolean(private6)}`;
  return {
    eni,
    resource: r,
    subnet,
    vpc: subnet.vpc,
    groups: found,
    groupIds: new Set(eni.securityGroupIds),
    missingGroups: missing,
    ...(private4 ? { private4 } : {}),
    ...(private6 ? { private6 } : {}),
    ...(public4 ? { public4 } : {}),
    hasPublic4,
    hasPublic6,
    ephemeral,
    label,
    peerClass: peerClassOf(eni.id, r, cut, addresses, `${where}|${r.kind}|${alike}`),
    pairClass: peerClassOf(eni.id, r, cut, addresses, `${where}|${alike}`),
    classId: 0,
  };
}
