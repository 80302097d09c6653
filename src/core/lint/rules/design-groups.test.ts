/** Design checks on security groups: stale and unmatchable references, shadowed rules, quotas. */
import { describe, expect, it } from 'vitest';
import { allTraffic, sg, tcp } from '../../model/builder.ts';
import { topologyT, T } from '../../model/fixtures/topology-t.ts';
import { reach } from '../../engine/index.ts';
import { staleReference } from './design-stale-reference.ts';
import { unmatchableReference } from './design-unmatchable-reference.ts';
import { shadowedRule } from './design-shadowed-rule.ts';
import { quotas } from './design-quotas.ts';
import { applyQuickFix, expectWellFormed, findings } from './design-test-helpers.ts';

describe('design-stale-group-reference', () => {
  it('is quiet on T', () => {
    expect(findings(staleReference, topologyT().build())).toEqual([]);
  });

  it('flags a reference to a group that no longer exists, and the quick fix removes it', () => {
    const d = topologyT().ingress(T.sgApp, tcp(9000, sg('sg-gone'))).build();
    const list = findings(staleReference, d);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ severity: 'medium', id: `design-stale-group-reference:${T.sgApp},${T.sgApp}-in-2`, resourceIds: [T.app] });
    expect(list[0]!.message).toBe('AppSG admits tcp 9000 from sg-gone, a group that does not exist in the design (stale reference)');
    expectWellFormed(list);
    applyQuickFix(staleReference, d, list[0]!);
  });

  it('flags a reference across a peering that is not active', () => {
    const d = topologyT()
      .vpc('vpc-b', '10.1.0.0/16', { name: 'partner' })
      .subnet('b1', '10.1.1.0/24', 'us-east-1a')
      .sg('sg-partner', { name: 'PartnerSG' })
      .instance('p1', { subnet: 'b1', groups: ['sg-partner'] })
      .peering('pcx-ab', T.vpc, 'vpc-b', { status: 'pending-acceptance' })
      .ingress(T.sgApp, tcp(8080, sg('sg-partner')))
      .build();
    const list = findings(staleReference, d);
    expect(list.map((f) => f.message)).toEqual(['AppSG admits tcp 8080 from PartnerSG across peering pcx-ab, which is pending-acceptance: the reference is stale']);
    applyQuickFix(staleReference, d, list[0]!);
  });

  it('reports a reference to an empty group at low, without a quick fix', () => {
    const d = topologyT().sg('sg-empty', { name: 'EmptySG' }).ingress(T.sgDb, tcp(5432, sg('sg-empty'))).build();
    const list = findings(staleReference, d);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ severity: 'low' });
    expect(list[0]!.quickFix).toBeUndefined();
  });
});

/** T plus a partner VPC (region, peering and routes as given) whose instance the bastion admits by reference. */
function partner(region: string, peering: 'none' | 'routed' | 'unrouted') {
  let b = topologyT()
    .vpc('vpc-b', '10.1.0.0/16', { name: 'partner', region })
    .igw('igw-b')
    .subnet('b1', '10.1.1.0/24', `${region}a`, { routes: [['0.0.0.0/0', 'igw-b']] })
    .sg('sg-partner', { name: 'PartnerSG', egress: [allTraffic('0.0.0.0/0')] })
    .instance('p1', { subnet: 'b1', groups: ['sg-partner'], publicIp: true })
    .ingress(T.sgBastion, tcp(22, sg('sg-partner')));
  if (peering !== 'none') b = b.peering('pcx-ab', T.vpc, 'vpc-b');
  if (peering === 'routed') b = b.route(T.rtPublic, '10.1.0.0/16', 'pcx-ab').route('b1', '10.0.0.0/16', 'pcx-ab');
  return b.build();
}

