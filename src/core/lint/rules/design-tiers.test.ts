/** Design checks about tiers: transitive exposure, tier skipping, admin paths, data-tier egress, ineffective public rules. */
import { describe, expect, it } from 'vitest';
import { allTraffic, sg, tcp } from '../../model/builder.ts';
import { topologyT, T } from '../../model/fixtures/topology-t.ts';
import { transitiveExposure } from './design-transitive-exposure.ts';
import { tierSkipping } from './design-tier-skipping.ts';
import { adminBypassesBastion } from './design-admin-bypass.ts';
import { tierEgress } from './design-tier-egress.ts';
import { ineffectivePublicRule } from './design-ineffective-public-rule.ts';
import { designTierOf } from './design-support.ts';
import { applyQuickFix, expectWellFormed, findings } from './design-test-helpers.ts';
import { runLint } from '../run-lint.ts';
import { addRule } from '../../model/commands/rules.ts';
import { unwrap } from '../../model/result.ts';
import { templateById } from '../../templates/index.ts';

/** T plus a public web server in P-a (sg-web admits 80 from the world). */
const withWeb = () =>
  topologyT()
    .sg('sg-web', { name: 'WebSG', ingress: [tcp(80, '0.0.0.0/0')] })
    .instance('web', { name: 'web-1', role: 'web', subnet: T.publicA, groups: ['sg-web'], publicIp: true });

describe('tiers', () => {
  it('reads tiers from kind, role, ports and group membership', () => {
    const d = topologyT()
      .sg('sg-cache', { name: 'Shared', ingress: [tcp(6379, sg(T.sgApp))] })
      .instance('redis', { subnet: T.dbA, groups: ['sg-cache'] })
      .instance('helper', { subnet: T.appA, groups: [T.sgBastion] })
      .build();
    expect(designTierOf(d, d.resources[T.alb]!)).toBe('lb');
    expect(designTierOf(d, d.resources[T.rds]!)).toBe('data');
    expect(designTierOf(d, d.resources[T.app]!)).toBe('app');
    expect(designTierOf(d, d.resources['redis']!)).toBe('data');
    expect(designTierOf(d, d.resources['helper']!)).toBe('bastion');
  });
});

describe('design-transitive-exposure', () => {
  it('reports the database behind ALB -> app at info, with the chain, and not the app host', () => {
    const list = findings(transitiveExposure, topologyT().build());
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: 'design-transitive-exposure:rds',
      severity: 'info',
      message: 'orders-db (data tier) is reachable from the Internet on tcp 5432 through 3 hops: Internet -> web-alb (tcp 443) -> app-1 (tcp 8080) -> orders-db (tcp 5432)',
      resourceIds: [T.rds, T.alb, T.app],
    });
    expectWellFormed(list);
  });

  it('keeps the designed bastion path quiet', () => {
    const d = topologyT().ingress(T.sgApp, tcp(22, sg(T.sgBastion))).build();
    expect(findings(transitiveExposure, d).map((f) => `${f.id} ${f.severity}`)).toEqual(['design-transitive-exposure:rds info']);
  });

  it('raises to medium when a hop is a CIDR rule instead of a group reference', () => {
    const d = topologyT().setIngress(T.sgDb, [tcp(5432, '10.0.2.0/24')]).build();
    expect(findings(transitiveExposure, d).map((f) => f.severity)).toEqual(['medium']);
  });

  it('is critical when the chain starts with an admin port open to the world', () => {
    const d = topologyT()
      .sg('sg-jump', { name: 'OpsSG', ingress: [tcp(22, '0.0.0.0/0')] })
      .instance('ops', { name: 'ops-1', subnet: T.publicA, groups: ['sg-jump'], publicIp: true })
      .ingress(T.sgDb, tcp(5432, sg('sg-jump')))
      .build();
    const list = findings(transitiveExposure, d);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ severity: 'critical' });
    expect(list[0]!.message).toContain('Internet -> ops-1 (tcp 22) -> orders-db (tcp 5432)');
  });

  it('reports a private app host only when a hop is loose', () => {
    const d = topologyT()
      .sg('sg-jump', { name: 'OpsSG', ingress: [tcp(22, '0.0.0.0/0')] })
      .instance('ops', { name: 'ops-1', subnet: T.publicA, groups: ['sg-jump'], publicIp: true })
      .ingress(T.sgApp, tcp(22, sg('sg-jump')))
      .build();
    const app = findings(transitiveExposure, d).find((f) => f.id === `design-transitive-exposure:${T.app}`);
    expect(app).toMatchObject({ severity: 'high' });
  });

  it('reports nothing when the database is not reachable at all', () => {
    expect(findings(transitiveExposure, topologyT().setIngress(T.sgDb, []).build())).toEqual([]);
  });
});

