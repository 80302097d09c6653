/**
 * What gets from one interface to another in a different VPC, as sets only: the legs of
 * candidates.ts planPairs (plan-private.ts across a peering; plan-internet.ts out through an
 * internet or NAT gateway and in through the destination's internet gateway) without building
 * their checks, hops or messages, which on a large design is most of exposure's cold time.
 *
 * Each leg is the chain its checks make (chain.ts, first blocker only): forward components narrow
 * the traffic (groups, ACLs, a NAT gateway's protocols) or let nothing through (a failing gate);
 * then the reply's components run in the chain's order, each ACL narrowing the client's ports, a
 * failing gate keeping only what expects no reply. A leg that empties the traffic adds nothing.
 * The order and the conditions are those of the plan functions; a test checks both agree on
 * every pair of generated designs and templates (__tests__/cross-fast.test.ts).
 */
import { PROTOCOL_ICMP, PROTOCOL_TCP, PROTOCOL_UDP, TrafficSet, type Address, type IpFamily } from '../net/index.ts';
import type { CompiledDesign, EniInfo, SubnetInfo } from './compiled.ts';
import { aclAllowedAll } from './acl-eval.ts';
import { oneWayPart, replyPass, type FlowState } from './flow-traffic.ts';
import { addressIn } from './plan-private.ts';
import { bestRoute } from './route-eval.ts';
import { sgUnion, intersect, type SgPeer } from './sg-eval.ts';
import { EPHEMERAL } from './compile.ts';

const NONE = TrafficSet.empty();
const NAT_PROTOCOLS = [PROTOCOL_TCP, PROTOCOL_UDP, PROTOCOL_ICMP].reduce((t, p) => t.union(TrafficSet.fromProtocol(p)), TrafficSet.empty());

/** A reply-path step: an ACL on the reply ('client': to the client's surviving ports), or a route back that must hold. */
type ReplyStep = { acl: SubnetInfo; dir: 'inbound' | 'outbound'; peer: Address; ports: 'client' | 'wide' } | { gate: boolean };

/** The union over the ways between `s` and `d` (planPairs), of `asked`, starting from `s`'s ephemeral ports. */
export function crossTraffic(ix: CompiledDesign, s: EniInfo, d: EniInfo, family: IpFamily, asked: TrafficSet): TrafficSet {
  const dstAddr = addressIn(d, family)!;
  const r = bestRoute(s.subnet.routeTable, dstAddr);
  const pub = family === 4 ? (d.hasPublic4 ? d.public4 : undefined) : d.hasPublic6 ? d.private6 : undefined;
  let t = NONE;
  if (!pub || r?.target.kind === 'peering') t = privateLeg(ix, s, d, family, asked);
  if (pub) {
    const p = publicLeg(ix, s, d, pub, family, asked);
    t = t.isEmpty() ? p : p.isEmpty() ? t : t.union(p);
  }
  return t;
}

/** plan-private.ts planPrivate for two VPCs (never one subnet). */
function privateLeg(ix: CompiledDesign, s: EniInfo, d: EniInfo, family: IpFamily, asked: TrafficSet): TrafficSet {
  const sA = addressIn(s, family)!;
  const dA = addressIn(d, family)!;
  if (!peeringOpen(ix, s, d, dA)) return NONE;
  let t = sg(asked, s, 'egress', { address: dA, eni: d, desc: '' });
  t = acl(t, s.subnet, 'outbound', dA);
  t = acl(t, d.subnet, 'inbound', sA);
  t = sg(t, d, 'ingress', { address: sA, eni: s, desc: '' });
  return replies(t, s, [
    { acl: d.subnet, dir: 'outbound', peer: sA, ports: 'client' },
    { gate: peeringBackOpen(ix, s, d, sA) },
    { acl: s.subnet, dir: 'inbound', peer: dA, ports: 'client' },
  ]);
}

/** plan-internet.ts planEgress toward `pub`, then planIngress from the address `s` is seen as. */
function publicLeg(ix: CompiledDesign, s: EniInfo, d: EniInfo, pub: Address, family: IpFamily, asked: TrafficSet): TrafficSet {
  let t = sg(asked, s, 'egress', { address: pub, eni: d, viaPublic: true, desc: '' });
  t = acl(t, s.subnet, 'outbound', pub);
  if (t.isEmpty()) return NONE;
  const out = egressWay(ix, s, pub, family);
  if (!out) return NONE;
  t = intersect(t, out.narrow);
  for (const [subnet, dir, peer] of out.acls) t = acl(t, subnet, dir, peer);
  const seen = out.seenAs ?? addressIn(s, family)!;
  // planIngress: the destination VPC's internet gateway and the destination's public address.
  const hasPublic = family === 4 ? d.hasPublic4 : d.hasPublic6;
  if (!d.vpc.igw || !hasPublic) return NONE;
  t = acl(t, d.subnet, 'inbound', seen);
  t = sg(t, d, 'ingress', { address: seen, eni: s, viaPublic: true, desc: '' });
  const back = bestRoute(d.subnet.routeTable, seen);
  const backOpen = back !== undefined && back.target.kind === 'internet-gateway' && back.route?.state !== 'blackhole' && back.target.id === d.vpc.igw.id;
  return replies(t, s, [{ acl: d.subnet, dir: 'outbound', peer: seen, ports: 'client' }, { gate: backOpen }, ...out.replies]);
}

interface EgressWay {
  narrow: TrafficSet;
  acls: Array<[SubnetInfo, 'inbound' | 'outbound', Address]>;
  replies: ReplyStep[];
  seenAs?: Address;
}

