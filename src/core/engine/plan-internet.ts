/**
 * Paths through an internet gateway (network-semantics.md §3, §5): out of an interface to an
 * external address (directly with a public address, or through a NAT gateway whose Elastic IP the
 * far end then sees), and in from an external address to an interface's public address.
 */
import type { Address, IpFamily } from '../net/index.ts';
import type { CompiledDesign, EniInfo, NatInfo, RouteInfo, SubnetInfo } from './compiled.ts';
import type { Check } from './chain.ts';
import type { ExplanationCode, Hop } from './types.ts';
import { aclCheck, aclReplyCheck, gateCheck, narrowCheck, passCheck, push, sgCheck } from './checks.ts';
import { PROTOCOL_ICMP, PROTOCOL_TCP, PROTOCOL_UDP, TrafficSet } from '../net/index.ts';
import { eniHop, explain, igwHop, natHop, peeringHop, resourceHop, tableHop, tablePhrase } from './hops.ts';
import { bestRoute, describeRoute } from './route-eval.ts';
import { addressIn, eniDesc, type Leg } from './plan-private.ts';
import { EPHEMERAL } from './compile.ts';

const NAT_PROTOCOLS = [PROTOCOL_TCP, PROTOCOL_UDP, PROTOCOL_ICMP].reduce((t, p) => t.union(TrafficSet.fromProtocol(p)), TrafficSet.empty());

export interface EgressPlan extends Leg {
  /** The source address the far end sees (public IP, or the NAT gateway's Elastic IP). */
  seenAs?: Address;
}

function fail(hop: Hop, code: ExplanationCode, message: string, path: 'forward' | 'return' = 'forward'): Check {
  return gateCheck(hop, path, false, () => explain(code, hop, path, message));
}

function noPublicAddress(eni: EniInfo, family: IpFamily): string {
  const r = eni.resource;
  const what = family === 4 ? 'public IPv4 address' : 'IPv6 address';
  if (r.kind === 'lambda') return `${eni.label} is a Lambda function, which never has a public address`;
  if (r.kind === 'database' && !r.publiclyAccessible) return `${eni.label} is not publicly accessible, so it has no public address`;
  if (r.kind === 'load-balancer' && r.scheme === 'internal') return `${eni.label} is an internal load balancer, so it has no public address`;
  return `${eni.label} has no ${what}`;
}