describe('design-tier-skipping', () => {
  it('is quiet on T (the database admits only the app tier)', () => {
    expect(findings(tierSkipping, topologyT().build())).toEqual([]);
  });

  it('flags the database admitting the load balancer group (low: a managed balancer cannot pivot)', () => {
    const list = findings(tierSkipping, topologyT().ingress(T.sgDb, tcp(5432, sg(T.sgAlb))).build());
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: `design-tier-skipping:${T.sgDb},${T.sgDb}-in-2`, severity: 'low' });
    expect(list[0]!.message).toBe('DBSG admits tcp 5432 from AlbSG, which lets web-alb (load balancer) reach orders-db directly, skipping the app tier');
    expectWellFormed(list);
  });

  it('is high when a web host reachable from the Internet can reach the database directly', () => {
    const list = findings(tierSkipping, withWeb().ingress(T.sgDb, tcp(5432, sg('sg-web'))).build());
    expect(list.map((f) => f.severity)).toEqual(['high']);
  });

  it('is quiet in a design without an app tier: the two-tier template has nothing to skip', () => {
    const twoTier = templateById('two-tier-mysql')!.build();
    expect(findings(tierSkipping, twoTier)).toEqual([]);
    // The same rule beside an app tier is a skip.
    const threeTier = templateById('three-tier')!.build();
    const skipped = unwrap(addRule(threeTier, 'sg-db', 'ingress', { match: { protocol: 'tcp', ports: { from: 5432, to: 5432 } }, peer: { kind: 'security-group', groupId: 'sg-web' } }));
    expect(findings(tierSkipping, skipped).map((f) => `${f.severity} ${f.message}`)).toEqual([
      'high DBSG admits tcp 5432 from WebSG, which lets web-1 (web), web-2 (web) reach db-1 directly, skipping the app tier',
    ]);
  });

  it('sees a CIDR that holds the web tier, but not one that holds only the app tier', () => {
    expect(findings(tierSkipping, withWeb().ingress(T.sgDb, tcp(5432, '10.0.1.0/24')).build())).toHaveLength(1);
    expect(findings(tierSkipping, withWeb().ingress(T.sgDb, tcp(5432, '10.0.2.0/24')).build())).toEqual([]);
  });
});

describe('design-admin-bypasses-bastion', () => {
  it('accepts SSH from the bastion group and from a corporate range', () => {
    const d = topologyT()
      .external('corp', ['172.16.0.0/12'], { name: 'CorpNet' })
      .ingress(T.sgApp, tcp(22, sg(T.sgBastion)), tcp(3389, '172.16.5.0/24'))
      .build();
    expect(findings(adminBypassesBastion, d)).toEqual([]);
  });

  it('flags SSH from the VPC range, high because a host in it faces the Internet', () => {
    const list = findings(adminBypassesBastion, topologyT().ingress(T.sgApp, tcp(22, '10.0.0.0/16')).build());
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ severity: 'high', id: `design-admin-bypasses-bastion:${T.sgApp},${T.sgApp}-in-2` });
    expect(list[0]!.message).toContain('AppSG admits 22 (SSH) from 10.0.0.0/16 on app-1');
    expectWellFormed(list);
  });

  it('is range-aware: tcp 20-25 from the web tier opens SSH and Telnet', () => {
    const list = findings(adminBypassesBastion, withWeb().ingress(T.sgDb, tcp([20, 25], sg('sg-web'))).build());
    expect(list).toHaveLength(1);
    expect(list[0]!.message).toContain('DBSG admits 22 (SSH), 23 (Telnet) from WebSG on orders-db');
    expect(list[0]!.severity).toBe('high');
  });

  it('is medium when the bypassing peer is itself private, and ignores ports outside the admin list', () => {
    const d = topologyT().ingress(T.sgDb, tcp(22, sg(T.sgApp)), tcp([24, 80], sg(T.sgApp))).build();
    expect(findings(adminBypassesBastion, d).map((f) => `${f.severity} ${f.id}`)).toEqual([`medium design-admin-bypasses-bastion:${T.sgDb},${T.sgDb}-in-2`]);
  });
});

