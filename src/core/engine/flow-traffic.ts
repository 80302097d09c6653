/**
 * Turns a Flow into the traffic set it asks about, and derives the replies a stateless NACL must
 * pass: tcp/udp replies go to the client's ephemeral ports, an ICMP request's reply is its reply
 * type (echo 8 -> 0, timestamp 13 -> 14, ICMPv6 echo 128 -> 129), other protocols reply in kind.
 */
import { IntervalSet, PortSet, TrafficSet, protocolNumber, PROTOCOL_ICMP, PROTOCOL_ICMPV6, PROTOCOL_TCP, PROTOCOL_UDP } from '../net/index.ts';
import type { Flow } from './types.ts';

/** Ephemeral client ports that have survived so far, per protocol that uses them. */
export interface ReturnPorts {
  tcp: PortSet;
  udp: PortSet;
}

/** What is still getting through at one point of a path. */
export interface FlowState {
  traffic: TrafficSet;
  ret: ReturnPorts;
}

export const EMPTY_STATE: FlowState = { traffic: TrafficSet.empty(), ret: { tcp: PortSet.none(), udp: PortSet.none() } };

/** The traffic a flow asks about; an unknown protocol asks about nothing. */
export function askedTraffic(flow: Flow): TrafficSet {
  const n = protocolNumber(flow.protocol);
  if (!n.ok) return TrafficSet.empty();
  const p = n.value;
  if (p === -1) return TrafficSet.all();
  if (p === PROTOCOL_TCP || p === PROTOCOL_UDP) {
    if (flow.port === undefined) return TrafficSet.fromProtocol(p);
    if (!Number.isInteger(flow.port) || flow.port < 0 || flow.port > 65535) return TrafficSet.empty();
    return TrafficSet.fromProtocol(p, PortSet.fromRange(flow.port, flow.port));
  }
  if (p === PROTOCOL_ICMP || p === PROTOCOL_ICMPV6) {
    const type = flow.icmpType ?? -1;
    const code = flow.icmpCode ?? -1;
    if (type < 0 || type > 255) return TrafficSet.fromProtocol(p);
    const base = type * 256;
    if (code < 0 || code > 255) return TrafficSet.fromProtocol(p, PortSet.fromRange(base, base + 255));
    return TrafficSet.fromProtocol(p, PortSet.fromRange(base + code, base + code));
  }
  return TrafficSet.fromProtocol(p);
}

/** "tcp 443", "udp all ports", "all traffic", "icmp echo-request" */
export function describeFlow(flow: Flow): string {
  return askedTraffic(flow).describe();
}

const REPLY_V4: ReadonlyMap<number, number> = new Map([
  [8, 0],
  [13, 14],
  [15, 16],
  [17, 18],
]);
const REPLY_V6: ReadonlyMap<number, number> = new Map([[128, 129]]);

const DETAILED = [PROTOCOL_TCP, PROTOCOL_UDP, PROTOCOL_ICMP, PROTOCOL_ICMPV6].reduce(
  (t, p) => t.union(TrafficSet.fromProtocol(p)),
  TrafficSet.empty(),
);

function requestTypes(values: PortSet, replies: ReadonlyMap<number, number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const { from, to } of values.toRanges()) {
    for (let t = from >> 8; t <= to >> 8; t++) {
      const r = replies.get(t);
      if (r !== undefined) out.set(t, r);
    }
  }
  return out;
}

/** Replies of ICMP requests carry code 0 (echo reply 0/0, timestamp reply 14/0, ICMPv6 echo reply 129/0). */
function icmpPart(protocol: number, forward: TrafficSet): { types: Map<number, number>; replies: PortSet } {
  const types = requestTypes(forward.portsFor(protocol), protocol === PROTOCOL_ICMP ? REPLY_V4 : REPLY_V6);
  const replies = PortSet.fromRanges([...new Set(types.values())].map((r) => ({ from: r * 256, to: r * 256 })));
  return { types, replies };
}

/**
 * The part of the traffic that expects no reply: ICMP messages other than requests (destination
 * unreachable, echo reply…). It needs no route back and no reply through stateless ACLs.
 */
