import type { IcmpMatch, PortRange, TrafficMatch } from '../model/types.ts';
import { err, ok, type Result } from '../model/result.ts';
import { IntervalSet } from './interval-set.ts';
import { netError, type NetError } from './net-error.ts';
import { isPort, PORT_MAX, PortSet } from './port-set.ts';
import { DETAILED_PROTOCOLS, hasIcmpTypes, hasPorts, PROTOCOL_ALL, protocolLabel, protocolNumber } from './protocol.ts';
import { describeTraffic } from './traffic-describe.ts';

const ALL_PROTOCOLS = IntervalSet.ofNumbers([[0, 255]]);
const NO_PROTOCOLS = IntervalSet.ofNumbers();
const ONLY: ReadonlyMap<number, IntervalSet<number>> = new Map(DETAILED_PROTOCOLS.map((p) => [p, IntervalSet.ofNumbers([[p, p]])]));

/**
 * What traffic a set of rules allows, by IANA protocol number. tcp/udp carry destination ports;
 * icmp/icmpv6 carry (type, code) encoded as type * 256 + code; other protocols are all or nothing.
 */
export class TrafficSet {
  private static readonly EMPTY = new TrafficSet(NO_PROTOCOLS, new Map());
  private static readonly ALL = new TrafficSet(ALL_PROTOCOLS, new Map());
  private described: string | undefined;

  private constructor(
    /** Protocols allowed entirely: every port, type and code. */
    private readonly whole: IntervalSet<number>,
    /** Detailed protocols allowed in part; never holds an empty or a full PortSet. */
    private readonly partial: ReadonlyMap<number, PortSet>,
  ) {}

  /** No traffic. */
  static empty(): TrafficSet {
    return TrafficSet.EMPTY;
  }

  /** Every protocol, port, type and code (protocol -1). */
  static all(): TrafficSet {
    return TrafficSet.ALL;
  }

  /**
   * The traffic a rule's match covers, with AWS's reading: -1 is everything; tcp/udp without ports and
   * icmp/icmpv6 without a type mean all of them; ports and ICMP fields are ignored on other protocols.
   */
  static fromMatch(match: TrafficMatch): Result<TrafficSet, NetError> {
    const protocol = protocolNumber(match.protocol);
    if (!protocol.ok) return protocol;
    const n = protocol.value;
    if (n === PROTOCOL_ALL) return ok(TrafficSet.ALL);
    if (hasPorts(n)) {
      const ports = match.ports === undefined ? ok(PortSet.all()) : portsOf(n, match.ports);
      return ports.ok ? ok(TrafficSet.fromProtocol(n, ports.value)) : ports;
    }
    if (hasIcmpTypes(n)) {
      const codes = match.icmp === undefined ? ok(PortSet.all()) : icmpCodesOf(n, match.icmp);
      return codes.ok ? ok(TrafficSet.fromProtocol(n, codes.value)) : codes;
    }
    return ok(TrafficSet.fromProtocol(n));
  }

  /**
   * One protocol (-1 for all); `values` narrows tcp/udp to ports or icmp/icmpv6 to encoded type*256+code.
   * Throws RangeError for a protocol outside -1..255 or `values` on a protocol without ports.
   */
  static fromProtocol(protocol: number, values?: PortSet): TrafficSet {
    if (!Number.isInteger(protocol) || protocol < PROTOCOL_ALL || protocol > 255) {
      throw new RangeError(`protocol ${protocol} is not -1 or 0 to 255`);
    }
    if (values !== undefined && !hasPorts(protocol) && !hasIcmpTypes(protocol)) {
      throw new RangeError(`${protocolLabel(protocol)} has no ports or ICMP types`);
    }
    if (protocol === PROTOCOL_ALL) return TrafficSet.ALL;
    const only = IntervalSet.ofNumbers([[protocol, protocol]]);
    return TrafficSet.build(only, (p) => (p === protocol ? (values ?? PortSet.all()) : PortSet.none()));
  }

  /** Restores the invariant: full detailed protocols live in `whole`, partial ones in `partial`, empty ones nowhere. */
  private static build(whole: IntervalSet<number>, valuesOf: (protocol: number) => PortSet): TrafficSet {
    const partial = new Map<number, PortSet>();
    for (const p of DETAILED_PROTOCOLS) {
      const values = valuesOf(p);
      const only = ONLY.get(p)!;
      if (values.isAll()) {
        whole = whole.union(only);
      } else {
        whole = whole.subtract(only);
        if (!values.isEmpty()) partial.set(p, values);
      }
    }
    if (partial.size === 0) {
      if (whole.isEmpty()) return TrafficSet.EMPTY;
      if (whole.equals(ALL_PROTOCOLS)) return TrafficSet.ALL;
    }
    return new TrafficSet(whole, partial);
  }

  /** Traffic in either set. */
  union(other: TrafficSet): TrafficSet {
    // A set that holds the other is the union: no new set (the engine unions many nested ones).
    if (this.containsSet(other)) return this;
    if (other.containsSet(this)) return other;
    return TrafficSet.build(this.whole.union(other.whole), (p) => this.portsFor(p).union(other.portsFor(p)));
  }

