/**
 * Every scenario of shared/spec/scenarios.md on topology T, each with its full expected answer,
 * and the multi-hop exposure at the end of that file.
 */
import { describe, expect, it } from 'vitest';
import { exposure, reach } from '../index.ts';
import { topologyT, T } from '../../model/fixtures/topology-t.ts';
import { allTraffic, icmp, proto, sg, tcp } from '../../model/builder.ts';
import { allFlow, codes, icmpFlow, internet, res, tcpFlow, udpFlow } from './helpers.ts';

const base = topologyT().build();

/** T plus a peer VPC 10.1.0.0/16 (same Region, active peering) whose instance's group sg-db admits. */
function withPeer(opts: { peerRoute?: boolean; mainRoute?: boolean } = {}) {
  const b = topologyT()
    .vpc('vpc-peer', '10.1.0.0/16', { name: 'partner' })
    .subnet('X-a', '10.1.1.0/24', 'us-east-1a', opts.peerRoute === false ? {} : { routes: [['10.0.0.0/16', 'pcx-main-peer']] })
    .sg('sg-peer', { name: 'PeerSG' })
    .instance('peer-1', { subnet: 'X-a', groups: ['sg-peer'] })
    .peering('pcx-main-peer', T.vpc, 'vpc-peer')
    .ingress(T.sgDb, tcp(5432, sg('sg-peer')));
  if (opts.mainRoute !== false) b.route(T.rtDb, '10.1.0.0/16', 'pcx-main-peer');
  return b.build();
}

