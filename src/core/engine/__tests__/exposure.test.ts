/** exposure() and reachMatrix(): what a source reaches, directly and in chains, with set algebra. */
import { describe, expect, it } from 'vitest';
import { exposure, reach, reachMatrix } from '../index.ts';
import { sg, tcp } from '../../model/builder.ts';
import { topologyT, T } from '../../model/fixtures/topology-t.ts';
import { internet, res } from './helpers.ts';

const short = (d: Parameters<typeof exposure>[0], ...args: Parameters<typeof exposure> extends [unknown, ...infer R] ? R : never) =>
  exposure(d, ...args).entries.map((e) => `${e.resourceId} ${e.traffic}${e.sources ? ` from ${e.sources.join(' ')}` : ''} [${e.chain.map((h) => h.to).join('>')}]`);

describe('exposure', () => {
  it('reports port sets, not single ports', () => {
    const d = topologyT().setIngress(T.sgBastion, [tcp([1024, 65535], T.trustedAdmin), tcp(22, T.trustedAdmin)]).build();
    const bastion = exposure(d, internet()).entries.find((e) => e.resourceId === T.bastion)!;
    expect(bastion.traffic).toBe('tcp 22, 1024-65535');
    expect(bastion.ranges).toEqual({ 6: [[22, 22], [1024, 65535]] });
  });

  it('filters what is reported with a flow, but still follows the hops that lead there', () => {
    expect(short(topologyT().build(), internet(), { flow: { protocol: 'tcp', port: 5432 } })).toEqual([`${T.rds} tcp 5432 [alb>app>rds]`]);
  });

  it('can stop at direct reach', () => {
    expect(short(topologyT().build(), internet(), { multiHop: false })).toEqual([`${T.alb} tcp 443 [alb]`, `${T.bastion} tcp 22 from 198.51.100.7/32 [bastion]`]);
  });

  it('starts from a resource: what a compromised app server reaches', () => {
    expect(short(topologyT().build(), res(T.app))).toEqual([`${T.alb} tcp 443 [alb]`, `${T.rds} tcp 5432 [rds]`]);
  });

  it('goes through an internal load balancer reached from a host', () => {
    const d = topologyT()
      .sg('sg-ilb', { ingress: [tcp(443, sg(T.sgBastion))], egress: [tcp(9000, sg('sg-svc'))] })
      .sg('sg-svc', { ingress: [tcp(9000, sg('sg-ilb'))], egress: [] })
      .instance('svc', { subnet: T.appB, groups: ['sg-svc'] })
      .alb('ilb', {
        scheme: 'internal',
        subnets: [T.appA, T.appB],
        groups: ['sg-ilb'],
        listeners: [{ port: 443, targetGroup: 'tg-svc' }],
        targetGroups: [{ id: 'tg-svc', port: 9000, targets: ['svc'] }],
      })
      .build();
    const svc = exposure(d, internet()).entries.find((e) => e.resourceId === 'svc')!;
    expect(svc).toMatchObject({ traffic: 'tcp 9000', sources: ['198.51.100.7/32'] });
    expect(svc.chain).toEqual([
      { from: 'internet', to: T.bastion, traffic: 'tcp 22' },
      { from: T.bastion, to: 'ilb', traffic: 'tcp 443', via: 'ilb-listener-443' },
      { from: 'ilb', to: 'svc', traffic: 'tcp 9000', via: 'tg-svc' },
    ]);
  });

  it('never lists a Lambda function, and stops at databases (not initiators)', () => {
    const d = topologyT()
      .setIngress(T.sgLambda, [tcp('all', '0.0.0.0/0')])
      .setEgress(T.sgDb, [tcp('all', '0.0.0.0/0')])
      .ingress(T.sgBastion, tcp(22, sg(T.sgDb)))
      .build();
    const ids = exposure(d, internet()).entries.map((e) => e.resourceId);
    expect(ids).not.toContain(T.lambda);
    // The database reaches the bastion (sg-bastion admits sg-db), but a database does not initiate in chains.
    expect(exposure(d, internet()).entries.filter((e) => e.chain.some((h) => h.from === T.rds))).toEqual([]);
  });

  it('agrees with reach() on every direct entry', () => {
    const d = topologyT().ingress(T.sgApp, tcp(22, sg(T.sgBastion))).build();
    for (const e of exposure(d, res(T.bastion), { multiHop: false }).entries) {
      const port = e.ranges[6]![0]![0];
      expect(reach(d, res(T.bastion), res(e.resourceId), { protocol: 'tcp', port }).verdict).toBe('reachable');
    }
  });
});

