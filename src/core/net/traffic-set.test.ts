import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TrafficMatch } from '../model/types.ts';
import { unwrap } from '../model/result.ts';
import { PortSet } from './port-set.ts';
import { TrafficSet } from './traffic-set.ts';

const traffic = (...matches: TrafficMatch[]): TrafficSet =>
  matches.reduce((acc, m) => acc.union(unwrap(TrafficSet.fromMatch(m))), TrafficSet.empty());

/** AWS's reading of one rule's match, written independently of TrafficSet, for the property tests. */
function ruleAllows(match: TrafficMatch, protocol: number, value: number): boolean {
  const names: Record<string, number> = { all: -1, tcp: 6, udp: 17, icmp: 1, icmpv6: 58 };
  const p = typeof match.protocol === 'number' ? match.protocol : names[match.protocol]!;
  if (p === -1) return true;
  if (p !== protocol) return false;
  if (p === 6 || p === 17) return match.ports === undefined || (match.ports.from <= value && value <= match.ports.to);
  if (p === 1 || p === 58) {
    const { icmp } = match;
    if (icmp === undefined || icmp.type === -1) return true;
    return icmp.type === value >> 8 && (icmp.code === -1 || icmp.code === (value & 255));
  }
  return true;
}

const portArb = fc.oneof(fc.constantFrom(0, 1, 22, 80, 443, 1023, 1024, 65534, 65535), fc.integer({ min: 0, max: 65535 }));
const icmpFieldArb = fc.oneof(fc.constantFrom(0, 3, 8, 255), fc.integer({ min: 0, max: 255 }));
const matchArb: fc.Arbitrary<TrafficMatch> = fc.oneof(
  fc.constant<TrafficMatch>({ protocol: 'all' }),
  fc.constantFrom<TrafficMatch['protocol']>(0, 47, 255, 6, 17).map((protocol) => ({ protocol })),
  fc.record({
    protocol: fc.constantFrom<TrafficMatch['protocol']>('tcp', 'udp'),
    ports: fc.option(fc.tuple(portArb, portArb).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) })), { nil: undefined }),
  }),
  fc.record({
    protocol: fc.constantFrom<TrafficMatch['protocol']>('icmp', 'icmpv6'),
    icmp: fc.option(
      fc.oneof(
        fc.constant({ type: -1, code: -1 }),
        fc.record({ type: icmpFieldArb, code: fc.oneof(fc.constant(-1), icmpFieldArb) }),
      ),
      { nil: undefined },
    ),
  }),
);
const rulesArb = fc.array(matchArb, { maxLength: 4 });
const packetArb = fc.oneof(
  fc.tuple(fc.constantFrom(6, 17), portArb),
  fc.tuple(fc.constantFrom(1, 58), fc.tuple(icmpFieldArb, icmpFieldArb).map(([t, c]) => t * 256 + c)),
  fc.tuple(fc.constantFrom(0, 2, 47, 50, 255), fc.constant(0)),
);

/** containsPacket with the (protocol, value) of packetArb, decoding ICMP values into type and code. */
const has = (t: TrafficSet, [protocol, value]: [number, number]) =>
  protocol === 1 || protocol === 58 ? t.containsPacket(protocol, value >> 8, value & 255) : t.containsPacket(protocol, value);
const rulesAllow = (rules: TrafficMatch[], [protocol, value]: [number, number]) => rules.some((m) => ruleAllows(m, protocol, value));

