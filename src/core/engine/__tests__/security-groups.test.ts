/** network-semantics.md §1: security groups, one behaviour per test. */
import { describe, expect, it } from 'vitest';
import { reach } from '../index.ts';
import { design, allTraffic, icmp, icmpv6, pl, proto, sg, tcp, udp } from '../../model/builder.ts';
import { topologyT, T } from '../../model/fixtures/topology-t.ts';
import { allFlow, codes, icmpFlow, internet, res, tcpFlow, udpFlow } from './helpers.ts';

/** One VPC, two app subnets, default NACL; `a` in A-a and `b` in A-b with the given groups. */
function pair(groupsA: string[], groupsB: string[], extra: (b: ReturnType<typeof design>) => void = () => {}) {
  const b = design()
    .vpc('v', '10.0.0.0/16')
    .subnet('s1', '10.0.1.0/24', 'az-a')
    .subnet('s2', '10.0.2.0/24', 'az-b');
  extra(b);
  return b.instance('a', { subnet: 's1', groups: groupsA }).instance('b', { subnet: 's2', groups: groupsB }).build();
}

describe('security groups', () => {
  it('merges the ingress rules of every group on the destination (union, most permissive wins)', () => {
    const d = pair(['out-all'], ['only-22', 'only-80'], (b) =>
      b.sg('out-all', {}).sg('only-22', { ingress: [tcp(22, '10.0.0.0/16')] }).sg('only-80', { ingress: [tcp(80, '10.0.0.0/16')] }),
    );
    expect(reach(d, res('a'), res('b'), tcpFlow(22)).verdict).toBe('reachable');
    expect(reach(d, res('a'), res('b'), tcpFlow(80)).verdict).toBe('reachable');
    const r = reach(d, res('a'), res('b'), tcpFlow());
    expect(r).toMatchObject({ verdict: 'reachable', admitted: { traffic: 'tcp 22, 80' } });
  });

  it('merges the egress rules of every group on the source', () => {
    const d = pair(['e-22', 'e-80'], ['in-all'], (b) =>
      b.sg('e-22', { egress: [tcp(22, '10.0.0.0/16')] }).sg('e-80', { egress: [tcp(80, '10.0.2.0/24')] }).sg('in-all', { ingress: [allTraffic('0.0.0.0/0')] }),
    );
    expect(reach(d, res('a'), res('b'), tcpFlow(80)).verdict).toBe('reachable');
    const r = reach(d, res('a'), res('b'), tcpFlow(443));
    expect(r.explanations[0]).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', direction: 'egress', groups: ['e-22', 'e-80'], field: 'port' });
  });

  it('is stateful: the reply passes whatever the other direction says (no egress rule needed on the server)', () => {
    const d = pair(['client'], ['server'], (b) => b.sg('client', {}).sg('server', { ingress: [tcp(443, '10.0.1.0/24')], egress: [] }));
    expect(reach(d, res('a'), res('b'), tcpFlow(443))).toMatchObject({ verdict: 'reachable', explanations: [] });
  });

  it("gives a new group AWS's allow-all egress, and ::/0 too when the VPC has IPv6", () => {
    const d = design().vpc('v', '10.0.0.0/16', { ipv6Cidr: '2600:1f18::/56' }).sg('fresh', {}).build();
    const egress = d.securityGroups['fresh']!.egress.map((r) => [r.match.protocol, r.peer]);
    expect(egress).toEqual([
      ['all', { kind: 'cidr', cidr: '0.0.0.0/0' }],
      ['all', { kind: 'cidr', cidr: '::/0' }],
    ]);
    expect(d.securityGroups['fresh']!.ingress).toEqual([]);
  });

  it("lets the default group's members talk on anything and keeps everyone else out (self-reference)", () => {
    const d = pair([], [], (b) => b.sg('other', {}));
    expect(d.securityGroups['v-default-sg']).toMatchObject({ name: 'default', isDefault: true });
    const everything = reach(d, res('a'), res('b'), allFlow());
    expect(everything.verdict).toBe('reachable');
    expect(everything.admitted).toBeUndefined();
    expect(reach(d, res('b'), res('a'), { protocol: 47 }).verdict).toBe('reachable');
    const outsider = design().vpc('v', '10.0.0.0/16').subnet('s1', '10.0.1.0/24', 'az-a').sg('other', {});
    const d2 = outsider.instance('m', { subnet: 's1' }).instance('x', { subnet: 's1', groups: ['other'] }).build();
    expect(reach(d2, res('x'), res('m'), tcpFlow(22)).explanations[0]).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', field: 'source' });
    expect(reach(d2, res('x'), res('m'), tcpFlow(22)).explanations[0]!.message).toContain('is not a member');
  });

  it('reports SG_HAS_NO_RULES only when the groups have no rule in either direction', () => {
    const d = pair(['out-all'], ['empty'], (b) => b.sg('out-all', {}).sg('empty', { ingress: [], egress: [] }));
    expect(reach(d, res('a'), res('b'), tcpFlow(80)).explanations).toEqual([
      expect.objectContaining({ code: 'SG_HAS_NO_RULES', componentId: 'empty', direction: 'ingress' }),
    ]);
  });

  it('matches a prefix list in a rule by its entries', () => {
    const d = pair(['out-all'], ['by-list'], (b) =>
      b.prefixList('pl-office', ['10.0.1.0/25', '192.168.0.0/16'], { name: 'office' }).sg('out-all', {}).sg('by-list', { ingress: [tcp(22, pl('pl-office'))] }),
    );
    expect(reach(d, res('a'), res('b'), tcpFlow(22)).verdict).toBe('reachable'); // a is 10.0.1.4
    const d2 = pair(['out-all'], ['by-list'], (b) =>
      b.prefixList('pl-office', ['10.0.1.128/25'], { name: 'office' }).sg('out-all', {}).sg('by-list', { ingress: [tcp(22, pl('pl-office'))] }),
    );
    const r = reach(d2, res('a'), res('b'), tcpFlow(22));
    expect(r.explanations[0]).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', field: 'source' });
    expect(r.explanations[0]!.message).toContain('prefix list office (pl-office)');
  });

  it('ignores ports for protocol -1 and for protocols other than tcp/udp/icmp (protocol 47)', () => {
    const d = pair(['out-all'], ['gre'], (b) => b.sg('out-all', {}).sg('gre', { ingress: [proto(47, '10.0.0.0/16', [1, 1])] }));
    expect(reach(d, res('a'), res('b'), { protocol: 47 }).verdict).toBe('reachable');
    expect(reach(d, res('a'), res('b'), { protocol: 'gre' as unknown as number }).verdict).toBe('reachable');
    expect(reach(d, res('a'), res('b'), tcpFlow(1)).explanations[0]).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', field: 'protocol' });
  });

  it('reads icmp FromPort/ToPort as type/code with -1 wildcards', () => {
    const d = pair(['out-all'], ['icmp'], (b) =>
      b.sg('out-all', {}).sg('icmp', { ingress: [icmp(8, -1, '10.0.0.0/16'), icmp(3, 4, '10.0.0.0/16')] }),
    );
    expect(reach(d, res('a'), res('b'), icmpFlow(8, 0)).verdict).toBe('reachable');
    expect(reach(d, res('a'), res('b'), icmpFlow(8, 7)).verdict).toBe('reachable');
    expect(reach(d, res('a'), res('b'), icmpFlow(3, 4)).verdict).toBe('reachable');
    expect(reach(d, res('a'), res('b'), icmpFlow(3, 1)).verdict).toBe('unreachable');
    expect(reach(d, res('a'), res('b'), icmpFlow(0, 0)).verdict).toBe('unreachable');
    const any = reach(d, res('a'), res('b'), icmpFlow());
    expect(any).toMatchObject({ verdict: 'reachable', admitted: { traffic: 'icmp destination-unreachable code 4, echo-request' } });
    const all = pair(['out-all'], ['icmp-all'], (b) => b.sg('out-all', {}).sg('icmp-all', { ingress: [icmp(-1, -1, '10.0.0.0/16')] }));
    expect(reach(all, res('a'), res('b'), icmpFlow(13, 0)).verdict).toBe('reachable');
    expect(reach(all, res('a'), res('b'), udpFlow(53)).verdict).toBe('unreachable');
  });

  it('treats icmpv6 with no type as every type', () => {
    const d = design()
      .vpc('v', '10.0.0.0/16', { ipv6Cidr: '2600:1f18::/56' })
      .subnet('s1', '10.0.1.0/24', 'az-a', { ipv6Cidr: '2600:1f18:0:1::/64' })
      .subnet('s2', '10.0.2.0/24', 'az-b', { ipv6Cidr: '2600:1f18:0:2::/64' })
      .sg('v6', { ingress: [icmpv6('::/0')] })
      .instance('a', { subnet: 's1', ipv6: true })
      .instance('b', { subnet: 's2', groups: ['v6'], ipv6: true })
      .build();
    expect(reach(d, res('a'), res('b'), { protocol: 'icmpv6', icmpType: 128, icmpCode: 0 })).toMatchObject({ verdict: 'reachable' });
    expect(reach(d, res('a'), res('b'), { protocol: 'icmpv6', icmpType: 135 })).toMatchObject({ verdict: 'reachable' });
  });

  describe('references to groups', () => {
    /** main (10.0/16) and peer (10.1/16) peered, routes both ways; `db` admits 5432 from the peer's group. */
    function peered(opts: { status?: 'active' | 'pending-acceptance' | 'deleted'; peerRegion?: string; refGroup?: string } = {}) {
      return design()
        .vpc('main', '10.0.0.0/16')
        .subnet('m1', '10.0.1.0/24', 'us-east-1a', { routes: [['10.1.0.0/16', 'pcx']] })
        .vpc('peer', '10.1.0.0/16', { region: opts.peerRegion ?? 'us-east-1' })
        .subnet('p1', '10.1.1.0/24', 'az-x', { routes: [['10.0.0.0/16', 'pcx']] })
        .sg('peer-app', { vpc: 'peer' })
        .peering('pcx', 'main', 'peer', { status: opts.status ?? 'active' })
        .sg('db', { vpc: 'main', ingress: [tcp(5432, sg(opts.refGroup ?? 'peer-app', { peeringId: 'pcx' }))] })
        .instance('client', { subnet: 'p1', groups: ['peer-app'] })
        .instance('server', { subnet: 'm1', groups: ['db'] })
        .build();
    }

    it('matches a member in a VPC peered in the same Region over an active peering', () => {
      expect(reach(peered(), res('client'), res('server'), tcpFlow(5432))).toMatchObject({ verdict: 'reachable', explanations: [] });
    });

    it('is stale across a peering that is not active: the route is a blackhole and the rule matches nothing', () => {
      const r = reach(peered({ status: 'pending-acceptance' }), res('client'), res('server'), tcpFlow(5432));
      expect(r.verdict).toBe('unreachable');
      expect(codes(r)).toEqual(['BAD_STATE_ROUTE', 'ENI_SG_RULES_MISMATCH', 'BAD_STATE_ROUTE']);
      expect(r.explanations[1]!.message).toContain('stale');
    });

    it('is invalid across a cross-Region peering: SG_REFERENCE_CROSS_REGION', () => {
      const r = reach(peered({ peerRegion: 'eu-west-1' }), res('client'), res('server'), tcpFlow(5432));
      expect(r.verdict).toBe('unreachable');
      expect(r.explanations).toEqual([expect.objectContaining({ code: 'SG_REFERENCE_CROSS_REGION', direction: 'ingress', componentId: 'db', field: 'source' })]);
    });

    it('cannot be resolved for a group of a peer the design does not describe: UNKNOWN_PEERED_SGS', () => {
      const r = reach(peered({ refGroup: 'sg-0abc-not-in-design' }), res('client'), res('server'), tcpFlow(5432));
      expect(r.explanations).toEqual([expect.objectContaining({ code: 'UNKNOWN_PEERED_SGS', componentId: 'db' })]);
    });

    it('never matches traffic that arrives on a public address: SG_REFERENCE_VIA_PUBLIC_IP', () => {
      // Two VPCs without a peering: a -> b can only go over the Internet, to b's public address.
      const d = design()
        .vpc('va', '10.0.0.0/16')
        .igw('igw-a')
        .subnet('pa', '10.0.1.0/24', 'az-a', { routes: [['0.0.0.0/0', 'igw-a']] })
        .sg('ga', {})
        .instance('a', { subnet: 'pa', groups: ['ga'], publicIp: '198.18.0.1' })
        .vpc('vb', '10.9.0.0/16')
        .igw('igw-b')
        .subnet('pb', '10.9.1.0/24', 'az-a', { routes: [['0.0.0.0/0', 'igw-b']] })
        .sg('gb', { ingress: [tcp(443, sg('ga'))] })
        .instance('b', { subnet: 'pb', groups: ['gb'], publicIp: '198.18.0.2' })
        .build();
      const r = reach(d, res('a'), res('b'), tcpFlow(443));
      expect(r.verdict).toBe('unreachable');
      expect(r.explanations).toEqual([expect.objectContaining({ code: 'SG_REFERENCE_VIA_PUBLIC_IP', componentId: 'gb', direction: 'ingress' })]);
      // Admitting a's public address instead works: the path goes out of igw-a and in through igw-b.
      const d2 = { ...d, securityGroups: { ...d.securityGroups, gb: { ...d.securityGroups['gb']!, ingress: [{ id: 'r', match: { protocol: 'tcp' as const, ports: { from: 443, to: 443 } }, peer: { kind: 'cidr' as const, cidr: '198.18.0.1/32' } }] } } };
      const ok = reach(d2, res('a'), res('b'), tcpFlow(443));
      expect(ok.verdict).toBe('reachable');
      expect(ok.path.map((h) => h.componentId)).toEqual(expect.arrayContaining(['igw-a', 'internet', 'igw-b']));
    });
  });

  it('explains an egress mismatch on the source by the destination address', () => {
    const d = topologyT().build();
    const r = reach(d, res(T.app), internet('93.184.216.34'), udpFlow(53));
    expect(r.explanations[0]).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', direction: 'egress', componentId: T.sgApp, field: 'protocol' });
    expect(r.explanations[0]!.message).toBe(
      'Security group AppSG (sg-app) on app-1 (app) lets out only tcp 443, 5432; udp 53 to Internet host 93.184.216.34 matches no egress rule.',
    );
  });
});
