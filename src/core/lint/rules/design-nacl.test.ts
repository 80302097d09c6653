/** Design checks on network ACLs: dead entries (rule order, unions, ranges, families) and missing return paths. */
import { describe, expect, it } from 'vitest';
import { allTraffic, tcp } from '../../model/builder.ts';
import { topologyT, T } from '../../model/fixtures/topology-t.ts';
import { deadNaclRule } from './design-dead-nacl-rule.ts';
import { naclReturnPath } from './design-nacl-return-path.ts';
import { applyQuickFix, expectWellFormed, findings } from './design-test-helpers.ts';

type Entry = readonly [number, 'allow' | 'deny', ReturnType<typeof tcp>];
const inbound = (...entries: Entry[]) => topologyT().naclInbound(T.appA, entries).build();
const dead = (...entries: Entry[]) => findings(deadNaclRule, inbound(...entries)).map((f) => `${f.id} ${f.severity}`);

describe('design-dead-nacl-rule', () => {
  it('is quiet on the default ACL and T', () => {
    expect(findings(deadNaclRule, topologyT().build())).toEqual([]);
  });

  it('flags a deny that an earlier allow always decides (medium), and the quick fix removes it', () => {
    const d = inbound([100, 'allow', allTraffic('0.0.0.0/0')], [200, 'deny', tcp(22, '198.51.100.0/24')]);
    const list = findings(deadNaclRule, d);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 'design-dead-nacl-rule:acl-A-a,inbound,200', severity: 'medium' });
    expect(list[0]!.message).toBe(
      'acl-A-a inbound rule 200 (deny tcp 22 from 198.51.100.0/24) never applies: lower-numbered rule 100 (allow all traffic 0.0.0.0/0) decides all of its traffic first',
    );
    expectWellFormed(list);
    applyQuickFix(deadNaclRule, d, list[0]!);
  });

  it('takes the union of earlier entries: ports split over two rules', () => {
    expect(dead([100, 'allow', tcp([0, 1023], '0.0.0.0/0')], [110, 'allow', tcp([1024, 65535], '0.0.0.0/0')], [120, 'deny', tcp(22, '10.0.0.0/8')])).toEqual([
      'design-dead-nacl-rule:acl-A-a,inbound,120 medium',
    ]);
  });

  it('takes the union of earlier entries: addresses split over two blocks (a dead allow is low)', () => {
    expect(dead([100, 'deny', tcp(22, '10.0.0.0/9')], [110, 'deny', tcp(22, '10.128.0.0/9')], [120, 'allow', tcp(22, '10.0.0.0/8')])).toEqual([
      'design-dead-nacl-rule:acl-A-a,inbound,120 low',
    ]);
  });

  it('keeps an entry that still decides part of its range', () => {
    expect(dead([100, 'allow', tcp([0, 1000], '0.0.0.0/0')], [200, 'deny', tcp([22, 1024], '0.0.0.0/0')])).toEqual([]);
    expect(dead([100, 'deny', tcp(22, '10.0.0.0/9')], [120, 'allow', tcp(22, '10.0.0.0/8')])).toEqual([]);
  });

  it('follows rule numbers, not list order, and keeps families apart', () => {
    expect(dead([200, 'allow', allTraffic('0.0.0.0/0')], [100, 'deny', tcp(22, '0.0.0.0/0')])).toEqual([]);
    expect(dead([100, 'allow', allTraffic('0.0.0.0/0')], [101, 'allow', allTraffic('::/0')])).toEqual([]);
  });
});

