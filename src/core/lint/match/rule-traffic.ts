/**
 * What a rule or NACL entry matches, read the scanners' way: protocol -1 and any protocol other
 * than tcp/udp/icmp/icmpv6 cover every port; tcp and udp ports both count; a port is open when it
 * falls anywhere inside the rule's range.
 */
import type { TrafficMatch } from '../../model/types.ts';
import { hasIcmpTypes, hasPorts, PortSet, PROTOCOL_ICMP, PROTOCOL_ICMPV6, PROTOCOL_TCP, PROTOCOL_UDP, protocolLabel, protocolNumber, TrafficSet } from '../../net/index.ts';

/** The traffic a match covers (AWS's reading; empty for a match that does not parse). */
export function ruleTraffic(match: TrafficMatch): TrafficSet {
  const r = TrafficSet.fromMatch(match);
  return r.ok ? r.value : TrafficSet.empty();
}

/**
 * The ports a traffic set opens: tcp and udp ports together, and every port when it allows a whole
 * protocol that has none (-1, gre, esp…). ICMP opens no port.
 */
export function portsOfTraffic(t: TrafficSet): PortSet {
  for (const [from, to] of t.wholeProtocols()) {
    for (let p = from; p <= to; p++) if (!hasPorts(p) && !hasIcmpTypes(p)) return PortSet.all();
  }
  return t.portsFor(PROTOCOL_TCP).union(t.portsFor(PROTOCOL_UDP));
}

/** The ports a rule opens (see portsOfTraffic). */
export function openPorts(match: TrafficMatch): PortSet {
  return portsOfTraffic(ruleTraffic(match));
}

/** Whether a rule opens every port: -1, a protocol without ports, or tcp/udp 0-65535 or 1-65535. */
export function coversAllPorts(match: TrafficMatch): boolean {
  const ports = openPorts(match);
  return ports.isAll() || ports.equals(PortSet.fromRange(1, 65535));
}

/** Whether a rule opens some of the given ports (range-aware). */
export function opensAny(match: TrafficMatch, ports: PortSet): boolean {
  return openPorts(match).overlaps(ports);
}

/** Whether a rule covers every ICMP (or ICMPv6) type and code, or all traffic. */
export function coversAllIcmp(match: TrafficMatch): boolean {
  const t = ruleTraffic(match);
  return t.portsFor(PROTOCOL_ICMP).isAll() || t.portsFor(PROTOCOL_ICMPV6).isAll();
}

/** The protocol number of a match, or undefined when it does not parse. */
export function protocolOf(match: TrafficMatch): number | undefined {
  const r = protocolNumber(match.protocol);
  return r.ok ? r.value : undefined;
}

/** A match as findings print it: "tcp 22", "udp 20-25", "all traffic", "icmp", "protocol 47 (gre)". */
export function describeMatch(match: TrafficMatch): string {
  const n = protocolOf(match);
  if (n === undefined) return String(match.protocol);
  const label = protocolLabel(n);
  if (n === PROTOCOL_TCP || n === PROTOCOL_UDP) {
    const { from, to } = match.ports ?? { from: 0, to: 65535 };
    return `${label} ${from === to ? from : `${from}-${to}`}`;
  }
  if (hasIcmpTypes(n) && match.icmp && match.icmp.type !== -1) {
    return `${label} type ${match.icmp.type}${match.icmp.code === -1 ? '' : ` code ${match.icmp.code}`}`;
  }
  return label;
}
