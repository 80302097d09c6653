/**
 * An independent, deliberately naive oracle for the reachability engine: it pushes ONE concrete
 * packet (addresses, protocol, ports) through a design the way network-semantics.md §5 describes,
 * hop by hop, and then pushes the reply back. No set algebra, no shared code with the engine:
 * loops over rules and comparisons of concrete values only.
 *
 * The network is simulated literally:
 * - an ENI sends: its security groups' egress (forward only), its subnet's route table (longest
 *   prefix, implicit `local` routes for every VPC CIDR), then the hop the route names;
 * - NACLs are met when a packet crosses a subnet boundary (leaving: outbound rules of the subnet it
 *   leaves; entering: inbound rules of the subnet it enters), never between two hosts of a subnet;
 * - the internet gateway translates an ENI's primary private IPv4 to its public address on the way
 *   out and back on the way in (IPv6 passes untranslated); the Internet routes only public addresses;
 * - a NAT gateway rewrites the source to its own address and a port it picks (1024-65535), carries
 *   tcp/udp/icmp only, forwards through its own subnet's route table to the internet gateway only
 *   (§3 gives it no other job), and admits nothing it did not translate itself;
 * - a peering delivers only to addresses of the peer VPC's CIDRs and only when active;
 * - the destination's security groups check ingress (forward only: security groups are stateful);
 * - the reply (addresses and ports swapped) is pushed back the same way without security groups and
 *   must arrive at the client from the address and port the client sent to (so a reply that leaves
 *   through another path, e.g. a NAT instead of the internet gateway, is lost).
 *
 * `bruteForceReach` answers a whole flow question (as the engine's `reach` is asked) by trying every
 * relevant concrete packet: each (source ENI, destination ENI) pair, each destination address, and
 * every client ephemeral port where a NACL rule of the design could change the answer.
 */
import type { Design, Eni, NatGateway, NetworkAclEntry, Resource, SecurityGroup, SecurityGroupRule, Subnet, TrafficMatch, Vpc } from '../../src/core/model/types.ts';
import { networkAclOf, routeTableOf } from '../../src/core/model/queries.ts';
import { cidrContainsAddress, isPrivateIpv4, parseAddressCached, parseCidrCached, protocolNumber, type Address, type Cidr } from '../../src/core/net/index.ts';
import type { Endpoint, Flow } from '../../src/core/engine/types.ts';

// ------------------------------------------------------------------------------------------------
// Packets

/** One concrete packet question: who sends what to whom, with every field fixed. */
export interface ConcretePacket {
  /** The client: one ENI of the design, or an Internet host with a concrete address. */
  source: { kind: 'eni'; eniId: string } | { kind: 'internet'; address: string };
  /** The server: an ENI and the address of it the client sends to, or an Internet host. */
  destination: { kind: 'eni'; eniId: string; address: string } | { kind: 'internet'; address: string };
  /** IANA protocol number (6 tcp, 17 udp, 1 icmp, 58 icmpv6, 47 gre, ...). */
  protocol: number;
  /** tcp/udp destination port. */
  port?: number;
  icmpType?: number;
  icmpCode?: number;
  /** tcp/udp client (ephemeral) source port. */
  sourcePort?: number;
  /** The source port a NAT gateway on the way picks; absent: every candidate is tried. */
  natPort?: number;
}

export interface PacketVerdict {
  ok: boolean;
  /** The first step that dropped the packet (forward or reply), e.g. `forward: nacl-outbound sub-1 (rule 90)`. */
  blockedAt?: string;
  /** The hops the packets took, for debugging. */
  trace: string[];
}

export interface OracleOptions {
  /**
   * How the reply of an ICMP request looks for the stateless checks: `echo` (echo request 8 ->
   * echo reply 0, timestamp 13 -> 14, ...; other types need no reply), `same` (same type/code),
   * `none` (no reply is checked for ICMP).
   */
  icmpReply?: 'echo' | 'same' | 'none';
  /** Inside one VPC, only private addresses (no hairpin through the internet gateway). Default true. */
  sameVpcPrivateOnly?: boolean;
  /** NAT gateway source ports to try; default: every boundary of the design's NACL port ranges in 1024-65535. */
  natPorts?: number[];
  /** Protocols a NAT gateway carries: AWS's tcp/udp/icmp (default), or any (to mirror an engine that does not restrict). */
  natProtocols?: 'tcp-udp-icmp' | 'any';
  /**
   * Between two VPCs joined by a peering (in any state), only private addresses (no path through
   * the internet gateways to public addresses). Default false: both are tried.
   */
  peeredVpcsPrivateOnly?: boolean;
  /** Let an ICMP reply carry any code instead of 0 (to mirror an engine that does so). Default false. */
  icmpReplyAnyCode?: boolean;
  /** Drop any packet that would cross an internet gateway (used for peeredVpcsPrivateOnly). */
  forbidInternetGateway?: boolean;
}

