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
  it('is quiet on T (default ACLs)', () => {
    expect(findings(naclReturnPath, topologyT().build())).toEqual([]);
  });

  it('flags the app subnet letting the balancer in but not the reply out', () => {
    const d = topologyT()
      .naclInbound(T.appA, [[100, 'allow', tcp(8080, '10.0.0.0/16')]])
      .naclOutbound(T.appA, [[100, 'allow', tcp(443, '0.0.0.0/0')]])
      .build();
    const list = findings(naclReturnPath, d);
    const alb = list.find((f) => f.id === `design-nacl-return-path:${T.alb},${T.app},tcp,8080`);
    expect(alb).toMatchObject({ severity: 'medium' });
    expect(alb!.message).toContain('web-alb -> app-1 on tcp 8080 gets in, but acl-A-a (outbound');
    expect(alb!.targets[0]).toMatchObject({ kind: 'network-acl', networkAclId: 'acl-A-a', egress: true });
    expectWellFormed(list);
  });

  it('flags the peer subnet (the client side) dropping the reply inbound', () => {
    const d = topologyT()
      .naclInbound(T.publicA, [[100, 'allow', tcp(443, '0.0.0.0/0')]])
      .build();
    const list = findings(naclReturnPath, d);
    // web-alb's node in P-a sends to app-1 (8080); the reply enters P-a on the balancer's ephemeral ports.
    expect(list.some((f) => f.id === `design-nacl-return-path:${T.alb},${T.app},tcp,8080` && f.message.includes('acl-P-a (inbound'))).toBe(true);
  });

  it('reports the surviving part of the ephemeral range (low)', () => {
    const d = topologyT()
      .naclOutbound(T.appA, [[100, 'allow', tcp([1024, 40000], '10.0.0.0/16')], [110, 'allow', tcp(5432, '10.0.0.0/16')], [120, 'allow', tcp(443, '0.0.0.0/0')]])
      .build();
    const list = findings(naclReturnPath, d);
    expect(list.map((f) => `${f.id} ${f.severity}`)).toEqual([`design-nacl-return-path:${T.alb},${T.app},tcp,8080 low`]);
    expect(list[0]!.message).toBe('web-alb -> app-1 on tcp 8080: replies get back only on tcp 1024-40000 of the client\'s ephemeral range; the rest is dropped by a NACL');
  });

  it('is quiet when the whole ephemeral range may return', () => {
    const d = topologyT()
      .naclInbound(T.appA, [[100, 'allow', tcp(8080, '10.0.0.0/16')], [110, 'allow', tcp([1024, 65535], '0.0.0.0/0')]])
      .naclOutbound(T.appA, [[100, 'allow', tcp([1024, 65535], '10.0.0.0/16')], [110, 'allow', tcp(5432, '10.0.0.0/16')], [120, 'allow', tcp(443, '0.0.0.0/0')]])
      .build();
    expect(findings(naclReturnPath, d)).toEqual([]);
  });
});
