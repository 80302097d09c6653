/**
 * The severity ladder of design-transitive-exposure (see the rule's file): hosts to take over times
 * the chain's shape, on the three-tier template and topology T, with the chain in the message.
 */
import { describe, expect, it } from 'vitest';
import { allTraffic, sg, tcp } from '../../model/builder.ts';
import { addResource, addRule, addSecurityGroup, removeRules } from '../../model/commands/index.ts';
import type { Design } from '../../model/types.ts';
import { unwrap } from '../../model/result.ts';
import { topologyT, T } from '../../model/fixtures/topology-t.ts';
import { templateById } from '../../templates/index.ts';
import { transitiveExposure } from './design-transitive-exposure.ts';
import { expectWellFormed, findings } from './design-test-helpers.ts';

const threeTier = () => templateById('three-tier')!.build();
const tcpRule = (from: number, to: number, peer: { kind: 'cidr'; cidr: string } | { kind: 'security-group'; groupId: string }, description?: string) => ({
  match: { protocol: 'tcp' as const, ports: { from, to } },
  peer,
  ...(description ? { description } : {}),
});
const world = { kind: 'cidr' as const, cidr: '0.0.0.0/0' };
const group = (groupId: string) => ({ kind: 'security-group' as const, groupId });
/** The three-tier template with rules added to DBSG. */
const dbAdmits = (d: Design, ...rules: ReturnType<typeof tcpRule>[]) => rules.reduce((x, r) => unwrap(addRule(x, 'sg-db', 'ingress', r)), d);
/** The three-tier template with DBSG's inbound rules replaced. */
const dbOnly = (d: Design, ...rules: ReturnType<typeof tcpRule>[]) => dbAdmits(unwrap(removeRules(d, 'sg-db', 'ingress', d.securityGroups['sg-db']!.ingress.map((r) => r.id))), ...rules);
const about = (d: Design, id: string) => findings(transitiveExposure, d).find((f) => f.id === `design-transitive-exposure:${id}`);
const summary = (d: Design) => findings(transitiveExposure, d).map((f) => `${f.severity} ${f.id}`);