/** Internal packet as it travels: addresses are canonical texts. */
interface Pkt {
  src: string;
  dst: string;
  proto: number;
  sport: number;
  dport: number;
  icmpType: number;
  icmpCode: number;
  /** Came through an internet gateway: security-group references never match it. */
  viaIgw: boolean;
}

type Phase = 'forward' | 'reply';

/** A host that can send or receive inside a VPC. */
type Node = { kind: 'eni'; eni: Eni; subnet: Subnet } | { kind: 'nat'; nat: NatGateway; subnet: Subnet };

type Arrival = { kind: 'eni'; eni: Eni; pkt: Pkt } | { kind: 'internet'; pkt: Pkt };

class Dropped extends Error {
  constructor(readonly step: string) {
    super(step);
  }
}

const TCP = 6;
const UDP = 17;
const ICMP = 1;
const ICMPV6 = 58;

function addr(text: string): Address | undefined {
  const r = parseAddressCached(text);
  return r.ok ? r.value : undefined;
}

function cidr(text: string): Cidr | undefined {
  const r = parseCidrCached(text);
  return r.ok ? r.value : undefined;
}

function inCidr(block: string, address: string): boolean {
  const c = cidr(block);
  const a = addr(address);
  return c !== undefined && a !== undefined && cidrContainsAddress(c, a);
}

function protoNum(p: TrafficMatch['protocol']): number {
  const r = protocolNumber(p);
  return r.ok ? r.value : -999;
}

/** Whether a rule's traffic part (protocol, ports, icmp type/code) matches the packet. */
function trafficMatches(m: TrafficMatch, p: Pkt): boolean {
  const rp = protoNum(m.protocol);
  if (rp === -1) return true; // all protocols, ports ignored
  if (rp !== p.proto) return false;
  if (rp === TCP || rp === UDP) {
    if (!m.ports) return true;
    return m.ports.from <= p.dport && p.dport <= m.ports.to;
  }
  if (rp === ICMP || rp === ICMPV6) {
    if (!m.icmp || m.icmp.type === -1) return true;
    if (m.icmp.type !== p.icmpType) return false;
    return m.icmp.code === -1 || m.icmp.code === p.icmpCode;
  }
  return true; // other protocols: ports ignored
}

// ------------------------------------------------------------------------------------------------
// The walk

class Walk {
  readonly trace: string[] = [];
  /** NAT translations made on the way: outside (nat, port) -> inside (address, port). */
  private readonly translations: Array<{ natId: string; outsidePort: number; insideAddr: string; insidePort: number; remote: string }> = [];
  natUsed = false;
  private hops = 0;

  constructor(
    readonly d: Design,
    readonly natPort: number,
    readonly natAnyProtocol = false,
    readonly forbidIgw = false,
  ) {}

  // --- lookups ---

  subnetOf(eni: Eni): Subnet {
    const s = this.d.subnets[eni.subnetId];
    if (!s) throw new Dropped(`no subnet ${eni.subnetId}`);
    return s;
  }

  allEnis(): Eni[] {
    return Object.values(this.d.resources).flatMap((r) => r.enis);
  }

  vpcCidrs(vpc: Vpc): string[] {
    return [...vpc.cidrs, ...vpc.ipv6Cidrs];
  }

  /** The host with this private address (or IPv6 address) inside a VPC. */
  hostByPrivate(vpcId: string, address: string): Node | undefined {
    for (const eni of this.allEnis()) {
      const s = this.d.subnets[eni.subnetId];
      if (s?.vpcId === vpcId && (eni.privateIps.includes(address) || eni.ipv6Ips.includes(address))) return { kind: 'eni', eni, subnet: s };
    }
    for (const nat of Object.values(this.d.natGateways)) {
      const s = this.d.subnets[nat.subnetId];
      if (s?.vpcId === vpcId && nat.privateIp === address) return { kind: 'nat', nat, subnet: s };
    }
    return undefined;
  }

  attachedIgw(vpcId: string): boolean {
    return Object.values(this.d.internetGateways).some((g) => g.vpcId === vpcId);
  }

  activePeeringBetween(a: string, b: string, id?: string): boolean {
    return Object.values(this.d.peerings).some(
      (p) =>
        (id === undefined || p.id === id) &&
        p.status === 'active' &&
        p.requester.region === p.accepter.region &&
        ((p.requester.vpcId === a && p.accepter.vpcId === b) || (p.requester.vpcId === b && p.accepter.vpcId === a)),
    );
  }

