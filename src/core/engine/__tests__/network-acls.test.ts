/** network-semantics.md §2: network ACLs, one behaviour per test. */
import { describe, expect, it } from 'vitest';
import { reach } from '../index.ts';
import { allTraffic, design, tcp, udp } from '../../model/builder.ts';
import { topologyT, T, T_IPV6 } from '../../model/fixtures/topology-t.ts';
import { internet, res, tcpFlow, udpFlow } from './helpers.ts';

/** Two open instances in two subnets of one VPC; `a` Linux, `w` Windows in s1, `b` in s2. */
function twoSubnets() {
  return design()
    .vpc('v', '10.0.0.0/16')
    .subnet('s1', '10.0.1.0/24', 'az-a')
    .subnet('s2', '10.0.2.0/24', 'az-b')
    .sg('open', { ingress: [tcp('all', '0.0.0.0/0'), udp('all', '0.0.0.0/0')] })
    .instance('a', { subnet: 's1', groups: ['open'] })
    .instance('w', { subnet: 's1', groups: ['open'], platform: 'windows' })
    .instance('b', { subnet: 's2', groups: ['open'] });
}

describe('network ACLs', () => {
  it('evaluates rules lowest number first: the first match decides', () => {
    const deny = twoSubnets()
      .naclOutbound('s1', [
        [50, 'deny', tcp(5432, '10.0.2.0/24')],
        [60, 'allow', allTraffic('0.0.0.0/0')],
      ])
      .build();
    const r = reach(deny, res('a'), res('b'), tcpFlow(5432));
    expect(r.explanations).toEqual([expect.objectContaining({ code: 'SUBNET_ACL_RESTRICTION', ruleNumber: 50, direction: 'outbound', path: 'forward' })]);
    expect(reach(deny, res('a'), res('b'), tcpFlow(5433)).verdict).toBe('reachable');
  });

  it('denies with the implicit * rule (32767) when no entry matches', () => {
    const d = twoSubnets().naclInbound('s2', [[100, 'allow', tcp(80, '0.0.0.0/0')]]).build();
    expect(reach(d, res('a'), res('b'), tcpFlow(22)).explanations[0]).toMatchObject({ code: 'SUBNET_ACL_RESTRICTION', ruleNumber: 32767, direction: 'inbound' });
  });

  it('is not evaluated between two interfaces of the same subnet', () => {
    const d = twoSubnets().nacl('deny-all', { subnets: ['s1'] }).build();
    expect(reach(d, res('a'), res('w'), tcpFlow(22)).verdict).toBe('reachable');
    expect(reach(d, res('a'), res('b'), tcpFlow(22)).verdict).toBe('unreachable');
  });

  it('is stateless: the reply must pass outbound on the destination subnet (return path)', () => {
    const d = twoSubnets()
      .naclOutbound('s2', [[100, 'allow', tcp([0, 1023], '0.0.0.0/0')]])
      .build();
    const r = reach(d, res('a'), res('b'), tcpFlow(22));
    expect(r.verdict).toBe('unreachable');
    expect(r.explanations).toEqual([expect.objectContaining({ code: 'SUBNET_ACL_RESTRICTION', direction: 'outbound', path: 'return', componentId: 'acl-s2' })]);
    expect(r.path.at(-1)).toMatchObject({ componentId: 'acl-s2', direction: 'outbound' });
  });

  it('is stateless: the reply must pass inbound on the source subnet (return path)', () => {
    const d = twoSubnets().naclInbound('s1', [[100, 'allow', tcp(22, '0.0.0.0/0')]]).build();
    const r = reach(d, res('a'), res('b'), tcpFlow(22));
    expect(r.explanations).toEqual([expect.objectContaining({ code: 'SUBNET_ACL_RESTRICTION', direction: 'inbound', path: 'return', componentId: 'acl-s1' })]);
  });

  it('reports the surviving client ports when a NACL lets only part of the ephemeral range back (admitted.returnPorts)', () => {
    const d = twoSubnets()
      .naclOutbound('s2', [[100, 'allow', tcp([32768, 40000], '0.0.0.0/0')]])
      .build();
    const linux = reach(d, res('a'), res('b'), tcpFlow(22));
    expect(linux).toMatchObject({ verdict: 'reachable', admitted: { returnPorts: 'tcp 32768-40000' } });
    // Windows clients use 49152-65535: nothing of that survives.
    const windows = reach(d, res('w'), res('b'), tcpFlow(22));
    expect(windows.explanations[0]).toMatchObject({ code: 'SUBNET_ACL_RESTRICTION', path: 'return', direction: 'outbound' });
  });

  it('uses the Windows ephemeral range 49152-65535 for Windows clients', () => {
    const d = twoSubnets()
      .naclOutbound('s2', [[100, 'allow', tcp([50000, 65535], '0.0.0.0/0')]])
      .build();
    expect(reach(d, res('w'), res('b'), tcpFlow(22))).toMatchObject({ verdict: 'reachable', admitted: { returnPorts: 'tcp 50000-65535' } });
    expect(reach(d, res('a'), res('b'), tcpFlow(22))).toMatchObject({ verdict: 'reachable', admitted: { returnPorts: 'tcp 50000-60999' } });
  });

  it('checks udp replies on the ephemeral range too', () => {
    const d = twoSubnets().naclOutbound('s2', [[100, 'allow', tcp([1024, 65535], '0.0.0.0/0')]]).build();
    expect(reach(d, res('a'), res('b'), tcpFlow(53)).verdict).toBe('reachable');
    expect(reach(d, res('a'), res('b'), udpFlow(53)).explanations[0]).toMatchObject({ code: 'SUBNET_ACL_RESTRICTION', path: 'return' });
  });

  it('gives Internet clients 1024-65535 (engine choice) and reports the part a NACL lets back', () => {
    const d = topologyT()
      .naclOutbound(T.publicA, [
        [100, 'allow', tcp(443, '0.0.0.0/0')],
        [110, 'allow', tcp([1024, 2047], '0.0.0.0/0')],
      ])
      .build();
    const r = reach(d, internet('198.51.100.7'), res(T.bastion), tcpFlow(22));
    expect(r).toMatchObject({ verdict: 'reachable', admitted: { returnPorts: 'tcp 1024-2047' } });
  });

  it('keeps IPv6 entries apart from IPv4 ones: an IPv4 deny-all does not touch an IPv6 flow', () => {
    const d = topologyT({ ipv6: true })
      .sg('v6web', { ingress: [tcp(443, '::/0'), tcp(443, '0.0.0.0/0')] })
      .instance('web6', { subnet: T.publicA, groups: ['v6web'], ipv6: true, publicIp: true })
      .naclInbound(T.publicA, [
        [10, 'deny', allTraffic('0.0.0.0/0')],
        [101, 'allow', allTraffic('::/0')],
      ])
      .build();
    expect(reach(d, internet('2001:db8::9'), res('web6'), tcpFlow(443))).toMatchObject({ verdict: 'reachable', explanations: [] });
    const v4 = reach(d, internet('203.0.113.9'), res('web6'), tcpFlow(443));
    expect(v4.explanations[0]).toMatchObject({ code: 'SUBNET_ACL_RESTRICTION', ruleNumber: 10 });
    expect(T_IPV6.publicA).toContain('::/64');
  });

  it('denies IPv6 with the implicit rule 32768 when only IPv4 entries exist', () => {
    const d = topologyT({ ipv6: true })
      .sg('v6web', { ingress: [tcp(443, '::/0')] })
      .instance('web6', { subnet: T.publicA, groups: ['v6web'], ipv6: true })
      .naclInbound(T.publicA, [[100, 'allow', allTraffic('0.0.0.0/0')]])
      .build();
    const r = reach(d, internet('2001:db8::9'), res('web6'), tcpFlow(443));
    expect(r.explanations[0]).toMatchObject({ code: 'SUBNET_ACL_RESTRICTION', ruleNumber: 32768, direction: 'inbound' });
  });

  it('carries ICMP replies as their reply type: echo request needs echo reply allowed back', () => {
    const base = () =>
      twoSubnets()
        .sg('ping', { ingress: [{ match: { protocol: 'icmp', icmp: { type: -1, code: -1 } }, peer: '0.0.0.0/0' }] })
        .instance('p', { subnet: 's2', groups: ['ping'] });
    const blocked = base()
      .naclOutbound('s2', [[100, 'allow', { match: { protocol: 'icmp', icmp: { type: 3, code: -1 } }, peer: '0.0.0.0/0' }]])
      .build();
    expect(reach(blocked, res('a'), res('p'), { protocol: 'icmp', icmpType: 8, icmpCode: 0 }).explanations[0]).toMatchObject({
      code: 'SUBNET_ACL_RESTRICTION',
      path: 'return',
    });
    const allowed = base()
      .naclOutbound('s2', [[100, 'allow', { match: { protocol: 'icmp', icmp: { type: 0, code: -1 } }, peer: '0.0.0.0/0' }]])
      .build();
    expect(reach(allowed, res('a'), res('p'), { protocol: 'icmp', icmpType: 8, icmpCode: 0 }).verdict).toBe('reachable');
  });

  it('reports which Internet sources get through when the source has no address', () => {
    const d = topologyT()
      .naclInbound(T.publicA, [
        [90, 'deny', allTraffic('198.51.100.0/25')],
        [100, 'allow', allTraffic('0.0.0.0/0')],
      ])
      .setIngress(T.sgBastion, [tcp(22, '198.51.100.0/24')])
      .build();
    expect(reach(d, internet(), res(T.bastion), tcpFlow(22))).toMatchObject({ verdict: 'reachable', admitted: { sources: ['198.51.100.128/25'] } });
  });

  it('expects an echo reply as icmp 0/0: denying icmp 0 code 0 on the way back blocks ping', () => {
    const d = twoSubnets()
      .sg('ping', { ingress: [{ match: { protocol: 'icmp', icmp: { type: -1, code: -1 } }, peer: '0.0.0.0/0' }] })
      .instance('p', { subnet: 's2', groups: ['ping'] })
      .naclInbound('s1', [
        [1, 'deny', { match: { protocol: 'icmp', icmp: { type: 0, code: 0 } }, peer: '0.0.0.0/0' }],
        [32766, 'allow', allTraffic('0.0.0.0/0')],
      ])
      .build();
    expect(reach(d, res('a'), res('p'), { protocol: 'icmp', icmpType: 8, icmpCode: 0 }).explanations[0]).toMatchObject({
      code: 'SUBNET_ACL_RESTRICTION',
      ruleNumber: 1,
      path: 'return',
      direction: 'inbound',
    });
  });
});
