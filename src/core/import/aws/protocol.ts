/** Protocols, port ranges and ICMP type/code as security-group rules and NACL entries carry them. */
import type { TrafficMatch } from '../../model/types.ts';
import { hasIcmpTypes, hasPorts, protocolName, protocolNumber } from '../../net/index.ts';
import type { Cursor } from './cursor.ts';

/** The protocol in field `key` as its number (-1 for all); names and numbers, as numbers or strings. */
export function readProtocol(item: Cursor, key: string): number {
  const at = item.at(key);
  if (at.missing) return at.fail('is missing: every rule names a protocol ("-1" for all).');
  const raw = typeof at.value === 'number' ? at.value : item.str(key)!;
  const n = protocolNumber(raw);
  if (!n.ok) return at.fail(`is not a protocol: ${n.error.message}.`);
  return n.value;
}

/** The pair of fields holding a range (FromPort/ToPort, PortRange.From/To, IcmpTypeCode.Type/Code). */
export interface RangeFields {
  item: Cursor | undefined;
  from: string;
  to: string;
}

function number(fields: RangeFields, which: 'from' | 'to'): number | undefined {
  return fields.item?.int(fields[which]);
}

/** What a rule or entry of this protocol matches, with ports for tcp/udp and ICMP type/code for icmp/icmpv6. */
export function trafficMatch(protocol: number, ports: RangeFields, icmp: RangeFields): TrafficMatch {
  const match: TrafficMatch = { protocol: protocolName(protocol) };
  if (hasPorts(protocol)) {
    const from = number(ports, 'from');
    const to = number(ports, 'to');
    // Absent (or -1 as old output writes it) means every port.
    if ((from === undefined || from === -1) && (to === undefined || to === -1)) return match;
    const lo = from ?? to!;
    const hi = to ?? from!;
    for (const [value, key] of [
      [lo, ports.from],
      [hi, ports.to],
    ] as const) {
      if (value < 0 || value > 65535) ports.item!.at(key).fail(`is ${value}; a port is 0 to 65535.`);
    }
    if (lo > hi) ports.item!.at(ports.to).fail(`is ${hi}, below the range's start ${lo}.`);
    match.ports = { from: lo, to: hi };
  } else if (hasIcmpTypes(protocol)) {
    const type = number(icmp, 'from') ?? -1;
    let code = number(icmp, 'to') ?? -1;
    for (const [value, key] of [
      [type, icmp.from],
      [code, icmp.to],
    ] as const) {
      if (value < -1 || value > 255) icmp.item!.at(key).fail(`is ${value}; an ICMP type or code is -1 (any) to 255.`);
    }
    if (type === -1) code = -1;
    if (type !== -1 || code !== -1) match.icmp = { type, code };
  }
  return match;
}