  // --- security groups ---

  peerMatches(owner: SecurityGroup, rule: SecurityGroupRule, address: string, viaIgw: boolean): boolean {
    const peer = rule.peer;
    if (peer.kind === 'cidr') return inCidr(peer.cidr, address);
    if (peer.kind === 'prefix-list') {
      const pl = this.d.prefixLists[peer.prefixListId];
      return pl !== undefined && pl.entries.some((e) => inCidr(e.cidr, address));
    }
    const group = this.d.securityGroups[peer.groupId];
    if (!group) return false; // stale reference
    if (viaIgw) return false; // traffic through the internet gateway never matches a group reference
    if (group.vpcId !== owner.vpcId && !this.activePeeringBetween(group.vpcId, owner.vpcId, peer.peeringId)) return false;
    // Private addresses of the ENIs that carry the referenced group, and nothing else.
    for (const eni of this.allEnis()) {
      if (eni.securityGroupIds.includes(group.id) && (eni.privateIps.includes(address) || eni.ipv6Ips.includes(address))) return true;
    }
    return false;
  }

  sgAllows(eni: Eni, direction: 'ingress' | 'egress', p: Pkt): boolean {
    const other = direction === 'egress' ? p.dst : p.src;
    for (const gid of eni.securityGroupIds) {
      const g = this.d.securityGroups[gid];
      if (!g) continue;
      for (const rule of g[direction]) {
        if (trafficMatches(rule.match, p) && this.peerMatches(g, rule, other, p.viaIgw)) return true;
      }
    }
    return false;
  }

  // --- network ACLs ---