describe('TrafficSet.fromMatch', () => {
  it('reads protocol -1 as every packet', () => {
    const all = unwrap(TrafficSet.fromMatch({ protocol: 'all' }));
    expect(all.isAll()).toBe(true);
    expect(unwrap(TrafficSet.fromMatch({ protocol: -1, ports: { from: 22, to: 22 } })).isAll()).toBe(true);
    expect(all.containsPacket(6, 22)).toBe(true);
    expect(all.containsPacket(47)).toBe(true);
    expect(all.containsPacket(1, 8, 0)).toBe(true);
  });

  it('narrows tcp and udp to destination ports', () => {
    const ssh = traffic({ protocol: 'tcp', ports: { from: 22, to: 22 } });
    expect(ssh.containsPacket(6, 22)).toBe(true);
    expect(ssh.containsPacket(6, 23)).toBe(false);
    expect(ssh.containsPacket(17, 22)).toBe(false);
    expect(ssh.containsPacket(6)).toBe(false);
    expect(ssh.portsFor(6).toRanges()).toEqual([{ from: 22, to: 22 }]);
    expect(ssh.portsFor(17).isEmpty()).toBe(true);
  });

  it('reads tcp without ports as every tcp port, 0 and 65535 included', () => {
    const tcp = traffic({ protocol: 6 });
    expect(tcp.portsFor(6).isAll()).toBe(true);
    expect(tcp.containsPacket(6, 0)).toBe(true);
    expect(tcp.containsPacket(6, 65535)).toBe(true);
    expect(tcp.containsPacket(6)).toBe(true);
    expect(traffic({ protocol: 'tcp', ports: { from: 0, to: 65535 } }).equals(tcp)).toBe(true);
  });

  it('encodes icmp type and code with -1 wildcards', () => {
    const echo = traffic({ protocol: 'icmp', icmp: { type: 8, code: -1 } });
    expect(echo.containsPacket(1, 8, 0)).toBe(true);
    expect(echo.containsPacket(1, 8, 255)).toBe(true);
    expect(echo.containsPacket(1, 0, 0)).toBe(false);
    expect(echo.containsPacket(1, 8)).toBe(false);
    expect(echo.containsPacket(58, 8, 0)).toBe(false);
    expect(echo.portsFor(1).toRanges()).toEqual([{ from: 2048, to: 2303 }]);

    const fragNeeded = traffic({ protocol: 'icmp', icmp: { type: 3, code: 4 } });
    expect(fragNeeded.containsPacket(1, 3, 4)).toBe(true);
    expect(fragNeeded.containsPacket(1, 3, 3)).toBe(false);

    const anyIcmp = traffic({ protocol: 'icmp', icmp: { type: -1, code: -1 } });
    expect(anyIcmp.equals(traffic({ protocol: 'icmp' }))).toBe(true);
    expect(anyIcmp.containsPacket(1, 255, 255)).toBe(true);
    expect(anyIcmp.containsPacket(1)).toBe(true);
  });

  it('reads icmpv6 with no type as all types and codes', () => {
    const v6 = traffic({ protocol: 'icmpv6' });
    expect(v6.containsPacket(58, 128, 0)).toBe(true);
    expect(v6.containsPacket(1, 8, 0)).toBe(false);
  });

  it('treats other protocols as all or nothing and ignores ports on them', () => {
    const gre = traffic({ protocol: 47, ports: { from: 1, to: 1 } });
    expect(gre.containsPacket(47)).toBe(true);
    expect(gre.containsPacket(47, 5)).toBe(true);
    expect(gre.containsPacket(50)).toBe(false);
    expect(gre.equals(traffic({ protocol: '47' as unknown as number }))).toBe(true);
  });

  it.each<[TrafficMatch, string, string, string]>([
    [{ protocol: 'tcp', ports: { from: 80, to: 70 } }, 'port/range', 'tcp 80-70: the range is reversed (80 is above 70)', 'tcp 80-70'],
    [{ protocol: 'udp', ports: { from: 0, to: 70000 } }, 'port/range', 'udp 0-70000: 70000 is not a port; ports are whole numbers from 0 to 65535', 'udp 0-70000'],
    [{ protocol: 'tcp', ports: { from: -1, to: -1 } }, 'port/range', 'tcp -1--1: -1 is not a port; ports are whole numbers from 0 to 65535', 'tcp -1--1'],
    [{ protocol: 'icmp', icmp: { type: -1, code: 4 } }, 'icmp/range', 'icmp type -1 code 4: type -1 (all types) needs code -1', 'icmp type -1 code 4'],
    [{ protocol: 'icmp', icmp: { type: 256, code: 0 } }, 'icmp/range', 'icmp type 256 code 0: type 256 is out of range; a type is 0 to 255, or -1 for all types', 'icmp type 256 code 0'],
    [{ protocol: 'icmpv6', icmp: { type: 1, code: -2 } }, 'icmp/range', 'icmpv6 type 1 code -2: code -2 is out of range; a code is 0 to 255, or -1 for all codes', 'icmpv6 type 1 code -2'],
    [{ protocol: 300 }, 'protocol/range', 'protocol 300 is out of range: a protocol number is 0 to 255, or -1 for all', '300'],
  ])('refuses %j', (match, code, message, input) => {
    expect(TrafficSet.fromMatch(match)).toEqual({ ok: false, error: { code, message, input } });
  });
});

describe('TrafficSet.fromProtocol', () => {
  it('builds one protocol, optionally narrowed', () => {
    expect(TrafficSet.fromProtocol(-1).isAll()).toBe(true);
    expect(TrafficSet.fromProtocol(6, PortSet.fromRange(1024, 65535)).portsFor(6).toRanges()).toEqual([{ from: 1024, to: 65535 }]);
    expect(TrafficSet.fromProtocol(6, PortSet.none()).isEmpty()).toBe(true);
    expect(() => TrafficSet.fromProtocol(47, PortSet.all())).toThrow(RangeError);
    expect(() => TrafficSet.fromProtocol(256)).toThrow(RangeError);
  });
});

