import { describe, expect, it } from 'vitest';
import { allTraffic, tcp, type RuleSpec } from '../../model/builder.ts';
import { defaultGroupHasRules, defaultGroupInUse } from '../rules/scanner-default-group.ts';
import { launchWizardGroup } from '../rules/scanner-launch-wizard.ts';
import { missingDescription } from '../rules/scanner-missing-description.ts';
import { tooManyRules } from '../rules/scanner-too-many-rules.ts';
import { unusedNetworkAcl, unusedSecurityGroup } from '../rules/scanner-unused.ts';
import { openEgress } from '../rules/scanner-open-egress.ts';
import { applyFix, net, run } from './helpers.ts';

describe('sg-default-has-rules / sg-default-in-use', () => {
  it('reports AWS default rules at high, as EC2.2 does, with a quick fix that empties the group', () => {
    const d = net().sg('sg-a', { ingress: [] }).instance('i', { subnet: 'priv', groups: ['sg-a'] }).build();
    const [f] = run(defaultGroupHasRules, d);
    expect(f).toMatchObject({ id: 'sg-default-has-rules:vpc-default-sg', severity: 'high' });
    expect(f!.message).toBe('Default group of VPC prod has 1 inbound and 1 outbound rules');
    const next = applyFix(defaultGroupHasRules, d, f!);
    expect(run(defaultGroupInUse, next)).toEqual([]);
  });

  it('reports a resource using the default group (medium); has-rules then offers no quick fix, which would cut it off', () => {
    const d = net().instance('i', { name: 'legacy-1', subnet: 'priv' }).build();
    expect(run(defaultGroupInUse, d).map((f) => [f.severity, f.message])).toEqual([['medium', 'legacy-1 uses the default group of VPC prod']]);
    const [f] = run(defaultGroupHasRules, d);
    expect(f!.severity).toBe('high');
    expect(f!.message).toBe('Default group of VPC prod has 1 inbound and 1 outbound rules');
    expect(f!.fix).toMatch(/^Move its members to dedicated groups first/);
    expect(f!.quickFix).toBeUndefined();
  });

  it('is high when another group admits the default group: whatever lands in it inherits that access', () => {
    const d = net()
      .sg('sg-db', { name: 'DBSG', ingress: [tcp(5432, 'vpc-default-sg', 'from the default group')] })
      .rds('db', { name: 'orders-db', subnets: ['priv'], groups: ['sg-db'] })
      .instance('i', { name: 'legacy-1', subnet: 'pub' })
      .build();
    const [f, ...rest] = run(defaultGroupInUse, d);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'high', message: 'legacy-1 uses the default group of VPC prod, and DBSG admits it on tcp 5432', resourceIds: ['i'] });
    expect(f!.risk).toBe('Anything launched without a group of its own lands in the default group and so passes DBSG to orders-db, without anyone granting it.');
    expect(f!.targets).toEqual([
      { kind: 'security-group', groupId: 'vpc-default-sg' },
      { kind: 'resource', resourceId: 'i' },
      { kind: 'rule', groupId: 'sg-db', direction: 'ingress', ruleId: 'sg-db-in-1' },
    ]);
    // Trusted but empty: still a finding, nothing is in the group yet.
    const empty = net().sg('sg-db', { name: 'DBSG', ingress: [tcp(5432, 'vpc-default-sg')] }).build();
    expect(run(defaultGroupInUse, empty).map((x) => [x.severity, x.message])).toEqual([['high', 'The default group of VPC prod, and DBSG admits it on tcp 5432']]);
  });

  it('is silent on an empty, unused default group', () => {
    const d = net().setIngress('vpc-default-sg', []).setEgress('vpc-default-sg', []).build();
    expect([...run(defaultGroupHasRules, d), ...run(defaultGroupInUse, d)]).toEqual([]);
  });
});

describe('sg-launch-wizard', () => {
  it('flags launch-wizard names only', () => {
    const d = net().sg('sg-lw', { name: 'launch-wizard-3' }).sg('sg-b', { name: 'WebSG' }).build();
    expect(run(launchWizardGroup, d).map((f) => f.id)).toEqual(['sg-launch-wizard:sg-lw']);
  });
});

describe('sg-missing-description', () => {
  it('flags a group and its undescribed rules once; the quick fix describes them', () => {
    const d = net()
      .sg('sg-a', { name: 'AppSG', ingress: [tcp(8080, '10.20.0.0/16'), tcp(443, '10.20.0.0/16', 'health checks')] })
      .edit((x) => void (x.securityGroups['sg-a']!.description = ''))
      .build();
    const [f, ...rest] = run(missingDescription, d);
    expect(rest).toEqual([]);
    expect(f!.message).toBe('AppSG has no description and 2 rules without a description');
    const next = applyFix(missingDescription, d, f!);
    expect(next.securityGroups['sg-a']!.ingress[0]!.description).toBe('Allows tcp 8080 from 10.20.0.0/16');
    expect(next.securityGroups['sg-a']!.ingress[1]!.description).toBe('health checks');
  });

  it('is silent when everything is described, and skips the default group', () => {
    const d = net().sg('sg-a', { ingress: [tcp(443, '10.20.0.0/16', 'clients')], egress: [tcp(443, '0.0.0.0/0', 'updates')] }).build();
    expect(run(missingDescription, d)).toEqual([]);
  });
});