describe('design-transitive-exposure on the classic three-tier design', () => {
  it('reports the database at info with the whole chain, and not the app hosts: the tiers as designed', () => {
    const d = threeTier();
    expect(summary(d)).toEqual(['info design-transitive-exposure:db-1']);
    const f = about(d, 'db-1')!;
    expect(f.message).toBe('db-1 (data tier) is reachable from the Internet on tcp 5432 through 3 hops: Internet -> web-1 (tcp 80, 443) -> app-1 (tcp 8080) -> db-1 (tcp 5432)');
    expect(f.risk).toBe('Every hop is a deliberate group reference on a service port, but whoever compromises web-1, app-1 (2 hosts) inherits its access to db-1.');
    expect(f.resourceIds).toEqual(['db-1', 'web-1', 'app-1']);
    expect(f.quickFix).toBeUndefined();
    expectWellFormed([f]);
  });

  it('SSH from 0.0.0.0/0 on DBSG: critical, the chain skips the app tier, and the quick fix removes the rule', () => {
    const d = dbAdmits(threeTier(), tcpRule(22, 22, world, 'SSH from anywhere'));
    expect(summary(d)).toEqual(['critical design-transitive-exposure:db-1']);
    const f = about(d, 'db-1')!;
    expect(f.message).toBe('db-1 (data tier) is reachable from the Internet on tcp 22 through 2 hops, skipping the app tier: Internet -> web-1 (tcp 80, 443) -> db-1 (tcp 22)');
    expect(f.risk).toBe('DBSG admits 22 (SSH) from web-1 (tcp 22 from 0.0.0.0/0), so whoever takes over web-1 (1 host) from the Internet reaches db-1 on tcp 22.');
    expect(f.fix).toMatch(/^Remove the admin access \(DBSG admits 22 \(SSH\) from web-1 \(tcp 22 from 0\.0\.0\.0\/0\)\) and administer db-1 through the bastion's group or Session Manager;/);
    expect(f.targets).toEqual([{ kind: 'resource', resourceId: 'db-1' }, { kind: 'resource', resourceId: 'web-1' }]);
    expect(f.quickFix?.label).toBe('Remove tcp 22 from 0.0.0.0/0 in DBSG');
    expectWellFormed([f]);
    // The fix leaves the design as the template drew it: back to the designed chain at info, same id.
    const fixed = unwrap(f.quickFix!.apply(d));
    expect(fixed.securityGroups['sg-db']!.ingress).toEqual(threeTier().securityGroups['sg-db']!.ingress);
    expect(summary(fixed)).toEqual(['info design-transitive-exposure:db-1']);
  });

  it('is range-aware: tcp 20-25 from WebSG opens SSH and Telnet on the database', () => {
    const f = about(dbAdmits(threeTier(), tcpRule(20, 25, group('sg-web'))), 'db-1')!;
    expect(f.severity).toBe('critical');
    expect(f.message).toContain('skipping the app tier: Internet -> web-1 (tcp 80, 443) -> db-1 (tcp 20-25)');
    expect(f.risk).toMatch(/^DBSG admits 22 \(SSH\), 23 \(Telnet\) from web-1 \(tcp 20-25 from WebSG\)/);
  });

  it('admin ports fall with every host to take over: 1 critical, 2 high, 3 medium (a shorter chain never ranks lower)', () => {
    const oneHost = dbAdmits(threeTier(), tcpRule(22, 22, group('sg-web')));
    // SSH from the app tier instead of CorpNet: web -> app -> db, two hosts.
    const twoHosts = dbOnly(threeTier(), tcpRule(5432, 5432, group('sg-app')), tcpRule(22, 22, group('sg-app')));
    // A batch host behind the app tier, the only one with SSH to the database: three hosts.
    const threeHosts = dbOnly(withBatch(threeTier()), tcpRule(5432, 5432, group('sg-app')), tcpRule(22, 22, group('sg-batch')));
    const severities = [oneHost, twoHosts, threeHosts].map((d) => about(d, 'db-1')!.severity);
    expect(severities).toEqual(['critical', 'high', 'medium']);
    expect(about(twoHosts, 'db-1')!.message).toBe('db-1 (data tier) is reachable from the Internet on tcp 22, 5432 through 3 hops: Internet -> web-1 (tcp 80, 443) -> app-1 (tcp 8080) -> db-1 (tcp 22, 5432)');
    expect(about(threeHosts, 'db-1')!.message).toContain('through 4 hops: Internet -> web-1 (tcp 80, 443) -> app-1 (tcp 8080) -> batch-1 (tcp 9000) -> db-1 (tcp 22)');
  });

  it('a loose hop on the service port: medium with one host to take over, low with two', () => {
    // The database admits the web tier by group: one host, and the app tier is skipped.
    const skip = about(dbAdmits(threeTier(), tcpRule(5432, 5432, group('sg-web'))), 'db-1')!;
    expect(skip.severity).toBe('medium');
    expect(skip.message).toBe('db-1 (data tier) is reachable from the Internet on tcp 5432 through 2 hops, skipping the app tier: Internet -> web-1 (tcp 80, 443) -> db-1 (tcp 5432)');
    expect(skip.quickFix).toBeUndefined();
    // The database admits the app subnets by CIDR instead of AppSG: two hosts, in tier order.
    const byCidr = dbOnly(threeTier(), tcpRule(5432, 5432, { kind: 'cidr', cidr: '10.0.11.0/24' }), tcpRule(5432, 5432, { kind: 'cidr', cidr: '10.0.12.0/24' }));
    const f = about(byCidr, 'db-1')!;
    expect(f.severity).toBe('low');
    expect(f.risk).toMatch(/^DBSG admits app-1 by address \(tcp 5432 from 10\.0\.11\.0\/24\), not by its security group, so whoever takes over web-1, app-1 \(2 hosts\)/);
  });
});

describe('design-transitive-exposure on topology T', () => {
  it('is critical for a database port behind nothing but a load balancer', () => {
    const d = topologyT()
      .sg('sg-pg', { name: 'PgSG', ingress: [tcp(5432, sg('sg-dbalb'))] })
      .instance('pg', { name: 'pg-1', subnet: T.dbA, groups: ['sg-pg'] })
      .sg('sg-dbalb', { name: 'DbAlbSG', ingress: [tcp(443, '0.0.0.0/0')] })
      .alb('dbalb', {
        name: 'db-alb',
        subnets: [T.publicA, T.publicB],
        groups: ['sg-dbalb'],
        listeners: [{ port: 443, protocol: 'HTTPS', targetGroup: 'tg-pg' }],
        targetGroups: [{ id: 'tg-pg', name: 'pg', port: 5432, targets: ['pg'] }],
      })
      .build();
    const f = about(d, 'pg')!;
    expect(f).toMatchObject({ severity: 'critical', message: 'pg-1 (data tier) is reachable from the Internet on tcp 5432 through 2 hops, skipping the app tier: Internet -> db-alb (tcp 443) -> pg-1 (tcp 5432)' });
    expect(f.risk).toBe('Nothing has to be compromised: the load balancer forwards Internet traffic straight to pg-1.');
  });

  it('S05, the app tier admitting the ALB subnets by CIDR: the private app host at low; the database behind it stays as designed', () => {
    const d = topologyT().setIngress(T.sgApp, [tcp(8080, '10.0.1.0/24'), tcp(8080, '10.0.11.0/24')]).build();
    expect(summary(d)).toEqual([`low design-transitive-exposure:${T.app}`, 'info design-transitive-exposure:rds']);
  });

  it('every port from the app tier is an admin hop: critical with one host to take over', () => {
    const d = topologyT().setIngress(T.sgDb, [allTraffic(sg(T.sgApp))]).setEgress(T.sgApp, [allTraffic(sg(T.sgDb))]).build();
    const f = about(d, T.rds)!;
    expect(f.severity).toBe('critical');
    expect(f.risk).toMatch(/^DBSG admits every port from app-1 \(all traffic from AppSG\)/);
    expect(f.quickFix?.label).toBe('Remove all traffic from AppSG in DBSG');
  });

  it('an app host the Internet enters directly, beside the load balancer, skips the front tier', () => {
    const d = topologyT()
      .sg('sg-api', { name: 'ApiSG', ingress: [tcp(8080, '0.0.0.0/0')] })
      .instance('api', { name: 'api-1', role: 'app', subnet: T.publicA, groups: ['sg-api'], publicIp: true })
      .ingress(T.sgDb, tcp(5432, sg('sg-api')))
      .build();
    const f = about(d, T.rds)!;
    expect(f.severity).toBe('medium');
    expect(f.message).toBe('orders-db (data tier) is reachable from the Internet on tcp 5432 through 2 hops, skipping the web or load-balancer tier: Internet -> api-1 (tcp 8080) -> orders-db (tcp 5432)');
  });

  it('admin from a trusted address into a host that is not the bastion is loose; the bastion itself is the designed path', () => {
    const ops = topologyT()
      .sg('sg-ops', { name: 'OpsSG', ingress: [tcp(22, T.trustedAdmin)] })
      .instance('ops', { name: 'ops-1', subnet: T.publicA, groups: ['sg-ops'], publicIp: true })
      .ingress(T.sgApp, tcp(9000, sg('sg-ops')))
      .build();
    expect(about(ops, T.app)).toMatchObject({ severity: 'low' });
    expect(about(ops, T.app)!.message).toBe('app-1 (private tier) is reachable from the Internet on tcp 9000 through 2 hops: Internet (198.51.100.7/32) -> ops-1 (tcp 22) -> app-1 (tcp 9000)');
    const bastion = topologyT().ingress(T.sgApp, tcp(22, sg(T.sgBastion))).build();
    expect(about(bastion, T.app)).toBeUndefined();
  });

  it('says nothing once the loose hop is gone', () => {
    const d = topologyT().setIngress(T.sgDb, [tcp(5432, '10.0.2.0/24')]).build();
    expect(summary(d)).toEqual(['medium design-transitive-exposure:rds']);
    const fixed = unwrap(removeRules(d, T.sgDb, 'ingress', [`${T.sgDb}-in-1`]));
    expect(summary(fixed)).toEqual([]);
  });
});

/** batch-1 in app-a, in BatchSG, which admits tcp 9000 from AppSG. */
function withBatch(d: Design): Design {
  const grouped = unwrap(addSecurityGroup(d, { id: 'sg-batch', vpcId: 'vpc-prod', name: 'BatchSG', description: 'Batch workers' }));
  const admitted = unwrap(addRule(grouped, 'sg-batch', 'ingress', tcpRule(9000, 9000, group('sg-app'), 'Jobs from the app tier')));
  return unwrap(addResource(admitted, { id: 'batch-1', kind: 'instance', name: 'batch-1', role: 'app', subnetIds: ['subnet-app-a'], securityGroupIds: ['sg-batch'] }));
}