describe('design-tier-egress', () => {
  it('is quiet when the data tier has no world egress (T)', () => {
    expect(findings(tierEgress, topologyT().build())).toEqual([]);
  });

  it('is low when the database subnets have no way out, medium with a NAT route; the quick fix removes the rule', () => {
    const closed = topologyT().setEgress(T.sgDb, [tcp(443, '0.0.0.0/0')]).build();
    expect(findings(tierEgress, closed).map((f) => f.severity)).toEqual(['low']);
    const open = topologyT().setEgress(T.sgDb, [tcp(443, '0.0.0.0/0')]).route(T.rtDb, '0.0.0.0/0', T.nat).build();
    const list = findings(tierEgress, open);
    expect(list.map((f) => f.severity)).toEqual(['medium']);
    expectWellFormed(list);
    applyQuickFix(tierEgress, open, list[0]!);
  });

  it('leaves all traffic to the world to sg-open-egress: one finding per rule', () => {
    const d = topologyT().setEgress(T.sgDb, [allTraffic('0.0.0.0/0'), tcp(443, '::/0')]).build();
    expect(findings(tierEgress, d).map((f) => f.id)).toEqual([`design-tier-egress:${T.sgDb},${T.sgDb}-out-2`]);
    expect(runLint(d).filter((f) => f.id.endsWith(`${T.sgDb}-out-1`)).map((f) => `${f.severity} ${f.ruleId}`)).toEqual(['medium sg-open-egress']);
  });

  it('does not flag the app tier, whose egress is per tier the scanner’s business', () => {
    expect(findings(tierEgress, topologyT().setEgress(T.sgApp, [allTraffic('0.0.0.0/0')]).build())).toEqual([]);
  });
});

describe('design-ineffective-public-rule', () => {
  it('is quiet when the rule is what carries a chain from the whole Internet on: transitive exposure reports it', () => {
    // app-1 (behind the ALB) may send tcp 443 anywhere, and only OddSG's world rule admits it.
    const d = topologyT()
      .sg('sg-odd', { name: 'OddSG', ingress: [tcp(443, '0.0.0.0/0')] })
      .instance('odd', { subnet: T.appB, groups: ['sg-odd'] })
      .build();
    expect(findings(ineffectivePublicRule, d)).toEqual([]);
    const chain = findings(transitiveExposure, d).find((f) => f.id === 'design-transitive-exposure:odd')!;
    expect(chain).toMatchObject({ severity: 'low', message: 'odd (private tier) is reachable from the Internet on tcp 443 through 3 hops: Internet -> web-alb (tcp 443) -> app-1 (tcp 8080) -> odd (tcp 443)' });
  });

  it('is quiet on world rules of reachable members (ALB, bastion)', () => {
    expect(findings(ineffectivePublicRule, topologyT().build())).toEqual([]);
  });

  it('flags a world rule on a private host', () => {
    const list = findings(ineffectivePublicRule, topologyT().ingress(T.sgApp, tcp(8080, '0.0.0.0/0')).build());
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ severity: 'low', resourceIds: [T.app] });
    expect(list[0]!.message).toBe('AppSG admits tcp 8080 from 0.0.0.0/0, but none of its 1 member can be reached from the Internet: app-1 (no public address)');
    expectWellFormed(list);
  });

  it('explains a public address in a private subnet, and checks the family of the rule', () => {
    const d = topologyT()
      .sg('sg-odd', { name: 'OddSG', ingress: [tcp(8443, '0.0.0.0/0')] })
      .instance('odd', { subnet: T.appB, groups: ['sg-odd'], publicIp: true })
      .ingress(T.sgBastion, tcp(22, '::/0'))
      .build();
    const msgs = findings(ineffectivePublicRule, d).map((f) => f.message);
    expect(msgs).toHaveLength(2);
    expect(msgs).toContain('OddSG admits tcp 8443 from 0.0.0.0/0, but none of its 1 member can be reached from the Internet: odd (public address, but A-b has no IGW route)');
    expect(msgs.some((m) => m.startsWith('BastionSG admits tcp 22 from ::/0'))).toBe(true);
  });
});