/** Out of `src` toward `dest` (an external address, or another resource's public address). */
export function planEgress(ix: CompiledDesign, src: EniInfo, dest: Address, destDesc: string, family: IpFamily, destEni?: EniInfo): EgressPlan {
  const srcAddr = addressIn(src, family)!;
  const forward: Check[] = [];
  const back: Check[] = [];
  push(forward, passCheck(resourceHop(src)), passCheck(eniHop(src, srcAddr.text)));
  push(forward, sgCheck(src, 'egress', { address: dest, ...(destEni ? { eni: destEni } : {}), viaPublic: true, desc: destDesc }));
  push(forward, aclCheck(src.subnet, 'outbound', dest, destDesc));
  const r = bestRoute(src.subnet.routeTable, dest);
  const tHop = tableHop(src.subnet, r ? describeRoute(r) : undefined);
  const phrase = tablePhrase(src.subnet);
  if (!r) {
    forward.push(fail(tHop, 'NO_ROUTE_TO_DESTINATION', `${phrase} has no route to ${destDesc}.`));
    return { forward, back };
  }
  if (r.route?.state === 'blackhole') {
    forward.push(fail(tHop, 'BAD_STATE_ROUTE', `${phrase} sends ${dest.text} to a blackhole route (${describeRoute(r)}).`));
    return { forward, back };
  }
  const t = r.target;
  if (t.kind === 'local') {
    forward.push(fail(tHop, 'NO_ROUTE_TO_DESTINATION', `${phrase} keeps ${destDesc} inside the VPC (local route); it is not an address of the VPC.`));
    return { forward, back };
  }
  if (t.kind === 'other') {
    forward.push(fail(tHop, 'ROUTE_TARGET_NOT_MODELLED', `${phrase} sends ${destDesc} to ${t.id}, a gateway the engine does not model.`));
    return { forward, back };
  }
  if (t.kind === 'peering') {
    const p = ix.peerings.get(t.id);
    forward.push(passCheck(tHop));
    const pHop = peeringHop(p, t.id);
    forward.push(
      fail(
        pHop,
        'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
        `${phrase} sends ${destDesc} to peering connection ${p?.name ?? t.id}, but a peering only carries traffic for the peer VPC's own addresses; it cannot use the peer's internet or NAT gateway.`,
      ),
    );
    return { forward, back };
  }
  if (t.kind === 'internet-gateway') {
    const g = ix.design.internetGateways[t.id];
    const gHop: Hop = { componentId: t.id, componentType: 'internet-gateway', name: g?.name ?? t.id };
    if (!g) forward.push(fail(tHop, 'BAD_STATE_ROUTE', `${phrase} sends ${dest.text} to internet gateway ${t.id}, which does not exist (blackhole).`));
    else push(forward, passCheck(tHop));
    if (g && g.vpcId !== src.vpc.vpc.id) forward.push(fail(gHop, 'IGW_NOT_ATTACHED', `Internet gateway ${g.name} is not attached to VPC ${src.vpc.label}.`));
    const hasPublic = family === 4 ? src.hasPublic4 : src.hasPublic6;
    if (!hasPublic) {
      forward.push(
        fail(gHop, 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS', `${noPublicAddress(src, family)}, and subnet ${src.subnet.label} sends ${dest.text} to internet gateway ${g?.name ?? t.id}, not to a NAT gateway.`),
      );
    } else forward.push(passCheck(gHop));
    push(back, aclReplyCheck(src.subnet, 'inbound', dest, destDesc, 'client'));
    const seenAs = family === 4 ? src.public4 : src.private6;
    return { forward, back, ...(seenAs ? { seenAs } : {}) };
  }
  return natEgress(ix, src, srcAddr, t.id, tHop, dest, destDesc, family, forward, back);
}

function natEgress(
  ix: CompiledDesign,
  src: EniInfo,
  srcAddr: Address,
  natId: string,
  tHop: Hop,
  dest: Address,
  destDesc: string,
  family: IpFamily,
  forward: Check[],
  back: Check[],
): EgressPlan {
  const n: NatInfo | undefined = ix.nats.get(natId);
  const nHop = natHop(n, natId);
  const phrase = tablePhrase(src.subnet);
  const done = (): EgressPlan => ({ forward, back });
  if (!n || !n.subnet) {
    forward.push(fail(tHop, 'BAD_STATE_ROUTE', `${phrase} sends ${dest.text} to NAT gateway ${natId}, which does not exist (blackhole).`));
    return done();
  }
  if (n.nat.state !== undefined && n.nat.state !== 'available') {
    forward.push(fail(tHop, 'BAD_STATE_ROUTE', `${phrase} sends ${dest.text} to NAT gateway ${n.label}, which is ${n.nat.state}, not available.`));
    return done();
  }
  forward.push(passCheck(tHop));
  const natSubnet: SubnetInfo = n.subnet;
  if (natSubnet.vpc !== src.vpc) {
    forward.push(fail(nHop, 'NGW_REQUIRES_SOURCE_IN_VPC', `NAT gateway ${n.label} serves only VPC ${natSubnet.vpc.label}; traffic from ${src.label} in VPC ${src.vpc.label} cannot use it.`));
    return done();
  }
  if (family === 6) {
    forward.push(fail(nHop, 'PROTOCOL_RESTRICTION', `NAT gateway ${n.label} translates IPv4 only; IPv6 to ${dest.text} needs an internet gateway route.`));
    return done();
  }
  // A NAT gateway translates tcp, udp and icmp only.
  forward.push(
    narrowCheck(nHop, NAT_PROTOCOLS, (s) =>
      explain('PROTOCOL_RESTRICTION', nHop, 'forward', `NAT gateway ${n.label} carries tcp, udp and icmp only; ${s.traffic.describe()} cannot go through it.`),
    ),
  );
  if (n.nat.connectivity === 'private' || !n.publicIp) {
    forward.push(
      fail(nHop, 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS', `NAT gateway ${n.label} has no Elastic IP${n.nat.connectivity === 'private' ? ' (private connectivity)' : ''}, so it cannot reach the Internet for ${src.label}.`),
    );
  }
  const shared = natSubnet === src.subnet;
  const srcDesc = eniDesc(src, srcAddr);
  if (!shared) push(forward, aclCheck(natSubnet, 'inbound', srcAddr, srcDesc));
  const r2: RouteInfo | undefined = bestRoute(natSubnet.routeTable, dest);
  const t2Hop = tableHop(natSubnet, r2 ? describeRoute(r2) : undefined);
  const natPhrase = `NAT gateway ${n.label} sits in subnet ${natSubnet.label}, whose route table`;
  if (!r2 || r2.target.kind !== 'internet-gateway') {
    const sends = r2 ? `sends ${dest.text} to ${describeRoute(r2)}` : `has no route to ${dest.text}`;
    forward.push(fail(t2Hop, 'NO_ROUTE_TO_DESTINATION', `${natPhrase} ${sends} rather than to an internet gateway: a NAT gateway must be in a public subnet.`));
  } else if (r2.route?.state === 'blackhole' || !ix.design.internetGateways[r2.target.id]) {
    forward.push(fail(t2Hop, 'BAD_STATE_ROUTE', `${natPhrase} sends ${dest.text} to a blackhole route (${describeRoute(r2)}).`));
  } else if (ix.design.internetGateways[r2.target.id]!.vpcId !== natSubnet.vpc.vpc.id) {
    const gHop: Hop = { componentId: r2.target.id, componentType: 'internet-gateway', name: ix.design.internetGateways[r2.target.id]!.name };
    forward.push(passCheck(t2Hop), fail(gHop, 'IGW_NOT_ATTACHED', `Internet gateway ${gHop.name} is not attached to VPC ${natSubnet.vpc.label}.`));
  } else {
    push(forward, passCheck(t2Hop));
    if (!shared) push(forward, aclCheck(natSubnet, 'outbound', dest, destDesc));
    push(forward, passCheck(igwHop(natSubnet.vpc, `source translated to ${n.publicIp?.text ?? 'the NAT address'}`)));
  }
  // Replies come back to the NAT gateway's own ports, then on to the client's.
  push(back, aclReplyCheck(natSubnet, 'inbound', dest, destDesc, EPHEMERAL.wide));
  if (!shared) push(back, aclReplyCheck(natSubnet, 'outbound', srcAddr, srcDesc, 'client'), aclReplyCheck(src.subnet, 'inbound', dest, destDesc, 'client'));
  return { forward, back, ...(n.publicIp ? { seenAs: n.publicIp } : {}) };
}

/** Into `dst` from `src` (an external address, or another resource's public/NAT address when `srcEni`). */
export function planIngress(src: Address, srcDesc: string, dst: EniInfo, family: IpFamily, srcEni?: EniInfo): Leg {
  const forward: Check[] = [];
  const back: Check[] = [];
  const vpc = dst.vpc;
  const gHop = igwHop(vpc);
  if (!vpc.igw) forward.push(fail(gHop, 'IGW_NOT_ATTACHED', `VPC ${vpc.label} has no internet gateway attached, so nothing from the Internet reaches ${dst.label}.`));
  const hasPublic = family === 4 ? dst.hasPublic4 : dst.hasPublic6;
  if (!hasPublic) {
    forward.push(
      fail(gHop, 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS', `${noPublicAddress(dst, family)}, so internet gateway ${vpc.igw?.name ?? ''} cannot deliver traffic from ${srcDesc} to it.`.replace('  ', ' ')),
    );
  } else if (vpc.igw) forward.push(passCheck(gHop));
  const dstAddr = family === 4 ? (dst.public4 ?? dst.private4) : dst.private6;
  const dstDesc = eniDesc(dst, dstAddr);
  push(forward, aclCheck(dst.subnet, 'inbound', src, srcDesc));
  push(forward, sgCheck(dst, 'ingress', { address: src, ...(srcEni ? { eni: srcEni } : {}), viaPublic: true, desc: srcDesc }));
  push(forward, passCheck(eniHop(dst, dstAddr?.text)), passCheck(resourceHop(dst)));

  push(back, aclReplyCheck(dst.subnet, 'outbound', src, srcDesc, 'client'));
  const r = bestRoute(dst.subnet.routeTable, src);
  const tHop = tableHop(dst.subnet, r ? describeRoute(r) : undefined);
  const phrase = tablePhrase(dst.subnet);
  if (!r || r.target.kind !== 'internet-gateway') {
    const sends = r ? `sends it to ${describeRoute(r)}` : 'has no route for it';
    back.push(fail(tHop, 'NO_ROUTE_TO_DESTINATION', `The reply from ${dstDesc} to ${srcDesc} must leave through the internet gateway, but ${phrase.charAt(0).toLowerCase()}${phrase.slice(1)} ${sends}.`, 'return'));
  } else if (r.route?.state === 'blackhole' || !vpc.igw || r.target.id !== vpc.igw.id) {
    back.push(fail(tHop, 'BAD_STATE_ROUTE', `${phrase} sends the reply to ${src.text} to ${describeRoute(r)}, which is not an attached internet gateway (blackhole).`, 'return'));
  } else back.push(passCheck(tHop, 'return'));
  return { forward, back };
}