describe('design-nacl-return-path', () => {
  const blockedId = `design-nacl-return-path:acl-A-a,outbound,tcp,1024-65535`;
  /** T with two more app hosts behind the balancer, so one missing reply rule breaks three flows. */
  const threeApps = () =>
    topologyT()
      .instance('app2', { name: 'app-2', role: 'app', subnet: T.appA, groups: [T.sgApp] })
      .instance('app3', { name: 'app-3', role: 'app', subnet: T.appA, groups: [T.sgApp] });
  type Out = readonly [number, 'allow' | 'deny', ReturnType<typeof tcp>];
  /** A-a lets the balancer in on 8080; its outbound entries decide whether the reply gets back. */
  const outbound = (...entries: Out[]) =>
    topologyT()
      .naclInbound(T.appA, [[100, 'allow', tcp(8080, '10.0.0.0/16')], [110, 'allow', tcp([1024, 65535], '10.0.0.0/16')]])
      .naclOutbound(T.appA, [...entries, [300, 'allow', tcp(443, '0.0.0.0/0')]])
      .build();

  it('is quiet on T (default ACLs)', () => {
    expect(findings(naclReturnPath, topologyT().build())).toEqual([]);
  });

  it('flags the app subnet letting the balancer in but not the reply out', () => {
    const d = topologyT()
      .naclInbound(T.appA, [[100, 'allow', tcp(8080, '10.0.0.0/16')]])
      .naclOutbound(T.appA, [[100, 'allow', tcp(443, '0.0.0.0/0')]])
      .build();
    const list = findings(naclReturnPath, d);
    const alb = list.find((f) => f.id === blockedId);
    expect(alb).toMatchObject({ severity: 'medium', resourceIds: [T.app, T.alb] });
    expect(alb!.message).toBe(
      'acl-A-a (outbound, rule 32767) drops replies on tcp 1024-65535 for web-alb -> app-1 tcp 8080: the security groups allow it and the request gets in',
    );
    expect(alb!.fix).toContain('outbound tcp 1024-65535 to the clients (web-alb;');
    expect(alb!.targets[0]).toMatchObject({ kind: 'network-acl', networkAclId: 'acl-A-a', egress: true, ruleNumber: 32767 });
    expectWellFormed(list);
  });

  it('groups every flow one missing reply rule breaks into one finding that counts them and names one', () => {
    const d = threeApps()
      .naclInbound(T.appA, [[100, 'allow', tcp(8080, '10.0.0.0/16')]])
      .naclOutbound(T.appA, [[100, 'allow', tcp(443, '0.0.0.0/0')]])
      .build();
    const list = findings(naclReturnPath, d).filter((f) => f.id === blockedId);
    expect(list).toHaveLength(1);
    expect(list[0]!.message).toBe(
      'acl-A-a (outbound, rule 32767) drops replies on tcp 1024-65535 for 3 flows, e.g. web-alb -> app-1 tcp 8080: the security groups allow them and the request gets in',
    );
    expect(list[0]!.resourceIds).toEqual([T.app, 'app2', 'app3', T.alb]);
    // The id names the ACL, direction and range, not a flow: it stays put as hosts come and go.
    const fewer = findings(naclReturnPath, topologyT().naclInbound(T.appA, [[100, 'allow', tcp(8080, '10.0.0.0/16')]]).naclOutbound(T.appA, [[100, 'allow', tcp(443, '0.0.0.0/0')]]).build());
    expect(fewer.map((f) => f.id)).toContain(blockedId);
  });

  it('keeps different ranges and different ACLs apart', () => {
    // A Linux client (app-1 -> rds would be one) drops 32768-60999; the balancer's wide range is another finding.
    const d = threeApps()
      .naclInbound(T.appA, [[100, 'allow', tcp(8080, '10.0.0.0/16')]])
      .naclOutbound(T.appA, [[100, 'allow', tcp(443, '0.0.0.0/0')]])
      .naclInbound(T.publicA, [[100, 'allow', tcp(443, '0.0.0.0/0')]])
      .build();
    const ids = findings(naclReturnPath, d).map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(blockedId);
  });

  it('flags the peer subnet (the client side) dropping the reply inbound', () => {
    const d = topologyT()
      .naclInbound(T.publicA, [[100, 'allow', tcp(443, '0.0.0.0/0')]])
      .build();
    const list = findings(naclReturnPath, d);
    // web-alb's node in P-a sends to app-1 (8080); the reply enters P-a on the balancer's ephemeral ports.
    const f = list.find((x) => x.id === 'design-nacl-return-path:acl-P-a,inbound,tcp,1024-65535');
    expect(f!.message).toMatch(/^acl-P-a \(inbound, rule 32767\) drops replies on tcp 1024-65535 for .*web-alb -> app-1 tcp 8080/);
    expect(f!.fix).toContain('inbound tcp 1024-65535 from the servers (');
  });

  it('follows rule order: a lower-numbered deny of the reply range wins over a later allow', () => {
    const list = findings(naclReturnPath, outbound([100, 'deny', tcp([1024, 65535], '10.0.0.0/16')], [110, 'allow', tcp([1024, 65535], '10.0.0.0/16')]));
    expect(list.map((f) => f.id)).toEqual([blockedId]);
    expect(list[0]!.message).toContain('acl-A-a (outbound, rule 100) drops replies');
    expect(list[0]!.targets[0]).toMatchObject({ networkAclId: 'acl-A-a', ruleNumber: 100 });
  });

  it('follows rule order: a lower-numbered allow of the reply range wins over a later deny, whatever the list order', () => {
    expect(findings(naclReturnPath, outbound([110, 'deny', tcp([1024, 65535], '10.0.0.0/16')], [100, 'allow', tcp([1024, 65535], '10.0.0.0/16')]))).toEqual([]);
  });

  it('is quiet when an ACL drops the request too: that is a forward block, not a return path', () => {
    const d = topologyT()
      .naclInbound(T.appA, [[100, 'deny', tcp(8080, '10.0.0.0/16')], [110, 'allow', tcp([1024, 65535], '10.0.0.0/16')]])
      .naclOutbound(T.appA, [[100, 'allow', tcp(443, '0.0.0.0/0')]])
      .build();
    expect(findings(naclReturnPath, d).map((f) => f.id)).not.toContain(blockedId);
  });

  it('reports the surviving part of the ephemeral range (low), grouped the same way', () => {
    const d = threeApps()
      .naclOutbound(T.appA, [[100, 'allow', tcp([1024, 40000], '10.0.0.0/16')], [110, 'allow', tcp(5432, '10.0.0.0/16')], [120, 'allow', tcp(443, '0.0.0.0/0')]])
      .build();
    const list = findings(naclReturnPath, d);
    expect(list.map((f) => `${f.id} ${f.severity}`)).toEqual([`design-nacl-return-path:acl-A-a,,tcp,1024-40000 low`]);
    expect(list[0]!.message).toBe(
      "Replies get back only on tcp 1024-40000 of the client's ephemeral range for 3 flows, e.g. web-alb -> app-1 tcp 8080; the rest is dropped by a NACL on the way back (acl-A-a)",
    );
    expect(list[0]!.targets[0]).toMatchObject({ kind: 'network-acl', networkAclId: 'acl-A-a' });
    expectWellFormed(list);
  });

  it('is quiet when the whole ephemeral range may return', () => {
    const d = threeApps()
      .naclInbound(T.appA, [[100, 'allow', tcp(8080, '10.0.0.0/16')], [110, 'allow', tcp([1024, 65535], '0.0.0.0/0')]])
      .naclOutbound(T.appA, [[100, 'allow', tcp([1024, 65535], '10.0.0.0/16')], [110, 'allow', tcp(5432, '10.0.0.0/16')], [120, 'allow', tcp(443, '0.0.0.0/0')]])
      .build();
    expect(findings(naclReturnPath, d)).toEqual([]);
  });
});