describe('scenarios on topology T', () => {
  it('S01 Internet (203.0.113.9) -> ALB tcp 443 is reachable', () => {
    const r = reach(base, internet('203.0.113.9'), res(T.alb), tcpFlow(443));
    expect(r.verdict).toBe('reachable');
    expect(r.explanations).toEqual([]);
    expect(r.admitted).toBeUndefined();
    expect(r.path.map((h) => h.componentType)).toEqual([
      'internet',
      'listener',
      'internet-gateway',
      'network-acl',
      'security-group',
      'network-interface',
      'load-balancer',
    ]);
  });

  it('S02 ALB -> app tcp 8080 is reachable through the target group', () => {
    const r = reach(base, res(T.alb), res(T.app), tcpFlow(8080));
    expect(r.verdict).toBe('reachable');
    expect(r.path.map((h) => h.componentId)).toContain(T.targetGroup);
    expect(r.destinationEniId).toBe('eni-app');
  });

  it('S03 app -> RDS tcp 5432 is reachable', () => {
    const r = reach(base, res(T.app), res(T.rds), tcpFlow(5432));
    expect(r).toMatchObject({ verdict: 'reachable', explanations: [], sourceEniId: 'eni-app', destinationEniId: 'eni-rds' });
  });

  it('S04 Internet -> app tcp 8080 is blocked: the app has no public IP', () => {
    const r = reach(base, internet('203.0.113.9'), res(T.app), tcpFlow(8080));
    expect(r.verdict).toBe('unreachable');
    expect(r.explanations[0]).toMatchObject({
      code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS',
      componentId: T.igw,
      componentType: 'internet-gateway',
      path: 'forward',
    });
    // Also blocking: sg-app admits 8080 only from sg-alb, and the reply would go to the NAT gateway.
    expect(codes(r)).toEqual(['IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS', 'ENI_SG_RULES_MISMATCH', 'NO_ROUTE_TO_DESTINATION']);
    expect(r.path.at(-1)?.componentId).toBe(T.igw);
  });

  it('S05 sg-app admitting the public subnets CIDRs instead of sg-alb: ALB -> app 8080 is reachable', () => {
    const d = topologyT().setIngress(T.sgApp, [tcp(8080, '10.0.1.0/24'), tcp(8080, '10.0.11.0/24')]).build();
    expect(reach(d, res(T.alb), res(T.app), tcpFlow(8080))).toMatchObject({ verdict: 'reachable', explanations: [] });
  });

  it('S06 Internet -> ALB tcp 80 is blocked: no listener on 80', () => {
    const r = reach(base, internet('203.0.113.9'), res(T.alb), tcpFlow(80));
    expect(r.verdict).toBe('unreachable');
    expect(r.explanations[0]).toMatchObject({ code: 'ELBV2_LISTENERS_MISMATCH', componentId: T.alb, componentType: 'load-balancer', path: 'forward' });
    expect(codes(r)).toEqual(['ELBV2_LISTENERS_MISMATCH', 'ENI_SG_RULES_MISMATCH']);
  });

  it('S07 a peer VPC instance reaches RDS 5432 over an active same-Region peering with routes both ways', () => {
    const r = reach(withPeer(), res('peer-1'), res(T.rds), tcpFlow(5432));
    expect(r.verdict).toBe('reachable');
    expect(r.path.map((h) => h.componentType)).toContain('peering');
  });

  it("S08 the peer's route to 10.0.0.0/16 missing: NO_ROUTE_TO_DESTINATION", () => {
    const r = reach(withPeer({ peerRoute: false }), res('peer-1'), res(T.rds), tcpFlow(5432));
    expect(r.verdict).toBe('unreachable');
    expect(r.explanations).toHaveLength(1);
    expect(r.explanations[0]).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', componentType: 'route-table', componentId: 'vpc-peer-main-rt', path: 'forward' });
  });

  it("S08 variant: the main VPC's route back to the peer missing blocks the reply", () => {
    const r = reach(withPeer({ mainRoute: false }), res('peer-1'), res(T.rds), tcpFlow(5432));
    expect(r.explanations).toHaveLength(1);
    expect(r.explanations[0]).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', componentId: T.rtDb, path: 'return' });
  });

  it('S09 P-a inbound NACL rule 90 denies tcp 22 before rule 100 allows all: bastion unreachable (rule 90)', () => {
    const d = topologyT()
      .naclInbound(T.publicA, [
        [90, 'deny', tcp(22, '0.0.0.0/0')],
        [100, 'allow', allTraffic('0.0.0.0/0')],
      ])
      .build();
    const r = reach(d, internet('198.51.100.7'), res(T.bastion), tcpFlow(22));
    expect(r.verdict).toBe('unreachable');
    expect(r.explanations).toEqual([
      expect.objectContaining({ code: 'SUBNET_ACL_RESTRICTION', componentType: 'network-acl', ruleNumber: 90, direction: 'inbound', path: 'forward' }),
    ]);
    expect(r.explanations[0]!.message).toContain('rule 90');
  });

  it('S10 rule 90 allows all before rule 100 denies tcp 22: bastion reachable', () => {
    const d = topologyT()
      .naclInbound(T.publicA, [
        [90, 'allow', allTraffic('0.0.0.0/0')],
        [100, 'deny', tcp(22, '0.0.0.0/0')],
      ])
      .build();
    expect(reach(d, internet('198.51.100.7'), res(T.bastion), tcpFlow(22))).toMatchObject({ verdict: 'reachable', explanations: [] });
  });

  it('S11 custom NACL allowing only tcp 443 both ways: the reply to the ephemeral port is blocked outbound', () => {
    const only443 = [[100, 'allow', tcp(443, '0.0.0.0/0')]] as const;
    const d = topologyT()
      .nacl('acl-public', { subnets: [T.publicA, T.publicB], inbound: [...only443], outbound: [...only443] })
      .build();
    const r = reach(d, internet('203.0.113.9'), res(T.alb), tcpFlow(443));
    expect(r.verdict).toBe('unreachable');
    expect(r.explanations).toEqual([
      expect.objectContaining({ code: 'SUBNET_ACL_RESTRICTION', componentId: 'acl-public', direction: 'outbound', path: 'return', ruleNumber: 32767 }),
    ]);
    expect(r.path.at(-1)).toMatchObject({ componentId: 'acl-public', direction: 'outbound' });
  });

  it('S12 two instances in A-a with a deny-all NACL still talk: no NACL inside a subnet', () => {
    const d = topologyT()
      .sg('sg-w', { ingress: [tcp(8080, sg('sg-w'))] })
      .instance('w1', { subnet: T.appA, groups: ['sg-w'] })
      .instance('w2', { subnet: T.appA, groups: ['sg-w'] })
      .nacl('acl-deny', { subnets: [T.appA] })
      .build();
    const r = reach(d, res('w1'), res('w2'), tcpFlow(8080));
    expect(r).toMatchObject({ verdict: 'reachable', explanations: [] });
    expect(r.path.some((h) => h.componentType === 'network-acl')).toBe(false);
  });

  it('S13 public IP in a NAT-routed subnet: the reply has no route to the IGW', () => {
    const d = topologyT()
      .sg('sg-web', { ingress: [tcp(80, '0.0.0.0/0')] })
      .instance('web', { subnet: T.appA, groups: ['sg-web'], publicIp: true })
      .build();
    const r = reach(d, internet('203.0.113.9'), res('web'), tcpFlow(80));
    expect(r.verdict).toBe('unreachable');
    expect(r.explanations).toEqual([expect.objectContaining({ code: 'NO_ROUTE_TO_DESTINATION', componentId: T.rtApp, componentType: 'route-table', path: 'return' })]);
  });

  it('S14 instance in P-a without a public IP -> Internet 443: IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS', () => {
    const d = topologyT().instance('p', { subnet: T.publicA }).build();
    const r = reach(d, res('p'), internet('93.184.216.34'), tcpFlow(443));
    expect(r.verdict).toBe('unreachable');
    expect(r.explanations).toEqual([expect.objectContaining({ code: 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS', componentId: T.igw, path: 'forward' })]);
  });

  it('S15 app -> Internet tcp 443 through the NAT gateway is reachable', () => {
    const r = reach(base, res(T.app), internet('93.184.216.34'), tcpFlow(443));
    expect(r.verdict).toBe('reachable');
    expect(r.path.map((h) => h.componentId)).toEqual(expect.arrayContaining([T.rtApp, T.nat, T.rtPublic, T.igw, 'internet']));
  });

  it('S16 icmp type 8 code -1 from 10.0.0.0/16 admits an echo request from A-a', () => {
    const d = topologyT()
      .sg('sg-x', { ingress: [icmp(8, -1, '10.0.0.0/16')] })
      .instance('x', { subnet: T.appB, groups: ['sg-x'] })
      .instance('pinger', { subnet: T.appA })
      .build();
    expect(reach(d, res('pinger'), res('x'), icmpFlow(8, 0))).toMatchObject({ verdict: 'reachable', explanations: [] });
    expect(reach(d, res('pinger'), res('x'), icmpFlow(8))).toMatchObject({ verdict: 'reachable' });
  });

  it('S17 a protocol -1 rule with ports 22-22 admits udp 53: ports are ignored for -1', () => {
    const d = topologyT()
      .sg('sg-y', { ingress: [proto('all', '10.0.0.0/16', [22, 22])] })
      .instance('y', { subnet: T.appB, groups: ['sg-y'] })
      .instance('client', { subnet: T.appA })
      .build();
    expect(reach(d, res('client'), res('y'), udpFlow(53))).toMatchObject({ verdict: 'reachable', explanations: [] });
  });

  it('S18 one ENI with two groups: the union admits 198.51.100.9 on 22', () => {
    const d = topologyT()
      .sg('sg-narrow', { ingress: [tcp(22, '203.0.113.1/32')] })
      .sg('sg-wide', { ingress: [tcp(22, '0.0.0.0/0')] })
      .instance('h', { subnet: T.publicA, groups: ['sg-narrow', 'sg-wide'], publicIp: true })
      .build();
    const r = reach(d, internet('198.51.100.9'), res('h'), tcpFlow(22));
    expect(r).toMatchObject({ verdict: 'reachable', explanations: [] });
    expect(r.path.find((h) => h.componentType === 'security-group')?.detail).toContain('0.0.0.0/0');
  });

  it('S19 IPv6 client -> 443 over ::/0 -> IGW with an IPv6 address and ::/0 rules is reachable', () => {
    const d = topologyT({ ipv6: true })
      .sg('sg-v6', { ingress: [tcp(443, '::/0')] })
      .instance('web6', { subnet: T.publicA, groups: ['sg-v6'], ipv6: true })
      .build();
    const r = reach(d, internet('2001:db8::9'), res('web6'), tcpFlow(443));
    expect(r).toMatchObject({ verdict: 'reachable', explanations: [] });
    expect(r.path.find((h) => h.componentType === 'network-acl')?.detail).toContain('rule 101');
  });

  it('S20 Lambda -> RDS 5432 with sg-db admitting sg-lambda is reachable', () => {
    const d = topologyT().ingress(T.sgDb, tcp(5432, sg(T.sgLambda))).build();
    expect(reach(d, res(T.lambda), res(T.rds), tcpFlow(5432))).toMatchObject({ verdict: 'reachable', explanations: [] });
  });

  it('S21 app -> Lambda on any port: LAMBDA_NO_INBOUND', () => {
    for (const flow of [tcpFlow(), allFlow()]) {
      const r = reach(base, res(T.app), res(T.lambda), flow);
      expect(r.verdict).toBe('unreachable');
      expect(r.explanations[0]).toMatchObject({ code: 'LAMBDA_NO_INBOUND', componentId: T.lambda, path: 'forward' });
    }
  });

  it('S22 Lambda attached to P-a only -> Internet 443: IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS (no public IP ever)', () => {
    const d = topologyT().remove(T.lambda).lambda(T.lambda, { subnets: [T.publicA], groups: [T.sgLambda] }).build();
    const r = reach(d, res(T.lambda), internet('93.184.216.34'), tcpFlow(443));
    expect(r.verdict).toBe('unreachable');
    expect(r.explanations).toEqual([expect.objectContaining({ code: 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS', componentId: T.igw })]);
  });

  it('S23 198.51.100.7 -> bastion 22, then bastion -> app 22 with sg-app admitting sg-bastion: both hops reachable', () => {
    const d = topologyT().ingress(T.sgApp, tcp(22, sg(T.sgBastion))).build();
    const hop1 = reach(d, internet('198.51.100.7'), res(T.bastion), tcpFlow(22));
    const hop2 = reach(d, res(T.bastion), res(T.app), tcpFlow(22));
    expect(hop1).toMatchObject({ verdict: 'reachable', explanations: [] });
    expect(hop2).toMatchObject({ verdict: 'reachable', explanations: [] });
    expect(hop2.path.find((h) => h.componentId === T.sgApp)?.detail).toContain('sg-bastion');
  });

  it('S24 198.51.100.7 -> app 22 directly: IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS', () => {
    const r = reach(base, internet('198.51.100.7'), res(T.app), tcpFlow(22));
    expect(r.verdict).toBe('unreachable');
    expect(r.explanations[0]).toMatchObject({ code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS', path: 'forward' });
  });

  const rdsInPublic = (publiclyAccessible: boolean) =>
    topologyT()
      .remove(T.rds)
      .rds(T.rds, { name: 'orders-db', subnets: [T.publicA, T.publicB], groups: [T.sgDb], publiclyAccessible })
      .setIngress(T.sgDb, [tcp(5432, '0.0.0.0/0')])
      .build();

  it('S25 RDS in P-a, not publicly accessible, sg-db open to 0.0.0.0/0: IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS', () => {
    const r = reach(rdsInPublic(false), internet('203.0.113.9'), res(T.rds), tcpFlow(5432));
    expect(r.verdict).toBe('unreachable');
    expect(r.explanations).toEqual([expect.objectContaining({ code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS', componentId: T.igw })]);
    expect(r.explanations[0]!.message).toContain('not publicly accessible');
  });

  it('S26 the same RDS publicly accessible is reachable', () => {
    expect(reach(rdsInPublic(true), internet('203.0.113.9'), res(T.rds), tcpFlow(5432))).toMatchObject({ verdict: 'reachable', explanations: [] });
  });

  it("S27 two members of the VPC's default group reach each other on anything; an outsider does not", () => {
    const d = topologyT()
      .instance('m1', { subnet: T.appA })
      .instance('m2', { subnet: T.appB })
      .sg('sg-other', {})
      .instance('outsider', { subnet: T.appA, groups: ['sg-other'] })
      .build();
    expect(reach(d, res('m1'), res('m2'), allFlow())).toMatchObject({ verdict: 'reachable', explanations: [] });
    expect(reach(d, res('m2'), res('m1'), udpFlow(53))).toMatchObject({ verdict: 'reachable' });
    for (const target of ['m1', 'm2']) {
      const r = reach(d, res('outsider'), res(target), allFlow());
      expect(r.verdict).toBe('unreachable');
      expect(r.explanations).toEqual([
        expect.objectContaining({ code: 'ENI_SG_RULES_MISMATCH', direction: 'ingress', componentId: 'vpc-main-default-sg', field: 'source' }),
      ]);
    }
  });

  it('S28 a destination with a fresh custom group (no inbound rules): ENI_SG_RULES_MISMATCH ingress', () => {
    const d = topologyT()
      .sg('sg-fresh', {})
      .instance('fresh', { subnet: T.appB, groups: ['sg-fresh'] })
      .instance('client', { subnet: T.appA })
      .build();
    const r = reach(d, res('client'), res('fresh'), tcpFlow(80));
    expect(r.verdict).toBe('unreachable');
    expect(r.explanations).toEqual([expect.objectContaining({ code: 'ENI_SG_RULES_MISMATCH', direction: 'ingress', componentId: 'sg-fresh' })]);
  });

  it('S29 a source group with no egress rules sends nothing; inbound to the source still works', () => {
    const d = topologyT()
      .sg('sg-mute', { ingress: [tcp(22, '10.0.0.0/16')], egress: [] })
      .instance('mute', { subnet: T.appA, groups: ['sg-mute'] })
      .build();
    for (const [to, flow] of [
      [res(T.app), tcpFlow(8080)],
      [res(T.rds), tcpFlow(5432)],
      [internet('93.184.216.34'), tcpFlow(443)],
    ] as const) {
      const r = reach(d, res('mute'), to, flow);
      expect(r.verdict).toBe('unreachable');
      expect(r.explanations[0]).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', direction: 'egress', componentId: 'sg-mute', path: 'forward' });
    }
    expect(reach(d, res(T.bastion), res('mute'), tcpFlow(22))).toMatchObject({ verdict: 'reachable', explanations: [] });
  });

  it("S30 ALB's group egress narrowed to tcp 80: ALB -> app 8080 blocked at the ALB's ENI egress", () => {
    const d = topologyT().setEgress(T.sgAlb, [tcp(80, sg(T.sgApp))]).build();
    const r = reach(d, res(T.alb), res(T.app), tcpFlow(8080));
    expect(r.verdict).toBe('unreachable');
    expect(r.explanations[0]).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', direction: 'egress', componentId: T.sgAlb, field: 'port' });
    expect(r.sourceEniId).toMatch(/^eni-alb-/);
  });
});

describe('multi-hop exposure on T', () => {
  const summary = (d: ReturnType<typeof topologyT> extends { build(): infer D } ? D : never) =>
    exposure(d, internet()).entries.map((e) => ({
      to: e.resourceId,
      traffic: e.traffic,
      sources: e.sources,
      chain: e.chain.map((h) => `${h.from}->${h.to} ${h.traffic}${h.via ? ` via ${h.via}` : ''}`),
    }));

  it('the Internet reaches ALB 443, app 8080 via the ALB, RDS 5432 via ALB -> app, bastion 22 from 198.51.100.7/32, nothing else', () => {
    expect(summary(base)).toEqual([
      { to: T.alb, traffic: 'tcp 443', sources: undefined, chain: [`internet->alb tcp 443 via ${T.listener}`] },
      { to: T.bastion, traffic: 'tcp 22', sources: ['198.51.100.7/32'], chain: ['internet->bastion tcp 22'] },
      { to: T.app, traffic: 'tcp 8080', sources: undefined, chain: [`internet->alb tcp 443 via ${T.listener}`, `alb->app tcp 8080 via ${T.targetGroup}`] },
      {
        to: T.rds,
        traffic: 'tcp 5432',
        sources: undefined,
        chain: [`internet->alb tcp 443 via ${T.listener}`, `alb->app tcp 8080 via ${T.targetGroup}`, 'app->rds tcp 5432'],
      },
    ]);
  });

  it("with S23's rule, app 22 is reachable from 198.51.100.7 through the bastion", () => {
    const d = topologyT().ingress(T.sgApp, tcp(22, sg(T.sgBastion))).build();
    const entries = summary(d);
    expect(entries).toHaveLength(5);
    expect(entries).toContainEqual({ to: T.app, traffic: 'tcp 22', sources: ['198.51.100.7/32'], chain: ['internet->bastion tcp 22', 'bastion->app tcp 22'] });
  });

  it('entries carry machine ranges per protocol number', () => {
    const alb = exposure(base, internet()).entries.find((e) => e.resourceId === T.alb)!;
    expect(alb.ranges).toEqual({ 6: [[443, 443]] });
  });
});