/** How `s` gets out to the public address `dest` (planEgress after its groups and ACL), or undefined when it cannot. */
function egressWay(ix: CompiledDesign, s: EniInfo, dest: Address, family: IpFamily): EgressWay | undefined {
  const r = bestRoute(s.subnet.routeTable, dest);
  if (!r || r.route?.state === 'blackhole') return undefined;
  const t = r.target;
  if (t.kind === 'internet-gateway') {
    const g = ix.design.internetGateways[t.id];
    const hasPublic = family === 4 ? s.hasPublic4 : s.hasPublic6;
    if (!g || g.vpcId !== s.vpc.vpc.id || !hasPublic) return undefined;
    const seenAs = family === 4 ? s.public4 : s.private6;
    return { narrow: TrafficSet.all(), acls: [], replies: [{ acl: s.subnet, dir: 'inbound', peer: dest, ports: 'client' }], ...(seenAs ? { seenAs } : {}) };
  }
  // A peering cannot carry traffic to a public address; local and unmodelled targets end here too.
  if (t.kind !== 'nat-gateway') return undefined;
  const n = ix.nats.get(t.id);
  if (!n || !n.subnet || (n.nat.state !== undefined && n.nat.state !== 'available')) return undefined;
  const natSubnet = n.subnet;
  if (natSubnet.vpc !== s.vpc || family === 6 || n.nat.connectivity === 'private' || !n.publicIp) return undefined;
  const r2 = bestRoute(natSubnet.routeTable, dest);
  if (!r2 || r2.target.kind !== 'internet-gateway') return undefined;
  const igw = ix.design.internetGateways[r2.target.id];
  if (r2.route?.state === 'blackhole' || !igw || igw.vpcId !== natSubnet.vpc.vpc.id) return undefined;
  const shared = natSubnet === s.subnet;
  const srcAddr = addressIn(s, family)!;
  return {
    narrow: NAT_PROTOCOLS,
    acls: shared ? [] : [
      [natSubnet, 'inbound', srcAddr],
      [natSubnet, 'outbound', dest],
    ],
    // Replies come back to the NAT gateway's own ports, then on to the client's.
    replies: [
      { acl: natSubnet, dir: 'inbound', peer: dest, ports: 'wide' },
      ...(shared ? [] : ([
        { acl: natSubnet, dir: 'outbound', peer: srcAddr, ports: 'client' },
        { acl: s.subnet, dir: 'inbound', peer: dest, ports: 'client' },
      ] as ReplyStep[])),
    ],
    seenAs: n.publicIp,
  };
}

/** plan-private.ts peeringRoute: the source's route to `dA` is an active peering to the destination's VPC. */
function peeringOpen(ix: CompiledDesign, s: EniInfo, d: EniInfo, dA: Address): boolean {
  const r = bestRoute(s.subnet.routeTable, dA);
  if (!r || r.route?.state === 'blackhole' || r.target.kind !== 'peering') return false;
  const p = ix.peerings.get(r.target.id);
  if (!p) return false;
  const mine = p.requester.vpcId === s.vpc.vpc.id ? p.accepter : p.accepter.vpcId === s.vpc.vpc.id ? p.requester : undefined;
  return mine !== undefined && mine.vpcId === d.vpc.vpc.id && p.status === 'active';
}

/** plan-private.ts returnPeeringRoute: the destination's route back to `sA` is an active peering joining both VPCs. */
function peeringBackOpen(ix: CompiledDesign, s: EniInfo, d: EniInfo, sA: Address): boolean {
  const r = bestRoute(d.subnet.routeTable, sA);
  if (!r || r.route?.state === 'blackhole') return false;
  const p = r.target.kind === 'peering' ? ix.peerings.get(r.target.id) : undefined;
  if (!p) return false;
  const vpcs = [p.requester.vpcId, p.accepter.vpcId];
  return vpcs.includes(s.vpc.vpc.id) && vpcs.includes(d.vpc.vpc.id) && p.status === 'active';
}

function sg(t: TrafficSet, owner: EniInfo, dir: 'ingress' | 'egress', peer: SgPeer): TrafficSet {
  return t.isEmpty() ? t : intersect(t, sgUnion(owner.groups, dir, peer));
}

function acl(t: TrafficSet, subnet: SubnetInfo, dir: 'inbound' | 'outbound', peer: Address): TrafficSet {
  if (t.isEmpty() || !subnet.acl) return t;
  return intersect(t, aclAllowedAll(subnet.acl[dir][peer.family], peer));
}

/** The reply's steps in order (checks.ts aclReplyCheck, gateCheck on the return path), from `s`'s ephemeral ports. */
function replies(t: TrafficSet, s: EniInfo, steps: readonly ReplyStep[]): TrafficSet {
  let state: FlowState = { traffic: t, ret: { tcp: s.ephemeral, udp: s.ephemeral } };
  for (const step of steps) {
    if (state.traffic.isEmpty()) return NONE;
    if ('gate' in step) {
      if (!step.gate) state = { traffic: oneWayPart(state.traffic), ret: state.ret };
      continue;
    }
    if (!step.acl.acl) continue;
    const allowed = aclAllowedAll(step.acl.acl[step.dir][step.peer.family], step.peer);
    if (step.ports === 'client') state = replyPass(state.traffic, state.ret, allowed, true);
    else state = { traffic: replyPass(state.traffic, { tcp: EPHEMERAL.wide, udp: EPHEMERAL.wide }, allowed, false).traffic, ret: state.ret };
  }
  return state.traffic;
}