describe('sg-too-many-rules', () => {
  const many = (n: number): RuleSpec[] => Array.from({ length: n }, (_, i) => tcp(1000 + i, '10.20.0.0/16', 'r'));

  it('warns over 50 and errors over 60 per direction', () => {
    expect(run(tooManyRules, net().sg('sg-a', { ingress: many(50) }).build())).toEqual([]);
    expect(run(tooManyRules, net().sg('sg-a', { ingress: many(51) }).build())[0]!.severity).toBe('medium');
    const [f] = run(tooManyRules, net().sg('sg-a', { name: 'Big', ingress: many(61) }).build());
    expect(f).toMatchObject({ severity: 'high', message: "Big has 61 ingress rules in one address family, over AWS's quota of 60" });
  });

  it('counts a prefix list as its max entries', () => {
    const d = net().prefixList('pl-big', ['52.0.0.0/24'], { maxEntries: 55 }).sg('sg-a', { ingress: [tcp(443, 'pl-big')] }).build();
    expect(run(tooManyRules, d)).toHaveLength(1);
  });
});

describe('sg-unused / nacl-unused', () => {
  it('reports a group on no interface and referenced by none, with a delete quick fix', () => {
    const d = net().sg('sg-x', { name: 'Old' }).sg('sg-y', { name: 'Referenced' }).sg('sg-z', { ingress: [tcp(443, 'sg-y')] }).instance('i', { subnet: 'priv', groups: ['sg-z'] }).build();
    const found = run(unusedSecurityGroup, d);
    expect(found.map((f) => f.id)).toEqual(['sg-unused:sg-x']);
    applyFix(unusedSecurityGroup, d, found[0]!);
  });

  it('never reports the default group', () => {
    expect(run(unusedSecurityGroup, net().build())).toEqual([]);
  });

  it('reports a NACL on no subnet; the default NACL serves subnets without an association', () => {
    const d = net().nacl('acl-old', { name: 'old' }).nacl('acl-pub', { subnets: ['pub'] }).build();
    const found = run(unusedNetworkAcl, d);
    expect(found.map((f) => f.id)).toEqual(['nacl-unused:acl-old']);
    applyFix(unusedNetworkAcl, d, found[0]!);
  });
});

describe('sg-open-egress', () => {
  const tiers = () =>
    net()
      .sg('sg-alb', { name: 'AlbSG' })
      .alb('alb', { subnets: ['pub'], groups: ['sg-alb'] })
      .sg('sg-app', { name: 'AppSG' })
      .instance('app', { subnet: 'priv', role: 'app', groups: ['sg-app'] })
      .sg('sg-db', { name: 'DBSG', ingress: [tcp(5432, 'sg-app')], egress: [allTraffic('::/0')] })
      .rds('db', { subnets: ['priv'], groups: ['sg-db'] })
      .sg('sg-cache', { name: 'CacheSG', ingress: [tcp(6379, 'sg-app')] })
      .instance('redis', { subnet: 'priv', groups: ['sg-cache'] })
      .sg('sg-unused', { name: 'Spare' })
      .build();

  const bySg = (d: Parameters<typeof run>[1]) => Object.fromEntries(run(openEgress, d).map((f) => [f.targets[1] && 'groupId' in f.targets[1] ? f.targets[1].groupId : '', f.severity]));

  it('grades -1 egress to the world by tier: web info, app low, database and cache medium while their subnet has no way out', () => {
    expect(bySg(tiers())).toEqual({ 'sg-alb': 'info', 'sg-app': 'low', 'sg-db': 'medium', 'sg-cache': 'medium' });
  });

  it('is high on the data tier once its subnet routes to the Internet (here a NAT gateway)', () => {
    const withNat = net()
      .nat('nat', 'pub')
      .routeTable('rt-priv', { routes: [['0.0.0.0/0', 'nat']], subnets: ['priv'] })
      .sg('sg-db', { name: 'DBSG', ingress: [tcp(5432, '10.20.0.0/16')], egress: [allTraffic('0.0.0.0/0')] })
      .rds('db', { subnets: ['priv'], groups: ['sg-db'] })
      .build();
    const [f, ...rest] = run(openEgress, withNat);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'high', message: 'DBSG allows all traffic out to 0.0.0.0/0 from db (data tier), which has a route to the Internet' });
  });

  it('ignores narrower egress and the default group (the default-group checks speak for it); the data-tier quick fix removes the rule', () => {
    const d = tiers();
    expect(run(openEgress, net().sg('sg-a', { egress: [tcp(443, '0.0.0.0/0'), allTraffic('10.20.0.0/16')] }).instance('i', { subnet: 'priv', groups: ['sg-a'] }).build())).toEqual([]);
    expect(run(openEgress, net().instance('i', { subnet: 'priv' }).build())).toEqual([]);
    const f = run(openEgress, d).find((x) => x.id === 'sg-open-egress:sg-db,sg-db-out-1')!;
    applyFix(openEgress, d, f);
  });
});