  nacl(subnet: Subnet, egress: boolean, p: Pkt, phase: Phase): void {
    const acl = networkAclOf(this.d, subnet);
    const where = `${phase}: nacl-${egress ? 'outbound' : 'inbound'} ${subnet.id}`;
    if (!acl) throw new Dropped(`${where} (no ACL)`);
    const entries: NetworkAclEntry[] = acl.entries.filter((e) => e.egress === egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
    const other = egress ? p.dst : p.src;
    for (const e of entries) {
      if (inCidr(e.cidr, other) && trafficMatches(e.match, p)) {
        if (e.action === 'allow') {
          this.trace.push(`${where} rule ${e.ruleNumber} allows`);
          return;
        }
        throw new Dropped(`${where} (rule ${e.ruleNumber})`);
      }
    }
    throw new Dropped(`${where} (rule *)`);
  }

  // --- routing ---

  lookup(subnet: Subnet, dst: string): { target: { kind: string; id?: string }; state: string; dest: string } | undefined {
    const vpc = this.d.vpcs[subnet.vpcId];
    if (!vpc) return undefined;
    const a = addr(dst);
    if (!a) return undefined;
    type Cand = { prefix: number; local: boolean; target: { kind: string; id?: string }; state: string; dest: string };
    const cands: Cand[] = [];
    for (const c of this.vpcCidrs(vpc)) {
      const block = cidr(c);
      if (block && cidrContainsAddress(block, a)) cands.push({ prefix: block.prefix, local: true, target: { kind: 'local' }, state: 'active', dest: c });
    }
    const table = routeTableOf(this.d, subnet);
    for (const r of table?.routes ?? []) {
      const dests = 'cidr' in r.destination ? [r.destination.cidr] : (this.d.prefixLists[r.destination.prefixListId]?.entries.map((e) => e.cidr) ?? []);
      for (const text of dests) {
        const block = cidr(text);
        if (block && cidrContainsAddress(block, a)) {
          cands.push({ prefix: block.prefix, local: r.target.kind === 'local', target: r.target, state: r.state, dest: text });
        }
      }
    }
    let best: Cand | undefined;
    for (const c of cands) {
      if (!best || c.prefix > best.prefix || (c.prefix === best.prefix && c.local && !best.local)) best = c;
    }
    return best;
  }

  /** A host in a VPC sends a packet (forward: its SGs check egress when it is an ENI). */
  send(from: Node, p: Pkt, phase: Phase): Arrival {
    if (++this.hops > 12) throw new Dropped(`${phase}: routing loop`);
    if (from.kind === 'eni' && phase === 'forward') {
      if (!this.sgAllows(from.eni, 'egress', p)) throw new Dropped(`forward: sg-egress ${from.eni.id}`);
      this.trace.push(`forward: sg-egress ${from.eni.id} allows`);
    }
    const subnet = from.subnet;
    const vpcId = subnet.vpcId;
    // Inside one subnet nothing is routed: the packet goes straight to its host.
    const neighbour = this.hostByPrivate(vpcId, p.dst);
    if (neighbour && neighbour.subnet.id === subnet.id) {
      this.trace.push(`${phase}: ${p.dst} is in the same subnet ${subnet.id}`);
      return this.arrive(neighbour, p, phase);
    }
    const route = this.lookup(subnet, p.dst);
    if (!route) throw new Dropped(`${phase}: no route in ${subnet.id} to ${p.dst}`);
    if (route.state !== 'active') throw new Dropped(`${phase}: blackhole route ${route.dest} in ${subnet.id}`);
    this.trace.push(`${phase}: ${subnet.id} routes ${p.dst} via ${route.dest} -> ${route.target.kind} ${route.target.id ?? ''}`);
    const t = route.target;
    switch (t.kind) {
      case 'local': {
        const host = this.hostByPrivate(vpcId, p.dst);
        if (!host) throw new Dropped(`${phase}: nobody has ${p.dst} in ${vpcId}`);
        if (host.subnet.id !== subnet.id) {
          this.nacl(subnet, true, p, phase);
          this.nacl(host.subnet, false, p, phase);
        }
        return this.arrive(host, p, phase);
      }
      case 'internet-gateway': {
        const igw = this.d.internetGateways[t.id!];
        if (!igw || igw.vpcId !== vpcId) throw new Dropped(`${phase}: internet gateway ${t.id} not attached to ${vpcId}`);
        this.nacl(subnet, true, p, phase);
        return this.throughIgwOut(from, p, phase);
      }
      case 'nat-gateway': {
        const nat = this.d.natGateways[t.id!];
        const natSubnet = nat ? this.d.subnets[nat.subnetId] : undefined;
        if (!nat || !natSubnet) throw new Dropped(`${phase}: NAT gateway ${t.id} does not exist`);
        if (natSubnet.vpcId !== vpcId) throw new Dropped(`${phase}: NAT gateway ${nat.id} is in another VPC`);
        if (nat.state !== undefined && nat.state !== 'available') throw new Dropped(`${phase}: NAT gateway ${nat.id} is ${nat.state}`);
        if (from.kind === 'nat') throw new Dropped(`${phase}: NAT gateway ${from.nat.id} routes to a NAT gateway`);
        if (addr(p.dst)?.family !== 4) throw new Dropped(`${phase}: NAT gateway ${nat.id} carries IPv4 only`);
        if (!this.natAnyProtocol && p.proto !== TCP && p.proto !== UDP && p.proto !== ICMP) throw new Dropped(`${phase}: NAT gateway ${nat.id} cannot carry protocol ${p.proto}`);
        if (natSubnet.id !== subnet.id) {
          this.nacl(subnet, true, p, phase);
          this.nacl(natSubnet, false, p, phase);
        }
        return this.natForward({ kind: 'nat', nat, subnet: natSubnet }, p, phase);
      }
      case 'peering': {
        const pcx = this.d.peerings[t.id!];
        if (!pcx) throw new Dropped(`${phase}: peering ${t.id} does not exist`);
        if (pcx.status !== 'active') throw new Dropped(`${phase}: peering ${pcx.id} is ${pcx.status}`);
        const side = pcx.requester.vpcId === vpcId ? pcx.accepter : pcx.accepter.vpcId === vpcId ? pcx.requester : undefined;
        if (!side) throw new Dropped(`${phase}: peering ${pcx.id} does not connect ${vpcId}`);
        const peerVpc = this.d.vpcs[side.vpcId];
        const peerCidrs = peerVpc ? this.vpcCidrs(peerVpc) : [...(side.cidrs ?? []), ...(side.ipv6Cidrs ?? [])];
        if (!peerCidrs.some((c) => inCidr(c, p.dst))) throw new Dropped(`${phase}: peering ${pcx.id} does not carry ${p.dst} (no transit)`);
        // The source must be an address of this VPC too (no transit the other way either).
        const ownVpc = this.d.vpcs[vpcId]!;
        if (!this.vpcCidrs(ownVpc).some((c) => inCidr(c, p.src))) throw new Dropped(`${phase}: peering ${pcx.id} does not carry source ${p.src}`);
        this.nacl(subnet, true, p, phase);
        const host = this.hostByPrivate(side.vpcId, p.dst);
        if (!host) throw new Dropped(`${phase}: nobody has ${p.dst} in ${side.vpcId}`);
        this.nacl(host.subnet, false, p, phase);
        return this.arrive(host, p, phase);
      }
      default:
        throw new Dropped(`${phase}: route target ${t.kind} ${t.id ?? ''} leaves the design`);
    }
  }

  /** A packet reaches a host inside a VPC by its address. */
  arrive(host: Node, p: Pkt, phase: Phase): Arrival {
    if (host.kind === 'eni') {
      if (phase === 'forward') {
        if (!this.sgAllows(host.eni, 'ingress', p)) throw new Dropped(`forward: sg-ingress ${host.eni.id}`);
        this.trace.push(`forward: sg-ingress ${host.eni.id} allows`);
      }
      return { kind: 'eni', eni: host.eni, pkt: p };
    }
    // A packet addressed to a NAT gateway: only the reply of a translation it made gets in.
    const tr = this.translations.find((x) => x.natId === host.nat.id && x.outsidePort === p.dport && x.remote === p.src);
    if (phase !== 'reply' || !tr) throw new Dropped(`${phase}: NAT gateway ${host.nat.id} admits no inbound connection`);
    const back: Pkt = { ...p, dst: tr.insideAddr, dport: tr.insidePort };
    this.trace.push(`${phase}: NAT ${host.nat.id} translates back to ${tr.insideAddr}:${tr.insidePort}`);
    return this.sendNatInside(host, back, phase);
  }

  /** The NAT sends a de-translated reply to the inside host: its own subnet's table, no SG. */
  sendNatInside(nat: Node & { kind: 'nat' }, p: Pkt, phase: Phase): Arrival {
    return this.send(nat, p, phase);
  }

  /** A NAT gateway forwards a packet it was routed: new source address and port, its own subnet's routes. */
  natForward(nat: Node & { kind: 'nat' }, p: Pkt, phase: Phase): Arrival {
    this.natUsed = true;
    if (!nat.nat.privateIp) throw new Dropped(`${phase}: NAT gateway ${nat.nat.id} has no private address`);
    const outsidePort = p.proto === TCP || p.proto === UDP ? this.natPort : p.sport;
    this.translations.push({ natId: nat.nat.id, outsidePort, insideAddr: p.src, insidePort: p.sport, remote: p.dst });
    const out: Pkt = { ...p, src: nat.nat.privateIp, sport: outsidePort };
    this.trace.push(`${phase}: NAT ${nat.nat.id} translates ${p.src}:${p.sport} -> ${out.src}:${outsidePort}`);
    // network-semantics.md §3 gives a NAT gateway one job: reaching the Internet through the IGW.
    const next = this.lookup(nat.subnet, out.dst);
    if (next && next.target.kind !== 'internet-gateway') throw new Dropped(`${phase}: NAT gateway ${nat.nat.id} forwards to the Internet only, not to ${next.target.kind}`);
    return this.send(nat, out, phase);
  }

  /** Leaving through the internet gateway: the source becomes the sender's public address (IPv4). */
  throughIgwOut(from: Node, p: Pkt, phase: Phase): Arrival {
    if (this.forbidIgw) throw new Dropped(`${phase}: internet gateway (not considered between peered VPCs)`);
    const a = addr(p.src);
    let src = p.src;
    if (a?.family === 4) {
      const isPrimary = from.kind === 'eni' ? from.eni.privateIps[0] === p.src : from.nat.privateIp === p.src;
      const pub = from.kind === 'eni' ? from.eni.publicIp : from.nat.connectivity === 'public' ? from.nat.publicIp : undefined;
      if (!isPrimary || !pub) throw new Dropped(`${phase}: internet gateway: ${p.src} has no public address`);
      src = pub;
    } else if (from.kind !== 'eni' || !from.eni.ipv6Ips.includes(p.src)) {
      throw new Dropped(`${phase}: internet gateway: ${p.src} is not an IPv6 address of the sender`);
    }
    const dst = addr(p.dst);
    if (!dst || (dst.family === 4 && isPrivateIpv4(dst))) throw new Dropped(`${phase}: the Internet does not route ${p.dst}`);
    this.trace.push(`${phase}: internet gateway sends ${p.src} as ${src}`);
    return this.onInternet({ ...p, src, viaIgw: true }, phase);
  }

  /** A packet on the Internet: to a public address of the design (through that VPC's IGW), else to an Internet host. */
  onInternet(p: Pkt, phase: Phase): Arrival {
    for (const eni of this.allEnis()) {
      const subnet = this.subnetOf(eni);
      const v4 = eni.publicIp === p.dst;
      const v6 = eni.ipv6Ips.includes(p.dst);
      if (!v4 && !v6) continue;
      if (!this.attachedIgw(subnet.vpcId)) throw new Dropped(`${phase}: ${subnet.vpcId} has no attached internet gateway`);
      const inside: Pkt = v4 ? { ...p, dst: eni.privateIps[0]! } : p;
      this.trace.push(`${phase}: internet gateway of ${subnet.vpcId} delivers ${p.dst} to ${inside.dst}`);
      this.nacl(subnet, false, inside, phase);
      return this.arrive({ kind: 'eni', eni, subnet }, inside, phase);
    }
    for (const nat of Object.values(this.d.natGateways)) {
      if (nat.publicIp !== p.dst || nat.connectivity !== 'public') continue;
      const subnet = this.d.subnets[nat.subnetId]!;
      if (!this.attachedIgw(subnet.vpcId)) throw new Dropped(`${phase}: ${subnet.vpcId} has no attached internet gateway`);
      if (!nat.privateIp) throw new Dropped(`${phase}: NAT ${nat.id} has no private address`);
      const inside: Pkt = { ...p, dst: nat.privateIp };
      this.nacl(subnet, false, inside, phase);
      return this.arrive({ kind: 'nat', nat, subnet }, inside, phase);
    }
    const a = addr(p.dst);
    if (!a || (a.family === 4 && isPrivateIpv4(a))) throw new Dropped(`${phase}: the Internet does not route ${p.dst}`);
    return { kind: 'internet', pkt: p };
  }
}

function icmpReplyOf(type: number, code: number, mode: 'echo' | 'same' | 'none'): { type: number; code: number } | undefined {
  if (mode === 'none') return undefined;
  if (mode === 'same') return { type, code };
  const pairs: Record<number, number> = { 8: 0, 13: 14, 15: 16, 17: 18, 128: 129 };
  const r = pairs[type];
  return r === undefined ? undefined : { type: r, code: 0 };
}

function findEni(d: Design, eniId: string): Eni | undefined {
  for (const r of Object.values(d.resources)) for (const e of r.enis) if (e.id === eniId) return e;
  return undefined;
}

/** Every boundary of the design's tcp/udp NACL port ranges within [lo, hi], plus the range's ends and middle. */
export function portCandidates(d: Design, lo: number, hi: number): number[] {
  const set = new Set<number>([lo, hi, Math.floor((lo + hi) / 2)]);
  for (const acl of Object.values(d.networkAcls)) {
    for (const e of acl.entries) {
      if (!e.match.ports) continue;
      for (const b of [e.match.ports.from - 1, e.match.ports.from, e.match.ports.to, e.match.ports.to + 1]) if (b >= lo && b <= hi) set.add(b);
    }
  }
  return [...set].sort((a, b) => a - b);
}

/** Pushes one concrete packet and its reply through the design. */
export function evaluatePacket(d: Design, packet: ConcretePacket, options: OracleOptions = {}): PacketVerdict {
  const natPorts = packet.natPort !== undefined ? [packet.natPort] : (options.natPorts ?? portCandidates(d, 1024, 65535));
  let last: PacketVerdict | undefined;
  for (const natPort of natPorts) {
    const walk = new Walk(d, natPort, options.natProtocols === 'any', options.forbidInternetGateway === true);
    const verdict = run(walk, d, packet, options);
    if (verdict.ok || !walk.natUsed) return verdict;
    last ??= verdict;
  }
  return last!;
}

/** Sends the reply with the first ICMP code that gets through (one code unless mirroring an any-code engine). */
function sendReply(walk: Walk, there: Arrival, reply: Pkt, codes: number[]): Arrival {
  let first: unknown;
  for (const code of codes) {
    const mark = walk.trace.length;
    try {
      const r = { ...reply, icmpCode: code };
      return there.kind === 'eni' ? walk.send({ kind: 'eni', eni: there.eni, subnet: walk.subnetOf(there.eni) }, r, 'reply') : walk.onInternet(r, 'reply');
    } catch (e) {
      if (!(e instanceof Dropped)) throw e;
      first ??= e;
      walk.trace.length = mark;
    }
  }
  throw first;
}

function replyCodeCandidates(d: Design): number[] {
  const set = new Set<number>([0, 1, 255]);
  for (const acl of Object.values(d.networkAcls)) for (const e of acl.entries) if (e.match.icmp && e.match.icmp.code >= 0) set.add(e.match.icmp.code).add(e.match.icmp.code + 1);
  return [...set];
}

function run(walk: Walk, d: Design, packet: ConcretePacket, options: OracleOptions): PacketVerdict {
  const icmpMode = options.icmpReply ?? 'echo';
  const ported = packet.protocol === TCP || packet.protocol === UDP;
  const icmpLike = packet.protocol === ICMP || packet.protocol === ICMPV6;
  try {
    let client: Node | undefined;
    let src: string;
    if (packet.source.kind === 'eni') {
      const eni = findEni(d, packet.source.eniId);
      if (!eni) throw new Dropped(`no ENI ${packet.source.eniId}`);
      const subnet = walk.subnetOf(eni);
      client = { kind: 'eni', eni, subnet };
      const dstFamily = addr(packet.destination.address)?.family;
      src = dstFamily === 6 ? (eni.ipv6Ips[0] ?? '') : eni.privateIps[0]!;
      if (!src) throw new Dropped('forward: the source has no IPv6 address');
    } else {
      src = packet.source.address;
    }
    const fwd: Pkt = {
      src,
      dst: packet.destination.address,
      proto: packet.protocol,
      sport: ported ? (packet.sourcePort ?? 40000) : 0,
      dport: ported ? (packet.port ?? 0) : 0,
      icmpType: icmpLike ? (packet.icmpType ?? 8) : 0,
      icmpCode: icmpLike ? (packet.icmpCode ?? 0) : 0,
      viaIgw: packet.source.kind === 'internet',
    };
    const there = client ? walk.send(client, fwd, 'forward') : walk.onInternet(fwd, 'forward');
    // Did it arrive where it was sent?
    if (packet.destination.kind === 'eni') {
      if (there.kind !== 'eni' || there.eni.id !== packet.destination.eniId) throw new Dropped('forward: delivered elsewhere');
    } else if (there.kind !== 'internet' || there.pkt.dst !== packet.destination.address) {
      throw new Dropped('forward: delivered elsewhere');
    }
    // The reply: addresses and ports swapped; ICMP per the chosen mode; no security groups.
    let replyType = 0;
    let replyCode = 0;
    if (icmpLike) {
      const r = icmpReplyOf(fwd.icmpType, fwd.icmpCode, icmpMode);
      if (!r) return { ok: true, trace: walk.trace };
      replyType = r.type;
      replyCode = r.code;
    }
    const q = there.pkt;
    const reply: Pkt = { src: q.dst, dst: q.src, proto: q.proto, sport: q.dport, dport: q.sport, icmpType: replyType, icmpCode: replyCode, viaIgw: false };
    const back = sendReply(walk, there, reply, icmpLike && options.icmpReplyAnyCode === true ? replyCodeCandidates(d) : [replyCode]);
    const okClient =
      packet.source.kind === 'eni' ? back.kind === 'eni' && back.eni.id === packet.source.eniId : back.kind === 'internet' && back.pkt.dst === packet.source.address;
    if (!okClient) throw new Dropped('reply: delivered elsewhere');
    if (back.pkt.dst !== fwd.src || back.pkt.dport !== fwd.sport || back.pkt.src !== fwd.dst || back.pkt.sport !== fwd.dport) {
      throw new Dropped(`reply: arrives from ${back.pkt.src}:${back.pkt.sport}, not from ${fwd.dst}:${fwd.dport} (asymmetric path)`);
    }
    return { ok: true, trace: walk.trace };
  } catch (e) {
    if (e instanceof Dropped) return { ok: false, blockedAt: e.step, trace: walk.trace };
    throw e;
  }
}

// ------------------------------------------------------------------------------------------------
// Whole flow questions, by brute force

export interface OracleAnswer {
  reachable: boolean;
  /** A packet that got through both ways. */
  witness?: ConcretePacket;
  /** The first blocking step of each packet tried (deduplicated), when unreachable. */
  blocks: string[];
  /** How many concrete packets were tried. */
  tried: number;
}

/** Client ephemeral ports by kind (network-semantics.md §2; Internet: 1024-65535). */
export function ephemeralRange(resource: Resource | undefined): [number, number] {
  if (!resource) return [1024, 65535];
  if (resource.kind === 'instance' || resource.kind === 'instance-group') return resource.platform === 'windows' ? [49152, 65535] : [32768, 60999];
  return [1024, 65535];
}

function resourceEnis(d: Design, e: Endpoint): { eni: Eni; resource: Resource }[] {
  if (e.kind !== 'resource') return [];
  const r = d.resources[e.resourceId];
  if (!r) return [];
  return r.enis.filter((x) => e.eniId === undefined || x.id === e.eniId).map((eni) => ({ eni, resource: r }));
}

/**
 * Is there a concrete packet of the flow that gets from source to destination and back?
 * Tries every (source ENI, destination ENI) pair, every destination address the path could use
 * (private inside a VPC; private and public across VPCs; the public address from the Internet;
 * IPv6 when an end is IPv6, or as a fallback when both ENIs have IPv6), every client port where a
 * NACL boundary lies, and every NAT port candidate.
 */
export function bruteForceReach(d: Design, source: Endpoint, destination: Endpoint, flow: Flow, options: OracleOptions = {}): OracleAnswer {
  const protoR = protocolNumber(flow.protocol);
  if (!protoR.ok) throw new Error(`bad protocol ${String(flow.protocol)}`);
  const protocol = protoR.value;
  if (protocol === -1) throw new Error('the oracle takes one concrete protocol, not all');
  const ported = protocol === TCP || protocol === UDP;
  const blocks = new Set<string>();
  let tried = 0;

  const sourceEnds: Array<{ end: ConcretePacket['source']; range: [number, number]; eni?: Eni }> = [];
  if (source.kind === 'internet') {
    if (!source.address) throw new Error('the oracle needs a concrete Internet address');
    sourceEnds.push({ end: { kind: 'internet', address: source.address }, range: ephemeralRange(undefined) });
  } else if (source.kind === 'resource') {
    for (const { eni, resource } of resourceEnis(d, source)) sourceEnds.push({ end: { kind: 'eni', eniId: eni.id }, range: ephemeralRange(resource), eni });
  } else {
    throw new Error('external networks are not covered by the oracle');
  }

  const destEnds: Array<{ eni?: Eni; address?: string }> = [];
  if (destination.kind === 'internet') {
    if (!destination.address) throw new Error('the oracle needs a concrete Internet address');
    destEnds.push({ address: destination.address });
  } else if (destination.kind === 'resource') {
    for (const { eni } of resourceEnis(d, destination)) destEnds.push({ eni });
  } else {
    throw new Error('external networks are not covered by the oracle');
  }

  const sameVpcPrivateOnly = options.sameVpcPrivateOnly ?? true;
  const attempts: Array<ConcretePacket & { forbidIgw?: boolean }> = [];
  for (const s of sourceEnds) {
    const ports = ported ? portCandidates(d, s.range[0], s.range[1]) : [0];
    for (const t of destEnds) {
      const addresses: string[] = [];
      let forbidIgw = false;
      if (t.address) addresses.push(t.address);
      else if (t.eni) {
        const dstVpc = d.subnets[t.eni.subnetId]?.vpcId;
        if (s.end.kind === 'internet') {
          const fam = addr(s.end.address)?.family;
          if (fam === 4 && t.eni.publicIp) addresses.push(t.eni.publicIp);
          if (fam === 6) addresses.push(...t.eni.ipv6Ips);
        } else {
          const srcVpc = s.eni ? d.subnets[s.eni.subnetId]?.vpcId : undefined;
          const v6Ok = flow.ipVersion !== 4 && (s.eni?.ipv6Ips.length ?? 0) > 0;
          if (flow.ipVersion !== 6) {
            addresses.push(...t.eni.privateIps.slice(0, 1));
            const peered =
              srcVpc !== undefined &&
              dstVpc !== undefined &&
              Object.values(d.peerings).some(
                (p) => (p.requester.vpcId === srcVpc && p.accepter.vpcId === dstVpc) || (p.requester.vpcId === dstVpc && p.accepter.vpcId === srcVpc),
              );
            const privateOnly = (sameVpcPrivateOnly && srcVpc === dstVpc) || (options.peeredVpcsPrivateOnly === true && peered);
            if (options.peeredVpcsPrivateOnly === true && peered) forbidIgw = true;
            if (t.eni.publicIp && !privateOnly) addresses.push(t.eni.publicIp);
          }
          if (v6Ok) addresses.push(...t.eni.ipv6Ips);
        }
      }
      for (const address of addresses) {
        // ICMP lives on IPv4, ICMPv6 on IPv6.
        const family = addr(address)?.family;
        if ((protocol === ICMP && family !== 4) || (protocol === ICMPV6 && family !== 6)) continue;
        const destinationEnd: ConcretePacket['destination'] = t.eni ? { kind: 'eni', eniId: t.eni.id, address } : { kind: 'internet', address };
        for (const sourcePort of ports) {
          attempts.push({
            ...(forbidIgw ? { forbidIgw } : {}),
            source: s.end,
            destination: destinationEnd,
            protocol,
            ...(ported ? { port: flow.port ?? 0, sourcePort } : {}),
            ...(protocol === ICMP || protocol === ICMPV6 ? { icmpType: flow.icmpType ?? 8, icmpCode: flow.icmpCode ?? 0 } : {}),
          });
        }
      }
    }
  }
  const natPorts = options.natPorts ?? portCandidates(d, 1024, 65535);
  for (const { forbidIgw, ...packet } of attempts) {
    tried++;
    const v = evaluatePacket(d, packet, { ...options, natPorts, forbidInternetGateway: forbidIgw === true });
    if (v.ok) return { reachable: true, witness: packet, blocks: [], tried };
    blocks.add(v.blockedAt ?? '?');
  }
  return { reachable: false, blocks: [...blocks], tried };
}