describe('reachMatrix', () => {
  it('lists every reachable ordered pair of resources with what gets through', () => {
    const m = reachMatrix(topologyT().build());
    expect(m.resourceIds).toEqual(expect.arrayContaining([T.app, T.alb, T.rds, T.bastion, T.lambda]));
    const pairs = m.reachable.map((p) => `${p.from}>${p.to} ${p.traffic}`).sort();
    expect(pairs).toEqual([`${T.alb}>${T.app} tcp 8080`, `${T.app}>${T.alb} tcp 443`, `${T.app}>${T.rds} tcp 5432`, `${T.bastion}>${T.alb} tcp 443`, `${T.lambda}>${T.alb} tcp 443`].sort());
  });

  it('narrows to a flow', () => {
    const m = reachMatrix(topologyT().build(), { protocol: 'tcp', port: 5432 });
    expect(m.reachable.map((p) => `${p.from}>${p.to}`)).toEqual([`${T.app}>${T.rds}`]);
  });
});

describe('what "the Internet" stands for', () => {
  const direct = (d: Parameters<typeof exposure>[0]) => short(d, internet(), { multiHop: false });

  it('is public address space: rules admitting private ranges are not Internet exposure', () => {
    const d = topologyT()
      .ingress(T.sgBastion, tcp(3389, '10.0.0.0/8'))
      .ingress(T.sgBastion, tcp(5900, '172.20.0.0/16'))
      .ingress(T.sgBastion, tcp(2222, '100.64.0.0/10'))
      .build();
    expect(direct(d)).toEqual([`${T.alb} tcp 443 [alb]`, `${T.bastion} tcp 22 from 198.51.100.7/32 [bastion]`]);
  });

  it('keeps public ranges, including a named network whose range is public, with the restriction in the entry', () => {
    const d = topologyT().external('corp', ['52.10.0.0/16'], { name: 'CorpNet' }).ingress(T.sgBastion, tcp(3389, '52.10.0.0/16')).build();
    expect(direct(d)).toContainEqual(`${T.bastion} tcp 3389 from 52.10.0.0/16 [bastion]`);
  });

  it('keeps the documentation ranges (examples and scenarios use them as Internet hosts)', () => {
    const d = topologyT().ingress(T.sgBastion, tcp(3389, '203.0.113.0/24')).build();
    expect(direct(d)).toContainEqual(`${T.bastion} tcp 3389 from 203.0.113.0/24 [bastion]`);
  });

  it('does not list sources for a rule open to every address', () => {
    const d = topologyT().setIngress(T.sgBastion, [tcp(80, '0.0.0.0/0')]).build();
    expect(direct(d)).toContainEqual(`${T.bastion} tcp 80 [bastion]`);
  });

  it('still evaluates an explicit private address outside every VPC as an outside host', () => {
    const d = topologyT().ingress(T.sgBastion, tcp(3389, '10.5.0.0/16')).build();
    expect(short(d, internet('10.5.5.5'), { multiHop: false })).toContainEqual(`${T.bastion} tcp 3389 [bastion]`);
    expect(reach(d, internet('10.5.5.5'), res(T.bastion), { protocol: 'tcp', port: 3389 }).verdict).toBe('reachable');
  });
});