  /** Traffic in both sets. */
  intersect(other: TrafficSet): TrafficSet {
    if (other.containsSet(this)) return this;
    if (this.containsSet(other)) return other;
    return TrafficSet.build(this.whole.intersect(other.whole), (p) => this.portsFor(p).intersect(other.portsFor(p)));
  }

  /** Traffic in this set and not in `other`. */
  subtract(other: TrafficSet): TrafficSet {
    return TrafficSet.build(this.whole.subtract(other.whole), (p) => this.portsFor(p).subtract(other.portsFor(p)));
  }

  /** Every packet this set does not cover. */
  complement(): TrafficSet {
    return TrafficSet.ALL.subtract(this);
  }

  /**
   * Whether one packet is covered. For tcp/udp pass the destination port; for icmp/icmpv6 the type and
   * the code. A detail left out matches only when the whole protocol is allowed.
   */
  containsPacket(protocol: number, portOrType?: number, icmpCode?: number): boolean {
    if (this.whole.contains(protocol)) return true;
    const values = this.partial.get(protocol);
    if (values === undefined || portOrType === undefined) return false;
    if (!hasIcmpTypes(protocol)) return values.contains(portOrType);
    if (icmpCode === undefined || !isIcmpField(portOrType) || !isIcmpField(icmpCode)) return false;
    return values.contains(portOrType * 256 + icmpCode);
  }

  /** Whether every packet of `other` is covered by this set. */
  containsSet(other: TrafficSet): boolean {
    // Exposure asks this hundreds of thousands of times, mostly of shared or trivial sets.
    if (this === other || this === TrafficSet.ALL || other === TrafficSet.EMPTY) return true;
    if (this === TrafficSet.EMPTY || other === TrafficSet.ALL) return false;
    if (!this.whole.containsSet(other.whole)) return false;
    for (const p of DETAILED_PROTOCOLS) {
      // Only the protocols `other` holds in part need a look: those it holds whole are in `whole`.
      const part = other.partial.get(p);
      if (part !== undefined && !this.whole.contains(p) && !(this.partial.get(p)?.containsSet(part) ?? false)) return false;
    }
    return true;
  }

  /** Whether some packet is in both sets. */
  overlaps(other: TrafficSet): boolean {
    return this.whole.overlaps(other.whole) || DETAILED_PROTOCOLS.some((p) => this.portsFor(p).overlaps(other.portsFor(p)));
  }

  /** Whether no packet is covered. */
  isEmpty(): boolean {
    return this === TrafficSet.EMPTY;
  }

  /** Whether every packet is covered. */
  isAll(): boolean {
    return this === TrafficSet.ALL;
  }

  /** Whether both sets cover the same packets. */
  equals(other: TrafficSet): boolean {
    return this.whole.equals(other.whole) && DETAILED_PROTOCOLS.every((p) => this.portsFor(p).equals(other.portsFor(p)));
  }

  /**
   * What this set allows of one protocol: tcp/udp destination ports, icmp/icmpv6 type*256+code values;
   * all or none for any other protocol.
   */
  portsFor(protocol: number): PortSet {
    if (this.whole.contains(protocol)) return PortSet.all();
    return this.partial.get(protocol) ?? PortSet.none();
  }

  /** Ranges of protocol numbers allowed entirely (every port, type and code), ascending. */
  wholeProtocols(): Array<[number, number]> {
    return this.whole.toRanges();
  }

  /** A short sentence for explanations: "tcp 80, 443, 8000-8080; icmp echo-request". */
  describe(): string {
    // Sets are immutable and shared (engine memos hand out the same objects), so say it once.
    return (this.described ??= describeTraffic(this));
  }
}

function portsOf(protocol: number, ports: PortRange): Result<PortSet, NetError> {
  const { from, to } = ports;
  const input = `${protocolLabel(protocol)} ${from}-${to}`;
  for (const value of [from, to]) {
    if (!isPort(value)) {
      return err(netError('port/range', `${input}: ${value} is not a port; ports are whole numbers from 0 to ${PORT_MAX}`, input));
    }
  }
  if (from > to) return err(netError('port/range', `${input}: the range is reversed (${from} is above ${to})`, input));
  return ok(PortSet.fromRange(from, to));
}

function icmpCodesOf(protocol: number, icmp: IcmpMatch): Result<PortSet, NetError> {
  const { type, code } = icmp;
  const input = `${protocolLabel(protocol)} type ${type} code ${code}`;
  const bad = (why: string) => err(netError('icmp/range', `${input}: ${why}`, input));
  if (!isIcmpField(type) && type !== -1) return bad(`type ${type} is out of range; a type is 0 to 255, or -1 for all types`);
  if (!isIcmpField(code) && code !== -1) return bad(`code ${code} is out of range; a code is 0 to 255, or -1 for all codes`);
  if (type === -1) return code === -1 ? ok(PortSet.all()) : bad('type -1 (all types) needs code -1');
  const base = type * 256;
  return ok(code === -1 ? PortSet.fromRange(base, base + 255) : PortSet.fromRange(base + code, base + code));
}

function isIcmpField(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 255;
}