export function oneWayPart(traffic: TrafficSet): TrafficSet {
  let out = TrafficSet.empty();
  for (const p of [PROTOCOL_ICMP, PROTOCOL_ICMPV6]) {
    const values = traffic.portsFor(p);
    if (values.isEmpty()) continue;
    let rest = values;
    for (const t of requestTypes(values, p === PROTOCOL_ICMP ? REPLY_V4 : REPLY_V6).keys()) rest = rest.subtract(PortSet.fromRange(t * 256, t * 256 + 255));
    if (!rest.isEmpty()) out = out.union(TrafficSet.fromProtocol(p, rest));
  }
  return out;
}

/** The reply packets of `forward` when the client listens on `ret` ports. */
export function replyTraffic(forward: TrafficSet, ret: ReturnPorts): TrafficSet {
  let out = forward.subtract(DETAILED);
  if (!forward.portsFor(PROTOCOL_TCP).isEmpty() && !ret.tcp.isEmpty()) out = out.union(TrafficSet.fromProtocol(PROTOCOL_TCP, ret.tcp));
  if (!forward.portsFor(PROTOCOL_UDP).isEmpty() && !ret.udp.isEmpty()) out = out.union(TrafficSet.fromProtocol(PROTOCOL_UDP, ret.udp));
  for (const p of [PROTOCOL_ICMP, PROTOCOL_ICMPV6]) {
    const { replies } = icmpPart(p, forward);
    if (!replies.isEmpty()) out = out.union(TrafficSet.fromProtocol(p, replies));
  }
  return out;
}

const DETAILED_NUMBERS = IntervalSet.ofNumbers([
  [PROTOCOL_ICMP, PROTOCOL_ICMP],
  [PROTOCOL_TCP, PROTOCOL_TCP],
  [PROTOCOL_UDP, PROTOCOL_UDP],
  [PROTOCOL_ICMPV6, PROTOCOL_ICMPV6],
]);

/**
 * The forward traffic whose replies get back, given everything a component allows back
 * (`allowedAll`), and the client ports that survive (kept as the client's from here on when
 * `narrowsClient`). Built from port sets, touching the traffic set only when something is
 * dropped: this runs for every reply check.
 */
export function replyPass(forward: TrafficSet, ret: ReturnPorts, allowedAll: TrafficSet, narrowsClient: boolean): FlowState {
  if (allowedAll.isAll()) return { traffic: forward, ret };
  const drop: TrafficSet[] = [];
  let tcp = ret.tcp;
  let udp = ret.udp;
  if (!forward.portsFor(PROTOCOL_TCP).isEmpty()) {
    tcp = ret.tcp.intersect(allowedAll.portsFor(PROTOCOL_TCP));
    if (tcp.isEmpty()) drop.push(TrafficSet.fromProtocol(PROTOCOL_TCP));
  }
  if (!forward.portsFor(PROTOCOL_UDP).isEmpty()) {
    udp = ret.udp.intersect(allowedAll.portsFor(PROTOCOL_UDP));
    if (udp.isEmpty()) drop.push(TrafficSet.fromProtocol(PROTOCOL_UDP));
  }
  for (const p of [PROTOCOL_ICMP, PROTOCOL_ICMPV6]) {
    const values = forward.portsFor(p);
    if (values.isEmpty()) continue;
    const back = allowedAll.portsFor(p);
    for (const [t, r] of icmpPart(p, forward).types) {
      if (!back.contains(r * 256)) drop.push(TrafficSet.fromProtocol(p, PortSet.fromRange(t * 256, t * 256 + 255)));
    }
  }
  const whole = forward.wholeProtocols();
  if (whole.length > 0 && !IntervalSet.ofNumbers(whole).subtract(DETAILED_NUMBERS).isEmpty()) {
    // Protocols without ports or types reply in kind: what the component does not allow back is dropped.
    const others = forward.subtract(DETAILED);
    const kept = others.intersect(allowedAll);
    if (!kept.equals(others)) drop.push(others.subtract(kept));
  }
  const nextRet = narrowsClient ? { tcp, udp } : ret;
  if (drop.length === 0) return { traffic: forward, ret: nextRet };
  const dropped = drop.reduce((a, b) => a.union(b));
  return { traffic: forward.subtract(dropped), ret: nextRet };
}
