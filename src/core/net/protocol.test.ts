import { describe, expect, it } from 'vitest';
import { protocolLabel, protocolName, protocolNumber } from './protocol.ts';

describe('protocolNumber', () => {
  it.each([
    ['tcp', 6],
    ['TCP', 6],
    [' Udp ', 17],
    ['icmp', 1],
    ['ICMPv6', 58],
    ['all', -1],
    ['ALL', -1],
    ['-1', -1],
    [-1, -1],
    ['6', 6],
    [6, 6],
    ['58', 58],
    [0, 0],
    ['255', 255],
    ['gre', 47],
    ['ESP', 50],
    ['-0', 0],
  ] as const)('reads %j as %s', (input, expected) => {
    expect(protocolNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [256, 'protocol/range', 'protocol 256 is out of range: a protocol number is 0 to 255, or -1 for all'],
    ['300', 'protocol/range', 'protocol 300 is out of range: a protocol number is 0 to 255, or -1 for all'],
    [-2, 'protocol/range', 'protocol -2 is out of range: a protocol number is 0 to 255, or -1 for all'],
    [6.5, 'protocol/range', 'protocol 6.5 is out of range: a protocol number is 0 to 255, or -1 for all'],
    ['http', 'protocol/unknown', '"http" is not a protocol: use tcp, udp, icmp, icmpv6, all (-1) or an IANA number 0 to 255'],
    ['', 'protocol/unknown', '"" is not a protocol: use tcp, udp, icmp, icmpv6, all (-1) or an IANA number 0 to 255'],
    ['+6', 'protocol/unknown', '"+6" is not a protocol: use tcp, udp, icmp, icmpv6, all (-1) or an IANA number 0 to 255'],
  ] as const)('refuses %j', (input, code, message) => {
    expect(protocolNumber(input)).toEqual({ ok: false, error: { code, message, input: String(input) } });
  });
});

describe('protocolName', () => {
  it('names the protocols the model names and keeps other numbers', () => {
    expect([-1, 1, 6, 17, 58, 47, 0].map(protocolName)).toEqual(['all', 'icmp', 'tcp', 'udp', 'icmpv6', 47, 0]);
  });

  it('round-trips through protocolNumber', () => {
    for (let n = -1; n <= 255; n++) expect(protocolNumber(protocolName(n))).toEqual({ ok: true, value: n });
  });
});

describe('protocolLabel', () => {
  it('labels protocols for explanations', () => {
    expect([6, 17, 1, 58, -1, 47, 50, 132, 99].map(protocolLabel)).toEqual([
      'tcp',
      'udp',
      'icmp',
      'icmpv6',
      'all traffic',
      'protocol 47 (gre)',
      'protocol 50 (esp)',
      'protocol 132 (sctp)',
      'protocol 99',
    ]);
  });
});
