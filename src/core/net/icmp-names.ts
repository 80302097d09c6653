import { PROTOCOL_ICMP, PROTOCOL_ICMPV6 } from './protocol.ts';

/** ICMP (RFC 792) type names, in the hyphenated style of AWS and iptables. */
const ICMP_TYPES: ReadonlyMap<number, string> = new Map([
  [0, 'echo-reply'],
  [3, 'destination-unreachable'],
  [4, 'source-quench'],
  [5, 'redirect'],
  [8, 'echo-request'],
  [9, 'router-advertisement'],
  [10, 'router-solicitation'],
  [11, 'time-exceeded'],
  [12, 'parameter-problem'],
  [13, 'timestamp-request'],
  [14, 'timestamp-reply'],
]);

/** ICMPv6 (RFC 4443, RFC 4861) type names. */
const ICMPV6_TYPES: ReadonlyMap<number, string> = new Map([
  [1, 'destination-unreachable'],
  [2, 'packet-too-big'],
  [3, 'time-exceeded'],
  [4, 'parameter-problem'],
  [128, 'echo-request'],
  [129, 'echo-reply'],
  [133, 'router-solicitation'],
  [134, 'router-advertisement'],
  [135, 'neighbor-solicitation'],
  [136, 'neighbor-advertisement'],
  [137, 'redirect'],
]);

/** The name of an ICMP or ICMPv6 type, or undefined for a type without a common name. */
export function icmpTypeName(protocol: number, type: number): string | undefined {
  if (protocol === PROTOCOL_ICMP) return ICMP_TYPES.get(type);
  if (protocol === PROTOCOL_ICMPV6) return ICMPV6_TYPES.get(type);
  return undefined;
}
