/** network-semantics.md §3: routes, internet gateways, peering. */
import { describe, expect, it } from 'vitest';
import { reach } from '../index.ts';
import { design, tcp } from '../../model/builder.ts';
import { topologyT, T } from '../../model/fixtures/topology-t.ts';
import { codes, internet, res, tcpFlow } from './helpers.ts';

/** T plus a public host `pub` (public IP, SG open on 443) in P-a. */
const withPublicHost = () => topologyT().sg('sg-pub', { ingress: [tcp(443, '0.0.0.0/0')] }).instance('pub', { subnet: T.publicA, groups: ['sg-pub'], publicIp: true });

describe('routing', () => {
  it('takes the longest prefix: a more specific blackhole beats the less specific IGW route', () => {
    const d = withPublicHost().route(T.rtPublic, '203.0.113.0/24', 'nat-gone', 'blackhole').build();
    const r = reach(d, res('pub'), internet('203.0.113.9'), tcpFlow(443));
    expect(r.explanations[0]).toMatchObject({ code: 'BAD_STATE_ROUTE', componentId: T.rtPublic, path: 'forward' });
    expect(reach(d, res('pub'), internet('8.8.8.8'), tcpFlow(443)).verdict).toBe('reachable');
  });

  it('reports BAD_STATE_ROUTE for a route whose target is gone', () => {
    const d = topologyT().remove(T.nat, 'natGateways').build();
    const r = reach(d, res(T.app), internet('8.8.8.8'), tcpFlow(443));
    expect(r.explanations[0]).toMatchObject({ code: 'BAD_STATE_ROUTE', componentId: T.rtApp });
    expect(r.explanations[0]!.message).toContain('does not exist');
  });

  it('reports NO_ROUTE_TO_DESTINATION when nothing matches', () => {
    const d = topologyT().removeRoute(T.rtApp, '0.0.0.0/0').build();
    expect(reach(d, res(T.app), internet('8.8.8.8'), tcpFlow(443)).explanations[0]).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', componentId: T.rtApp, path: 'forward' });
  });

  it('follows a prefix list used as a route destination', () => {
    const d = topologyT()
      .prefixList('pl-partner', ['93.184.216.0/24'], { name: 'partner' })
      .removeRoute(T.rtPublic, '0.0.0.0/0')
      .route(T.rtPublic, 'pl-partner', T.igw)
      .setEgress(T.sgBastion, [tcp(443, '0.0.0.0/0')])
      .build();
    const ok = reach(d, res(T.bastion), internet('93.184.216.34'), tcpFlow(443));
    expect(ok.verdict).toBe('reachable');
    expect(ok.path.find((h) => h.componentId === T.rtPublic)?.detail).toContain('pl-partner');
    expect(reach(d, res(T.bastion), internet('8.8.8.8'), tcpFlow(443)).explanations[0]).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION' });
  });

  it('keeps IPv4 and IPv6 routes apart: ::/0 -> IGW does not route IPv4', () => {
    const d = topologyT({ ipv6: true })
      .removeRoute(T.rtPublic, '0.0.0.0/0')
      .sg('v6', { ingress: [tcp(443, '::/0'), tcp(443, '0.0.0.0/0')] })
      .instance('web6', { subnet: T.publicA, groups: ['v6'], ipv6: true, publicIp: true })
      .build();
    expect(reach(d, internet('2001:db8::9'), res('web6'), tcpFlow(443)).verdict).toBe('reachable');
    const v4 = reach(d, internet('203.0.113.9'), res('web6'), tcpFlow(443));
    expect(v4.explanations).toEqual([expect.objectContaining({ code: 'NO_ROUTE_TO_DESTINATION', path: 'return' })]);
  });

  it('needs an attached internet gateway', () => {
    const d = withPublicHost().igw(T.igw, { attached: false }).build();
    const inbound = reach(d, internet('203.0.113.9'), res('pub'), tcpFlow(443));
    expect(inbound.explanations[0]).toMatchObject({ code: 'IGW_NOT_ATTACHED' });
    expect(codes(reach(d, res('pub'), internet('8.8.8.8'), tcpFlow(443)))).toContain('IGW_NOT_ATTACHED');
  });

  it('finds an instance in a private subnet unreachable from the Internet even with a public IP (reply route)', () => {
    const d = topologyT().sg('sg-db-pub', { ingress: [tcp(443, '0.0.0.0/0')] }).instance('dbhost', { subnet: T.dbA, groups: ['sg-db-pub'], publicIp: true }).build();
    expect(reach(d, internet('203.0.113.9'), res('dbhost'), tcpFlow(443)).explanations).toEqual([
      expect.objectContaining({ code: 'NO_ROUTE_TO_DESTINATION', componentId: T.rtDb, path: 'return' }),
    ]);
  });

  describe('peering', () => {
    /** Three VPCs: a-b and b-c peered, a's subnet routes b's and c's CIDRs to pcx-ab. */
    function chain(status: 'active' | 'pending-acceptance' = 'active') {
      return design()
        .vpc('a', '10.1.0.0/16')
        .subnet('sa', '10.1.1.0/24', 'az', { routes: [['10.2.0.0/16', 'pcx-ab'], ['10.3.0.0/16', 'pcx-ab']] })
        .vpc('b', '10.2.0.0/16')
        .subnet('sb', '10.2.1.0/24', 'az', { routes: [['10.1.0.0/16', 'pcx-ab'], ['10.3.0.0/16', 'pcx-bc']] })
        .vpc('c', '10.3.0.0/16')
        .subnet('sc', '10.3.1.0/24', 'az', { routes: [['10.2.0.0/16', 'pcx-bc'], ['10.1.0.0/16', 'pcx-bc']] })
        .peering('pcx-ab', 'a', 'b', { status })
        .peering('pcx-bc', 'b', 'c')
        .sg('ga', { vpc: 'a' })
        .sg('gb', { vpc: 'b', ingress: [tcp(22, '10.0.0.0/8')] })
        .sg('gc', { vpc: 'c', ingress: [tcp(22, '10.0.0.0/8')] })
        .instance('ia', { subnet: 'sa', groups: ['ga'] })
        .instance('ib', { subnet: 'sb', groups: ['gb'] })
        .instance('ic', { subnet: 'sc', groups: ['gc'] })
        .build();
    }

    it('carries traffic between the two peered VPCs', () => {
      const r = reach(chain(), res('ia'), res('ib'), tcpFlow(22));
      expect(r.verdict).toBe('reachable');
      expect(r.path.filter((h) => h.componentType === 'peering').map((h) => h.componentId)).toEqual(['pcx-ab']);
    });

    it('is not transitive: a -> c through b is PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', () => {
      const r = reach(chain(), res('ia'), res('ic'), tcpFlow(22));
      expect(r.explanations[0]).toMatchObject({ code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', componentId: 'pcx-ab', componentType: 'peering' });
    });

    it('treats a route to a peering pending acceptance as a blackhole', () => {
      const r = reach(chain('pending-acceptance'), res('ia'), res('ib'), tcpFlow(22));
      expect(r.explanations[0]).toMatchObject({ code: 'BAD_STATE_ROUTE', componentId: 'rt-sa' });
      expect(r.explanations[0]!.message).toContain('pending-acceptance');
    });

    it('reports NO_PATH_BETWEEN_VPCS for two VPCs with no peering and no public address', () => {
      const d = design()
        .vpc('x', '10.1.0.0/16')
        .subnet('sx', '10.1.1.0/24', 'az')
        .vpc('y', '10.2.0.0/16')
        .subnet('sy', '10.2.1.0/24', 'az')
        .instance('ix', { subnet: 'sx' })
        .instance('iy', { subnet: 'sy' })
        .build();
      expect(reach(d, res('ix'), res('iy'), tcpFlow(22)).explanations[0]).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION' });
      const routed = design()
        .vpc('x', '10.1.0.0/16')
        .igw('gx')
        .subnet('sx', '10.1.1.0/24', 'az', { routes: [['0.0.0.0/0', 'gx']] })
        .vpc('y', '10.2.0.0/16')
        .subnet('sy', '10.2.1.0/24', 'az')
        .instance('ix', { subnet: 'sx' })
        .instance('iy', { subnet: 'sy' })
        .build();
      expect(reach(routed, res('ix'), res('iy'), tcpFlow(22)).explanations[0]).toMatchObject({ code: 'NO_PATH_BETWEEN_VPCS' });
    });
  });

  it('does not let a peering without routes (or pending) hide the Internet path between public instances', () => {
    for (const status of ['active', 'pending-acceptance'] as const) {
      const d = design()
        .vpc('v0', '10.0.0.0/16')
        .igw('igw-0')
        .subnet('s0', '10.0.1.0/24', 'az', { routes: [['0.0.0.0/0', 'igw-0']] })
        .vpc('v1', '10.1.0.0/16')
        .igw('igw-1')
        .subnet('s1', '10.1.1.0/24', 'az', { routes: [['0.0.0.0/0', 'igw-1']] })
        .sg('open1', { vpc: 'v1', ingress: [tcp(22, '0.0.0.0/0')] })
        .instance('a', { subnet: 's0', publicIp: true })
        .instance('b', { subnet: 's1', publicIp: true, groups: ['open1'] })
        .peering('pcx', 'v0', 'v1', { status })
        .build();
      const r = reach(d, res('a'), res('b'), tcpFlow(22));
      expect(r.verdict, status).toBe('reachable');
      expect(r.path.map((h) => h.componentId)).toEqual(expect.arrayContaining(['igw-0', 'internet', 'igw-1']));
    }
  });

  it('needs no route back for a one-way ICMP message, but a request needs its reply routed', () => {
    const d = design()
      .vpc('v0', '10.0.0.0/16')
      .subnet('s0', '10.0.1.0/24', 'az', { routes: [['10.1.0.0/16', 'pcx']] })
      .vpc('v1', '10.1.0.0/16')
      .subnet('s1', '10.1.1.0/24', 'az')
      .peering('pcx', 'v0', 'v1')
      .sg('open1', { vpc: 'v1', ingress: [{ match: { protocol: 'icmp', icmp: { type: -1, code: -1 } }, peer: '0.0.0.0/0' }] })
      .instance('a', { subnet: 's0' })
      .instance('b', { subnet: 's1', groups: ['open1'] })
      .build();
    expect(reach(d, res('a'), res('b'), { protocol: 'icmp', icmpType: 3, icmpCode: 4 }).verdict).toBe('reachable');
    expect(reach(d, res('a'), res('b'), { protocol: 'icmp', icmpType: 8, icmpCode: 0 }).explanations).toEqual([
      expect.objectContaining({ code: 'NO_ROUTE_TO_DESTINATION', path: 'return' }),
    ]);
  });
});