describe('TrafficSet algebra', () => {
  it('subtracts a port from everything', () => {
    const allButSsh = TrafficSet.all().subtract(traffic({ protocol: 'tcp', ports: { from: 22, to: 22 } }));
    expect(allButSsh.containsPacket(6, 22)).toBe(false);
    expect(allButSsh.containsPacket(6, 21)).toBe(true);
    expect(allButSsh.containsPacket(17, 22)).toBe(true);
    expect(allButSsh.containsPacket(47)).toBe(true);
    expect(allButSsh.isAll()).toBe(false);
    expect(allButSsh.union(traffic({ protocol: 'tcp', ports: { from: 22, to: 22 } })).isAll()).toBe(true);
  });

  it('merges partial rules that together cover a protocol', () => {
    const low = traffic({ protocol: 'udp', ports: { from: 0, to: 1023 } });
    const high = traffic({ protocol: 'udp', ports: { from: 1024, to: 65535 } });
    expect(low.union(high).equals(traffic({ protocol: 'udp' }))).toBe(true);
    expect(low.intersect(high).isEmpty()).toBe(true);
  });

  it('union, intersect and subtract agree with the rules packet by packet', () => {
    fc.assert(
      fc.property(rulesArb, rulesArb, fc.array(packetArb, { minLength: 1, maxLength: 20 }), (ra, rb, packets) => {
        const a = traffic(...ra);
        const b = traffic(...rb);
        for (const pk of packets) {
          const inA = rulesAllow(ra, pk);
          const inB = rulesAllow(rb, pk);
          expect(has(a, pk)).toBe(inA);
          expect(has(a.union(b), pk)).toBe(inA || inB);
          expect(has(a.intersect(b), pk)).toBe(inA && inB);
          expect(has(a.subtract(b), pk)).toBe(inA && !inB);
          expect(has(a.complement(), pk)).toBe(!inA);
        }
      }),
    );
  });

  it('satisfies the set laws', () => {
    fc.assert(
      fc.property(rulesArb, rulesArb, rulesArb, (ra, rb, rc) => {
        const [a, b, c] = [traffic(...ra), traffic(...rb), traffic(...rc)];
        expect(a.union(b).equals(b.union(a))).toBe(true);
        expect(a.intersect(b.union(c)).equals(a.intersect(b).union(a.intersect(c)))).toBe(true);
        expect(a.subtract(b).union(a.intersect(b)).equals(a)).toBe(true);
        expect(a.union(b).containsSet(a)).toBe(true);
        expect(a.containsSet(a.intersect(b))).toBe(true);
        expect(a.containsSet(b)).toBe(b.subtract(a).isEmpty());
        expect(a.overlaps(b)).toBe(!a.intersect(b).isEmpty());
        expect(a.complement().complement().equals(a)).toBe(true);
        expect(a.isEmpty()).toBe(a.equals(TrafficSet.empty()));
        expect(a.isAll()).toBe(a.equals(TrafficSet.all()));
      }),
    );
  });
});

describe('TrafficSet.describe', () => {
  it.each<[TrafficMatch[], string]>([
    [[], 'no traffic'],
    [[{ protocol: 'all' }], 'all traffic'],
    [
      [
        { protocol: 'tcp', ports: { from: 443, to: 443 } },
        { protocol: 'tcp', ports: { from: 80, to: 80 } },
        { protocol: 'tcp', ports: { from: 8000, to: 8080 } },
        { protocol: 'icmp', icmp: { type: 8, code: -1 } },
      ],
      'tcp 80, 443, 8000-8080; icmp echo-request',
    ],
    [[{ protocol: 'tcp' }, { protocol: 'udp', ports: { from: 53, to: 53 } }], 'tcp all ports; udp 53'],
    [[{ protocol: 'icmp' }, { protocol: 'icmpv6', icmp: { type: 128, code: -1 } }], 'icmp all types; icmpv6 echo-request'],
    [[{ protocol: 'icmp', icmp: { type: 3, code: 4 } }], 'icmp destination-unreachable code 4'],
    [[{ protocol: 'icmp', icmp: { type: 3, code: 0 } }, { protocol: 'icmp', icmp: { type: 3, code: 1 } }], 'icmp destination-unreachable codes 0-1'],
    [[{ protocol: 'icmp', icmp: { type: 0, code: -1 } }, { protocol: 'icmp', icmp: { type: 8, code: -1 } }], 'icmp echo-reply, echo-request'],
    [[{ protocol: 'icmp', icmp: { type: 200, code: -1 } }], 'icmp type 200'],
    [[{ protocol: 47 }, { protocol: 50 }, { protocol: 51 }], 'protocol 47 (gre); protocols 50-51'],
    [[{ protocol: 'icmpv6', icmp: { type: 1, code: -1 } }, { protocol: 'icmpv6', icmp: { type: 2, code: -1 } }, { protocol: 'icmpv6', icmp: { type: 3, code: -1 } }], 'icmpv6 types 1-3'],
  ])('%j reads %j', (matches, text) => {
    expect(traffic(...matches).describe()).toBe(text);
  });

  it('describes a mostly-open set by what it leaves out', () => {
    const t = TrafficSet.all().subtract(traffic({ protocol: 'tcp', ports: { from: 22, to: 22 } }, { protocol: 47 }));
    expect(t.describe()).toBe('all traffic except tcp 22; protocol 47 (gre)');
  });

  it('describes protocol ranges around the detailed protocols', () => {
    const t = traffic({ protocol: 0 }, { protocol: 2 }, { protocol: 3 }, { protocol: 4 }, { protocol: 5 }, { protocol: 6 }, { protocol: 7 });
    expect(t.describe()).toBe('tcp all ports; protocol 0; protocols 2-5; protocol 7');
  });
});