describe('design-unmatchable-group-reference', () => {
  it('is quiet for a same-Region reference over a routed peering', () => {
    expect(findings(unmatchableReference, partner('us-east-1', 'routed'))).toEqual([]);
  });

  it('flags a reference across a cross-Region peering, with a quick fix that removes it', () => {
    const d = partner('eu-west-1', 'routed');
    const list = findings(unmatchableReference, d);
    expect(list).toHaveLength(1);
    expect(list[0]!.message).toBe('BastionSG admits tcp 22 from PartnerSG, a group in eu-west-1 while BastionSG is in us-east-1 (peering pcx-ab): group references do not work across Regions');
    expectWellFormed(list);
    applyQuickFix(unmatchableReference, d, list[0]!);
  });

  it('flags a reference whose members can only arrive on a public address, as the engine says', () => {
    for (const d of [partner('us-east-1', 'none'), partner('us-east-1', 'unrouted')]) {
      const list = findings(unmatchableReference, d);
      expect(list).toHaveLength(1);
      expect(list[0]!.message).toContain('can only arrive through the internet gateway on a public address');
      expect(list[0]!.quickFix).toBeUndefined();
    }
    const r = reach(partner('us-east-1', 'none'), { kind: 'resource', resourceId: 'p1' }, { kind: 'resource', resourceId: T.bastion }, { protocol: 'tcp', port: 22 });
    expect(r.explanations.map((e) => e.code)).toContain('SG_REFERENCE_VIA_PUBLIC_IP');
  });
});

describe('design-shadowed-rule', () => {
  it('is quiet on T', () => {
    expect(findings(shadowedRule, topologyT().build())).toEqual([]);
  });

  it('flags a rule inside a wider port range of the same group, and the quick fix removes it', () => {
    const d = topologyT().ingress(T.sgApp, tcp([8000, 8100], sg(T.sgAlb))).build();
    const list = findings(shadowedRule, d);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: `design-shadowed-rule:${T.sgApp},ingress,${T.sgApp}-in-1`, severity: 'low' });
    expect(list[0]!.message).toBe('AppSG ingress rule tcp 8080 from AlbSG is covered by tcp 8000-8100 from AlbSG');
    expectWellFormed(list);
    applyQuickFix(shadowedRule, d, list[0]!);
  });

  it('reports exactly one of two duplicate rules in two groups on the same interface', () => {
    const d = topologyT().sg('sg-extra', { name: 'ExtraSG', ingress: [tcp(8080, sg(T.sgAlb))] }).eni(T.app, { groups: [T.sgApp, 'sg-extra'] }).build();
    const list = findings(shadowedRule, d).filter((f) => f.message.includes('8080'));
    expect(list).toHaveLength(1);
    expect(list[0]!.message).toContain('is a duplicate of tcp 8080 from AlbSG of');
    applyQuickFix(shadowedRule, d, list[0]!);
  });

  it('leaves the default group\'s rules to the default-group checks, as shadowed and as shadowing', () => {
    // web-1 carries the default group and WebSG: both allow all traffic out to 0.0.0.0/0, and the
    // default group's egress covers WebSG's narrower tcp 443 out.
    const d = topologyT()
      .sg('sg-web', { name: 'WebSG', egress: [allTraffic('0.0.0.0/0'), tcp(443, '0.0.0.0/0')] })
      .instance('web', { name: 'web-1', role: 'web', subnet: T.publicA, groups: ['vpc-main-default-sg', 'sg-web'], publicIp: true })
      .build();
    expect(findings(shadowedRule, d).map((f) => f.message)).toEqual(['WebSG egress rule tcp 443 to 0.0.0.0/0 is covered by all traffic to 0.0.0.0/0']);
  });

  it('needs the cover on every interface of the group', () => {
    const d = topologyT()
      .sg('sg-extra', { name: 'ExtraSG', ingress: [tcp(8080, sg(T.sgAlb))], egress: [] })
      .eni(T.app, { groups: [T.sgApp, 'sg-extra'] })
      .instance('app-2', { subnet: T.appB, groups: [T.sgApp] })
      .build();
    // ExtraSG's rule is covered wherever ExtraSG is; AppSG's is not covered on app-2.
    expect(findings(shadowedRule, d).map((f) => f.id)).toEqual(['design-shadowed-rule:sg-extra,ingress,sg-extra-in-1']);
  });

  it('lets a CIDR holding every member cover a group reference, never the other way round', () => {
    const d = topologyT().egress(T.sgApp, tcp(5432, '10.0.3.0/24')).build();
    expect(findings(shadowedRule, d).map((f) => f.id)).toEqual([`design-shadowed-rule:${T.sgApp},egress,${T.sgApp}-out-1`]);
    // 10.0.13.0/24 (D-b) holds no member of DBSG: no cover.
    expect(findings(shadowedRule, topologyT().egress(T.sgApp, tcp(5432, '10.0.13.0/24')).build())).toEqual([]);
  });

  it('compares ranges and blocks both ways', () => {
    const covered = topologyT().ingress(T.sgApp, tcp(9090, '10.0.1.0/24'), tcp([9000, 9999], '10.0.0.0/16')).build();
    expect(findings(shadowedRule, covered).map((f) => f.id)).toEqual([`design-shadowed-rule:${T.sgApp},ingress,${T.sgApp}-in-2`]);
    const crossed = topologyT().ingress(T.sgApp, tcp([9000, 9999], '10.0.1.0/24'), tcp(9090, '10.0.0.0/16')).build();
    expect(findings(shadowedRule, crossed)).toEqual([]);
    const family = topologyT().ingress(T.sgApp, tcp(9090, '::/0'), tcp(9090, '0.0.0.0/0')).build();
    expect(findings(shadowedRule, family)).toEqual([]);
  });
});

