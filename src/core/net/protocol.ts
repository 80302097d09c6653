import type { Protocol } from '../model/types.ts';
import { err, ok, type Result } from '../model/result.ts';
import { netError, type NetError } from './net-error.ts';

/** Protocol numbers AWS names in rules, and -1 for every protocol. */
export const PROTOCOL_ALL = -1;
export const PROTOCOL_ICMP = 1;
export const PROTOCOL_TCP = 6;
export const PROTOCOL_UDP = 17;
export const PROTOCOL_ICMPV6 = 58;

/** Protocols whose rules carry more than yes/no: tcp/udp ports, icmp/icmpv6 type and code. In display order. */
export const DETAILED_PROTOCOLS = [PROTOCOL_TCP, PROTOCOL_UDP, PROTOCOL_ICMP, PROTOCOL_ICMPV6] as const;

const MODEL_NAMES: ReadonlyMap<number, Protocol> = new Map<number, Protocol>([
  [PROTOCOL_ALL, 'all'],
  [PROTOCOL_ICMP, 'icmp'],
  [PROTOCOL_TCP, 'tcp'],
  [PROTOCOL_UDP, 'udp'],
  [PROTOCOL_ICMPV6, 'icmpv6'],
]);

/** IANA keywords of protocols people meet in AWS rules, for labels and for reading names. */
const IANA_KEYWORDS: ReadonlyMap<number, string> = new Map([
  [2, 'igmp'],
  [4, 'ipv4'],
  [41, 'ipv6'],
  [47, 'gre'],
  [50, 'esp'],
  [51, 'ah'],
  [89, 'ospf'],
  [103, 'pim'],
  [112, 'vrrp'],
  [132, 'sctp'],
]);

const BY_NAME: ReadonlyMap<string, number> = new Map([
  ...[...MODEL_NAMES].map(([n, name]) => [String(name), n] as const),
  ...[...IANA_KEYWORDS].map(([n, name]) => [name, n] as const),
]);

const INTEGER = /^-?\d+$/;

/** The IANA number of a protocol given as the model, AWS or a person writes it ('tcp', 'TCP', '6', 6, 'all', '-1'); -1 means all. */
export function protocolNumber(protocol: Protocol | string): Result<number, NetError> {
  const input = String(protocol);
  if (typeof protocol === 'number') return checkRange(protocol, input);
  const text = protocol.trim().toLowerCase();
  const named = BY_NAME.get(text);
  if (named !== undefined) return ok(named);
  if (INTEGER.test(text)) return checkRange(Number(text), input);
  return err(
    netError(
      'protocol/unknown',
      `${JSON.stringify(input)} is not a protocol: use tcp, udp, icmp, icmpv6, all (-1) or an IANA number 0 to 255`,
      input,
    ),
  );
}

function checkRange(n: number, input: string): Result<number, NetError> {
  if (Number.isInteger(n) && (n === PROTOCOL_ALL || (n >= 0 && n <= 255))) return ok(n + 0); // + 0 turns -0 into 0
  return err(netError('protocol/range', `protocol ${input} is out of range: a protocol number is 0 to 255, or -1 for all`, input));
}

/** The model's spelling of a protocol number: a name for tcp, udp, icmp, icmpv6 and all (-1), else the number. */
export function protocolName(protocol: number): Protocol {
  return MODEL_NAMES.get(protocol) ?? protocol;
}

/** How explanations name a protocol: "tcp", "all traffic", "protocol 47 (gre)", "protocol 99". */
export function protocolLabel(protocol: number): string {
  if (protocol === PROTOCOL_ALL) return 'all traffic';
  const name = MODEL_NAMES.get(protocol);
  if (name !== undefined) return String(name);
  const keyword = IANA_KEYWORDS.get(protocol);
  return keyword === undefined ? `protocol ${protocol}` : `protocol ${protocol} (${keyword})`;
}

/** Whether rules of this protocol carry a port range (tcp, udp). */
export function hasPorts(protocol: number): boolean {
  return protocol === PROTOCOL_TCP || protocol === PROTOCOL_UDP;
}

/** Whether rules of this protocol carry an ICMP type and code (icmp, icmpv6). */
export function hasIcmpTypes(protocol: number): boolean {
  return protocol === PROTOCOL_ICMP || protocol === PROTOCOL_ICMPV6;
}
