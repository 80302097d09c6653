/** Design checks on load balancers: targets reachable on the target and health-check ports, AZ coverage. */
import { describe, expect, it } from 'vitest';
import { allTraffic, sg, tcp } from '../../model/builder.ts';
import { topologyT, T } from '../../model/fixtures/topology-t.ts';
import { reach } from '../../engine/index.ts';
import { albTargetUnreachable } from './design-alb-targets.ts';
import { azCoverage } from './design-az-coverage.ts';
import { applyQuickFix, expectWellFormed, findings } from './design-test-helpers.ts';

describe('design-alb-target-unreachable', () => {
  it('is quiet on T', () => {
    expect(findings(albTargetUnreachable, topologyT().build())).toEqual([]);
  });

  it('flags a target group whose target does not admit the balancer; the quick fix adds the rule and the engine agrees', () => {
    const d = topologyT().setIngress(T.sgApp, [tcp(8080, '10.0.99.0/24')]).build();
    const list = findings(albTargetUnreachable, d);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: `design-alb-target-unreachable:${T.alb},${T.targetGroup},${T.app},8080`,
      severity: 'high',
      targets: [{ kind: 'load-balancer', resourceId: T.alb, targetGroupId: T.targetGroup }, { kind: 'resource', resourceId: T.app }],
    });
    expect(list[0]!.message).toMatch(/^web-alb cannot reach app-1 on tcp 8080 \(target and health-check port of app-tg\): /);
    expectWellFormed(list);
    const fixed = applyQuickFix(albTargetUnreachable, d, list[0]!);
    expect(fixed.securityGroups[T.sgApp]!.ingress.at(-1)).toMatchObject({ match: { protocol: 'tcp', ports: { from: 8080, to: 8080 } }, peer: { kind: 'security-group', groupId: T.sgAlb } });
    expect(reach(fixed, { kind: 'resource', resourceId: T.alb }, { kind: 'resource', resourceId: T.app }, { protocol: 'tcp', port: 8080 }).verdict).toBe('reachable');
  });

  it('checks the health-check port on its own', () => {
    const d = topologyT()
      .edit((x) => {
        const lb = x.resources[T.alb];
        if (lb?.kind === 'load-balancer') lb.targetGroups[0]!.healthCheckPort = 8081;
      })
      .build();
    const list = findings(albTargetUnreachable, d);
    expect(list.map((f) => f.id)).toEqual([`design-alb-target-unreachable:${T.alb},${T.targetGroup},${T.app},8081`]);
    expect(list[0]!.message).toContain('(health-check port of app-tg)');
    applyQuickFix(albTargetUnreachable, d, list[0]!);
  });

  it('flags the balancer egress, and the quick fix opens it to the target group', () => {
    const d = topologyT().setEgress(T.sgAlb, [tcp(9999, sg(T.sgApp))]).build();
    const list = findings(albTargetUnreachable, d);
    expect(list).toHaveLength(1);
    expect(list[0]!.quickFix!.label).toBe("Add egress tcp 8080 to the target's group");
    applyQuickFix(albTargetUnreachable, d, list[0]!);
  });

  it('names a NACL block and offers no group quick fix for it', () => {
    const d = topologyT().naclInbound(T.appA, [[100, 'deny', allTraffic('0.0.0.0/0')]]).build();
    const list = findings(albTargetUnreachable, d);
    expect(list).toHaveLength(1);
    expect(list[0]!.quickFix).toBeUndefined();
    expect(list[0]!.fix).toContain('NACLs');
  });
});

describe('design-az-coverage', () => {
  it('is quiet on T (two zones, target in one of them)', () => {
    expect(findings(azCoverage, topologyT().build())).toEqual([]);
  });

  it('flags a balancer in one zone (high)', () => {
    const d = topologyT()
      .alb('alb-1az', { name: 'one-zone', subnets: [T.publicA], groups: [T.sgAlb], listeners: [], targetGroups: [] })
      .build();
    const list = findings(azCoverage, d);
    expect(list.map((f) => `${f.id} ${f.severity}`)).toEqual(['design-az-coverage:alb-1az,zones high']);
    expect(list[0]!.message).toBe('one-zone is enabled in 1 Availability Zone (us-east-1a); an Application Load Balancer needs at least two');
    expectWellFormed(list);
  });

  it('flags a target in a zone the balancer does not enable, medium when it gets nothing and low when only part idles', () => {
    const d = topologyT()
      .subnet('A-c', '10.0.22.0/24', 'us-east-1c', { routeTable: T.rtApp })
      .instance('app-c', { name: 'app-c', role: 'app', subnet: 'A-c', groups: [T.sgApp] })
      .instanceGroup('asg', { name: 'app-asg', role: 'app', subnets: [T.appB, 'A-c'], groups: [T.sgApp] })
      .edit((x) => {
        const lb = x.resources[T.alb];
        if (lb?.kind === 'load-balancer') lb.targetGroups[0]!.targets.push({ resourceId: 'app-c' }, { resourceId: 'asg' });
      })
      .build();
    const list = findings(azCoverage, d);
    expect(list.map((f) => `${f.id} ${f.severity}`).sort()).toEqual([`design-az-coverage:${T.alb},app-c medium`, `design-az-coverage:${T.alb},asg low`]);
    expect(list.find((f) => f.id.endsWith('app-c'))!.message).toBe(
      'app-c (target of app-tg) is in us-east-1c, where web-alb is not enabled (it is in us-east-1a, us-east-1b): it gets no traffic',
    );
    // The engine agrees, and the target check leaves it to this rule.
    expect(reach(d, { kind: 'resource', resourceId: T.alb }, { kind: 'resource', resourceId: 'app-c' }, { protocol: 'tcp', port: 8080 }).explanations[0]!.code).toBe('ELB_INSTALLED_AZ_RESTRICTION');
    expect(findings(albTargetUnreachable, d)).toEqual([]);
  });
});
