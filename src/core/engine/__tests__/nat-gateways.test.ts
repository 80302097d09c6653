/** network-semantics.md §3: NAT gateways. */
import { describe, expect, it } from 'vitest';
import { reach } from '../index.ts';
import { allTraffic, design, tcp } from '../../model/builder.ts';
import { topologyT, T } from '../../model/fixtures/topology-t.ts';
import { internet, res, tcpFlow } from './helpers.ts';

describe('NAT gateways', () => {
  it('lets a private instance out through a NAT gateway in a public subnet with an Elastic IP', () => {
    const r = reach(topologyT().build(), res(T.app), internet('8.8.8.8'), tcpFlow(443));
    expect(r.verdict).toBe('reachable');
    expect(r.path.find((h) => h.componentType === 'internet-gateway')?.detail).toContain('source translated to');
  });

  it('admits no connection initiated from outside: NAT_NO_INBOUND', () => {
    const r = reach(topologyT().build(), internet('203.0.113.9'), res(T.nat), tcpFlow(443));
    expect(r.explanations).toEqual([expect.objectContaining({ code: 'NAT_NO_INBOUND', componentId: T.nat, componentType: 'nat-gateway' })]);
  });

  it('does not reach the Internet from a private subnet: NO_ROUTE_TO_DESTINATION at the NAT subnet route table', () => {
    const d = topologyT().nat(T.nat, T.dbA).build();
    const r = reach(d, res(T.app), internet('8.8.8.8'), tcpFlow(443));
    expect(r.explanations).toEqual([expect.objectContaining({ code: 'NO_ROUTE_TO_DESTINATION', componentId: T.rtDb })]);
    expect(r.explanations[0]!.message).toContain('must be in a public subnet');
  });

  it('needs an Elastic IP (a private NAT gateway cannot reach the Internet)', () => {
    const d = topologyT().nat(T.nat, T.publicA, { connectivity: 'private' }).build();
    expect(reach(d, res(T.app), internet('8.8.8.8'), tcpFlow(443)).explanations[0]).toMatchObject({
      code: 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS',
      componentId: T.nat,
    });
  });

  it('treats a NAT gateway that is not available as a blackhole', () => {
    const d = topologyT().nat(T.nat, T.publicA, { state: 'failed' }).build();
    expect(reach(d, res(T.app), internet('8.8.8.8'), tcpFlow(443)).explanations[0]).toMatchObject({ code: 'BAD_STATE_ROUTE', componentId: T.rtApp });
  });

  it("applies the NAT subnet's NACL on the way out and to the reply on the NAT's ports", () => {
    const out = topologyT()
      .naclOutbound(T.publicA, [
        [90, 'deny', tcp(443, '0.0.0.0/0')],
        [100, 'allow', allTraffic('0.0.0.0/0')],
      ])
      .build();
    expect(reach(out, res(T.app), internet('8.8.8.8'), tcpFlow(443)).explanations[0]).toMatchObject({
      code: 'SUBNET_ACL_RESTRICTION',
      componentId: 'acl-P-a',
      direction: 'outbound',
      ruleNumber: 90,
      path: 'forward',
    });
    const back = topologyT()
      .naclInbound(T.publicA, [[100, 'allow', allTraffic('10.0.0.0/16')]])
      .build();
    expect(reach(back, res(T.app), internet('8.8.8.8'), tcpFlow(443)).explanations[0]).toMatchObject({
      code: 'SUBNET_ACL_RESTRICTION',
      componentId: 'acl-P-a',
      direction: 'inbound',
      path: 'return',
    });
  });

  it('serves only its own VPC: a route in a peer VPC to it is NGW_REQUIRES_SOURCE_IN_VPC', () => {
    const d = topologyT()
      .vpc('vpc-peer', '10.1.0.0/16')
      .subnet('X-a', '10.1.1.0/24', 'us-east-1a', { routes: [['0.0.0.0/0', T.nat]] })
      .instance('peer-1', { subnet: 'X-a' })
      .build();
    const r = reach(d, res('peer-1'), internet('8.8.8.8'), tcpFlow(443));
    expect(r.explanations[0]).toMatchObject({ code: 'NGW_REQUIRES_SOURCE_IN_VPC', componentId: T.nat });
  });

  it("cannot be used by a peer over the peering (no transit): PCX_REQUIRES_ADDRESS_IN_VPC_CIDR", () => {
    const d = topologyT()
      .vpc('vpc-peer', '10.1.0.0/16')
      .subnet('X-a', '10.1.1.0/24', 'us-east-1a', { routes: [['0.0.0.0/0', 'pcx-1']] })
      .peering('pcx-1', T.vpc, 'vpc-peer')
      .instance('peer-1', { subnet: 'X-a' })
      .build();
    expect(reach(d, res('peer-1'), internet('8.8.8.8'), tcpFlow(443)).explanations[0]).toMatchObject({ code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', componentId: 'pcx-1' });
  });

  it("makes the destination see the NAT's Elastic IP", () => {
    const make = (admit: string) =>
      design()
        .vpc('va', '10.0.0.0/16')
        .igw('ga')
        .subnet('pub', '10.0.1.0/24', 'az', { routes: [['0.0.0.0/0', 'ga']] })
        .subnet('priv', '10.0.2.0/24', 'az', { routes: [['0.0.0.0/0', 'nat']] })
        .nat('nat', 'pub', { publicIp: '198.18.7.7' })
        .instance('client', { subnet: 'priv' })
        .vpc('vb', '10.9.0.0/16')
        .igw('gb')
        .subnet('web', '10.9.1.0/24', 'az', { routes: [['0.0.0.0/0', 'gb']] })
        .sg('sg-web', { ingress: [tcp(443, admit)] })
        .instance('server', { subnet: 'web', groups: ['sg-web'], publicIp: '198.18.9.9' })
        .build();
    const ok = reach(make('198.18.7.7/32'), res('client'), res('server'), tcpFlow(443));
    expect(ok.verdict).toBe('reachable');
    expect(ok.path.map((h) => h.componentId)).toEqual(expect.arrayContaining(['nat', 'ga', 'internet', 'gb']));
    const r = reach(make('10.0.2.0/24'), res('client'), res('server'), tcpFlow(443));
    expect(r.explanations[0]).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', componentId: 'sg-web', field: 'source' });
    expect(r.explanations[0]!.message).toContain('198.18.7.7');
  });

  it('carries tcp, udp and icmp only: GRE (47) through it is PROTOCOL_RESTRICTION', () => {
    const d = topologyT().setEgress(T.sgApp, [{ match: { protocol: 47 }, peer: '0.0.0.0/0' }]).build();
    const r = reach(d, res(T.app), internet('8.8.8.8'), { protocol: 47 });
    expect(r.explanations[0]).toMatchObject({ code: 'PROTOCOL_RESTRICTION', componentId: T.nat, componentType: 'nat-gateway' });
    expect(reach(topologyT().build(), res(T.lambda), internet('8.8.8.8'), { protocol: 'all' })).toMatchObject({
      verdict: 'reachable',
      admitted: { traffic: 'tcp all ports; udp all ports; icmp all types' },
    });
  });
});
