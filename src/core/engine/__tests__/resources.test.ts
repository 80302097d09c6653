/** network-semantics.md §4: load balancers, databases, Lambda, interfaces, endpoints. */
import { describe, expect, it } from 'vitest';
import { reach } from '../index.ts';
import { design, sg, tcp } from '../../model/builder.ts';
import { topologyT, T } from '../../model/fixtures/topology-t.ts';
import { allFlow, internet, res, tcpFlow, udpFlow } from './helpers.ts';

describe('application load balancers', () => {
  it('accepts only its listener ports from clients (ELBV2_LISTENERS_MISMATCH) and narrows "any port" to them', () => {
    const d = topologyT().build();
    expect(reach(d, internet('203.0.113.9'), res(T.alb), tcpFlow(8443)).explanations[0]).toMatchObject({ code: 'ELBV2_LISTENERS_MISMATCH' });
    expect(reach(d, internet('203.0.113.9'), res(T.alb), tcpFlow())).toMatchObject({ verdict: 'reachable', admitted: { traffic: 'tcp 443' } });
  });

  it('carries tcp only: PROTOCOL_RESTRICTION for udp', () => {
    expect(reach(topologyT().build(), internet('203.0.113.9'), res(T.alb), udpFlow(443)).explanations[0]).toMatchObject({ code: 'PROTOCOL_RESTRICTION', componentId: T.alb });
  });

  it('opens connections only to registered targets: ELB_TARGET_NOT_REGISTERED', () => {
    const r = reach(topologyT().build(), res(T.alb), res(T.bastion), tcpFlow(8080));
    expect(r.explanations[0]).toMatchObject({ code: 'ELB_TARGET_NOT_REGISTERED', componentId: T.alb });
    expect(reach(topologyT().build(), res(T.alb), internet('8.8.8.8'), tcpFlow(443)).explanations[0]).toMatchObject({ code: 'ELB_TARGET_NOT_REGISTERED' });
  });

  it('connects to a target on its target port and its health-check port, which the target group must both admit', () => {
    const b = () =>
      topologyT()
        .remove(T.alb)
        .alb(T.alb, {
          subnets: [T.publicA, T.publicB],
          groups: [T.sgAlb],
          listeners: [{ port: 443, targetGroup: 'tg' }],
          targetGroups: [{ id: 'tg', port: 8080, healthCheckPort: 8081, targets: [T.app] }],
        })
        .setEgress(T.sgAlb, [tcp([8080, 8081], sg(T.sgApp))]);
    const d = b().build();
    expect(reach(d, res(T.alb), res(T.app), tcpFlow(8080)).verdict).toBe('reachable');
    // sg-app admits only 8080: the health check on 8081 is blocked by the target's group.
    expect(reach(d, res(T.alb), res(T.app), tcpFlow(8081)).explanations[0]).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', direction: 'ingress', componentId: T.sgApp });
    const fixed = b().ingress(T.sgApp, tcp(8081, sg(T.sgAlb))).build();
    expect(reach(fixed, res(T.alb), res(T.app), tcpFlow(8081)).verdict).toBe('reachable');
    expect(reach(fixed, res(T.alb), res(T.app), tcpFlow(9000)).explanations[0]).toMatchObject({ code: 'ELB_TARGET_NOT_REGISTERED', componentType: 'target-group' });
    expect(reach(fixed, res(T.alb), res(T.app), tcpFlow())).toMatchObject({ verdict: 'reachable', admitted: { traffic: 'tcp 8080-8081' } });
  });

  it('sends no traffic to a target in an Availability Zone it is not enabled in: ELB_INSTALLED_AZ_RESTRICTION', () => {
    const d = topologyT()
      .subnet('A-c', '10.0.22.0/24', 'us-east-1c', { routeTable: T.rtApp })
      .remove(T.app)
      .instance(T.app, { subnet: 'A-c', groups: [T.sgApp] })
      .build();
    const r = reach(d, res(T.alb), res(T.app), tcpFlow(8080));
    expect(r.explanations[0]).toMatchObject({ code: 'ELB_INSTALLED_AZ_RESTRICTION', componentType: 'target-group' });
    expect(r.explanations[0]!.message).toContain('us-east-1c');
  });

  it('is not reachable from the Internet when internal, but is from inside the VPC', () => {
    const d = topologyT()
      .remove(T.alb)
      .alb(T.alb, {
        scheme: 'internal',
        subnets: [T.appA, T.appB],
        groups: [T.sgAlb],
        listeners: [{ port: 443, targetGroup: T.targetGroup }],
        targetGroups: [{ id: T.targetGroup, port: 8080, targets: [T.app] }],
      })
      .build();
    const r = reach(d, internet('203.0.113.9'), res(T.alb), tcpFlow(443));
    expect(r.explanations[0]).toMatchObject({ code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS' });
    expect(r.explanations[0]!.message).toContain('internal load balancer');
    expect(reach(d, res(T.bastion), res(T.alb), tcpFlow(443)).verdict).toBe('reachable');
  });
});

describe('databases', () => {
  it('has no public address unless publicly accessible, even with one on its interface', () => {
    const d = topologyT()
      .remove(T.rds)
      .rds(T.rds, { subnets: [T.publicA, T.publicB], groups: [T.sgDb] })
      .eni(T.rds, { publicIp: '198.18.0.99' })
      .setIngress(T.sgDb, [tcp(5432, '0.0.0.0/0')])
      .build();
    expect(reach(d, internet('203.0.113.9'), res(T.rds), tcpFlow(5432)).explanations[0]).toMatchObject({ code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS' });
  });

  it('is unreachable from the Internet when publicly accessible in a subnet without an IGW route', () => {
    const d = topologyT()
      .remove(T.rds)
      .rds(T.rds, { subnets: [T.dbA, T.dbB], groups: [T.sgDb], publiclyAccessible: true })
      .setIngress(T.sgDb, [tcp(5432, '0.0.0.0/0')])
      .build();
    expect(reach(d, internet('203.0.113.9'), res(T.rds), tcpFlow(5432)).explanations).toEqual([
      expect.objectContaining({ code: 'NO_ROUTE_TO_DESTINATION', path: 'return', componentId: T.rtDb }),
    ]);
  });
});

describe('Lambda functions', () => {
  it('never gets a public address, even in a public subnet with one set', () => {
    const d = topologyT().remove(T.lambda).lambda(T.lambda, { subnets: [T.publicA], groups: [T.sgLambda] }).eni(T.lambda, { publicIp: '198.18.0.5' }).build();
    const r = reach(d, res(T.lambda), internet('8.8.8.8'), tcpFlow(443));
    expect(r.explanations[0]).toMatchObject({ code: 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS' });
    expect(r.explanations[0]!.message).toContain('Lambda function');
  });

  it('reaches the Internet through a NAT gateway', () => {
    expect(reach(topologyT().build(), res(T.lambda), internet('8.8.8.8'), tcpFlow(443)).verdict).toBe('reachable');
  });

  it('accepts nothing, whatever its group admits', () => {
    const d = topologyT().setIngress(T.sgLambda, [tcp('all', '0.0.0.0/0')]).build();
    expect(reach(d, res(T.app), res(T.lambda), tcpFlow(443)).explanations).toEqual([expect.objectContaining({ code: 'LAMBDA_NO_INBOUND' })]);
  });
});

describe('interfaces and endpoints', () => {
  /** `multi` has eth0 in A-a (group that admits 22 from the bastion) and eth1 in D-a (group that admits nothing). */
  const multi = () =>
    topologyT()
      .sg('sg-admin', { ingress: [tcp(22, sg(T.sgBastion))] })
      .sg('sg-none', {})
      .instance('multi', {
        enis: [
          { subnet: T.dbA, groups: ['sg-none'] },
          { subnet: T.appA, groups: ['sg-admin'] },
        ],
      })
      .build();

  it('reaches a resource with several interfaces through any of them, and says which pair', () => {
    const r = reach(multi(), res(T.bastion), res('multi'), tcpFlow(22));
    expect(r).toMatchObject({ verdict: 'reachable', sourceEniId: 'eni-bastion', destinationEniId: 'eni-multi-2' });
  });

  it('answers for one interface when the endpoint pins it', () => {
    const r = reach(multi(), res(T.bastion), res('multi', 'eni-multi'), tcpFlow(22));
    expect(r).toMatchObject({ verdict: 'unreachable', destinationEniId: 'eni-multi' });
    expect(r.explanations[0]).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', componentId: 'sg-none' });
  });

  it('reports the pair that got furthest when no pair gets through', () => {
    const r = reach(multi(), res(T.app), res('multi'), tcpFlow(22));
    expect(r.verdict).toBe('unreachable');
    expect(r.explanations[0]).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', direction: 'egress' });
  });

  it('refuses unknown resources and a flow from an interface to itself', () => {
    const d = topologyT().build();
    expect(reach(d, res('nope'), res(T.app), tcpFlow(22)).explanations[0]).toMatchObject({ code: 'NO_NETWORK_INTERFACE' });
    expect(reach(d, res(T.app), res(T.app), tcpFlow(22)).explanations[0]).toMatchObject({ code: 'SAME_INTERFACE' });
    expect(reach(d, internet(), internet('8.8.8.8'), tcpFlow(22)).verdict).toBe('unreachable');
  });

  it('evaluates IPv6 between two dual-stack instances when asked (ipVersion 6)', () => {
    const d = design()
      .vpc('v', '10.0.0.0/16', { ipv6Cidr: '2600:1f18::/56' })
      .subnet('s1', '10.0.1.0/24', 'az', { ipv6Cidr: '2600:1f18:0:1::/64' })
      .subnet('s2', '10.0.2.0/24', 'az', { ipv6Cidr: '2600:1f18:0:2::/64' })
      .sg('only-v6', { ingress: [tcp(22, '2600:1f18::/56')] })
      .instance('a', { subnet: 's1', ipv6: true })
      .instance('b', { subnet: 's2', groups: ['only-v6'], ipv6: true })
      .build();
    const r = reach(d, res('a'), res('b'), tcpFlow(22));
    expect(r.verdict).toBe('reachable');
    expect(r.path.find((h) => h.componentType === 'network-interface')?.detail).toContain('2600:1f18');
    expect(reach(d, res('a'), res('b'), { protocol: 'tcp', port: 22, ipVersion: 4 }).verdict).toBe('unreachable');
  });

  it('treats an external network like Internet hosts through the IGW, narrowed to its CIDRs', () => {
    const d = topologyT().external('corp', ['198.51.100.0/24'], { name: 'CorpNet' }).build();
    const r = reach(d, { kind: 'external', externalNetworkId: 'corp' }, res(T.bastion), allFlow());
    expect(r).toMatchObject({ verdict: 'reachable', admitted: { traffic: 'tcp 22', sources: ['198.51.100.7/32'] } });
  });
});