describe('design-quotas', () => {
  const groups = (n: number) => Array.from({ length: n }, (_, i) => `sg-q${i}`);
  const withGroups = (n: number, rulesEach = 1) => {
    let b = topologyT();
    for (const g of groups(n)) b = b.sg(g, { ingress: Array.from({ length: rulesEach }, (_, i) => tcp(1000 + i, '10.0.0.0/16')) });
    return b.instance('busy', { subnet: T.appA, groups: groups(n) }).build();
  };

  it('is quiet on T and at exactly 5 groups', () => {
    expect(findings(quotas, topologyT().build())).toEqual([]);
    expect(findings(quotas, withGroups(5))).toEqual([]);
  });

  it('flags 6 groups on an interface (medium) and 17 (high)', () => {
    expect(findings(quotas, withGroups(6)).map((f) => `${f.id} ${f.severity}`)).toEqual(['design-quotas:groups-per-eni,busy medium']);
    expect(findings(quotas, withGroups(17)).map((f) => f.severity)).toEqual(['high']);
    expectWellFormed(findings(quotas, withGroups(6)));
  });

  it('flags rules x groups over 1,000', () => {
    expect(findings(quotas, withGroups(5, 200))).toEqual([]);
    const list = findings(quotas, withGroups(5, 201));
    expect(list.map((f) => f.message)).toEqual(['busy: 5 groups x 201 rules in its largest group = 1005, over AWS\'s limit of 1000 rules per interface']);
  });

  it('flags more than 20 NACL entries per direction and family', () => {
    const entries = (n: number) => Array.from({ length: n }, (_, i) => [100 + i, 'allow', tcp(1000 + i, '0.0.0.0/0')] as const);
    expect(findings(quotas, topologyT().naclInbound(T.appA, entries(20)).build())).toEqual([]);
    const list = findings(quotas, topologyT().naclInbound(T.appA, entries(21)).build());
    expect(list.map((f) => `${f.id} ${f.severity}`)).toEqual(['design-quotas:nacl-entries,acl-A-a,inbound,4 medium']);
    expect(list[0]!.resourceIds).toEqual(expect.arrayContaining([T.app, T.lambda]));
  });
});
