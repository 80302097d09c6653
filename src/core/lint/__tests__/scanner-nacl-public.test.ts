import { describe, expect, it } from 'vitest';
import { allTraffic, tcp, udp, type NaclEntrySpec } from '../../model/builder.ts';
import { naclAdminPortFromWorld, naclAllPortsFromWorld } from '../rules/scanner-nacl-world.ts';
import { databasePubliclyAccessible, instancePublicExposed } from '../rules/scanner-public-resources.ts';
import { applyFix, net, run } from './helpers.ts';

const withAcl = (inbound: NaclEntrySpec[], subnets = ['pub']) => net().nacl('acl-1', { name: 'edge', subnets, inbound }).build();
/** Findings about acl-1 only (the default ACL still serves the other subnet). */
const on1run = (rule: Parameters<typeof run>[0], d: Parameters<typeof run>[1]) => on1(run(rule, d));
const on1 = <T extends { id: string }>(fs: T[]) => fs.filter((f) => f.id.includes('acl-1'));

describe('nacl-all-ports-world', () => {
  it('flags the default allow-all at medium, as Security Hub grades EC2.21', () => {
    const found = run(naclAllPortsFromWorld, net().build());
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: 'nacl-all-ports-world:vpc-default-acl,ingress,100', severity: 'medium' });
    expect(found[0]!.message).toBe('Network ACL prod default rule 100 allows all traffic in from 0.0.0.0/0 on public-a, private-a');
  });

  it('stays medium on private subnets only (EC2.21 does not look at routes) and counts ::/0 and tcp 0-65535', () => {
    expect(on1run(naclAllPortsFromWorld, withAcl([[100, 'allow', tcp('all', '0.0.0.0/0')]], ['priv']))[0]!.severity).toBe('medium');
    expect(on1run(naclAllPortsFromWorld, withAcl([[100, 'allow', allTraffic('::/0')]]))).toHaveLength(1);
  });

  it('respects rule order: deny all at 90 before allow all at 100 gives nothing', () => {
    expect(on1run(naclAllPortsFromWorld, withAcl([[90, 'deny', allTraffic('0.0.0.0/0')], [100, 'allow', allTraffic('0.0.0.0/0')]]))).toEqual([]);
    // A deny of another family, or of a narrower block, does not take the world's traffic away.
    expect(on1run(naclAllPortsFromWorld, withAcl([[90, 'deny', allTraffic('::/0')], [95, 'deny', allTraffic('52.0.0.0/8')], [100, 'allow', allTraffic('0.0.0.0/0')]]))).toHaveLength(1);
  });

  it('ignores unused ACLs and partial ranges', () => {
    expect(run(naclAllPortsFromWorld, net().nacl('acl-x', { inbound: [[100, 'allow', allTraffic('0.0.0.0/0')]] }).build()).filter((f) => f.id.includes('acl-x'))).toEqual([]);
    expect(on1run(naclAllPortsFromWorld, withAcl([[100, 'allow', tcp([1024, 65535], '0.0.0.0/0')]]))).toEqual([]);
  });
});

describe('nacl-admin-port-world', () => {
  it('flags an effective allow of 22 or 3389 from the world, range-aware and udp too', () => {
    expect(on1run(naclAdminPortFromWorld, withAcl([[100, 'allow', tcp([20, 25], '0.0.0.0/0')]]))[0]!.message).toContain('22 (SSH), 23 (Telnet)');
    expect(on1run(naclAdminPortFromWorld, withAcl([[100, 'allow', udp(3389, '::/0')]]))).toHaveLength(1);
  });

  it('respects rule order: deny 22 at 90 before allow 22 at 100 gives nothing', () => {
    expect(on1run(naclAdminPortFromWorld, withAcl([[90, 'deny', tcp(22, '0.0.0.0/0')], [100, 'allow', tcp(22, '0.0.0.0/0')]]))).toEqual([]);
    // The opposite order is an effective allow.
    expect(on1run(naclAdminPortFromWorld, withAcl([[90, 'allow', tcp(22, '0.0.0.0/0')], [100, 'deny', tcp(22, '0.0.0.0/0')]]))).toHaveLength(1);
  });

  it('leaves allow-all entries to the all-ports check and ignores 443', () => {
    expect(on1run(naclAdminPortFromWorld, withAcl([[100, 'allow', allTraffic('0.0.0.0/0')], [110, 'allow', tcp(443, '0.0.0.0/0')]]))).toEqual([]);
  });

  it('quick fix adds denies ahead of the allow', () => {
    const d = withAcl([[100, 'allow', tcp([20, 3389], '0.0.0.0/0')]]);
    const [f] = on1run(naclAdminPortFromWorld, d);
    const next = applyFix(naclAdminPortFromWorld, d, f!);
    expect(next.networkAcls['acl-1']!.entries.filter((e) => e.action === 'deny').map((e) => [e.ruleNumber, e.match.ports])).toEqual([
      [98, { from: 3389, to: 3389 }],
      [99, { from: 22, to: 23 }],
    ]);
  });
});

describe('rds-publicly-accessible', () => {
  const db = (opts: { pa: boolean; subnet: string; cidr: string }) =>
    net()
      .sg('sg-db', { name: 'DBSG', ingress: [tcp(5432, opts.cidr)] })
      .rds('db', { name: 'orders-db', subnets: [opts.subnet], groups: ['sg-db'], publiclyAccessible: opts.pa })
      .build();

  it('is critical when public, in a public subnet, open to the world and reachable', () => {
    const d = db({ pa: true, subnet: 'pub', cidr: '0.0.0.0/0' });
    const [f] = run(databasePubliclyAccessible, d);
    expect(f).toMatchObject({ severity: 'critical', message: 'orders-db (postgres) is publicly accessible in a public subnet with port 5432 open to the world, reachable from the Internet' });
    const next = applyFix(databasePubliclyAccessible, d, f!);
    expect(next.resources['db']).toMatchObject({ publiclyAccessible: false });
  });

  it('needs all three conditions', () => {
    expect(run(databasePubliclyAccessible, db({ pa: false, subnet: 'pub', cidr: '0.0.0.0/0' }))).toEqual([]);
    expect(run(databasePubliclyAccessible, db({ pa: true, subnet: 'priv', cidr: '0.0.0.0/0' }))).toEqual([]);
    expect(run(databasePubliclyAccessible, db({ pa: true, subnet: 'pub', cidr: '10.20.0.0/16' }))).toEqual([]);
  });
});

describe('instance-public-risky-port', () => {
  const inst = (rules = [tcp([6000, 6500], '0.0.0.0/0')], subnet = 'pub', publicIp = true) =>
    net().sg('sg-i', { ingress: rules }).instance('i', { name: 'cache-1', subnet, groups: ['sg-i'], publicIp }).build();

  it('is critical with a public address in a public subnet and a risky port from the world', () => {
    const d = inst();
    const [f] = run(instancePublicExposed, d);
    expect(f).toMatchObject({ severity: 'critical', message: 'cache-1 has a public address in a public subnet and 6379 (Redis), 6443 (Kubernetes API) open to the world, reachable from the Internet' });
    applyFix(instancePublicExposed, d, f!);
  });

  it('stays silent without a public address, in a private subnet, or on safe ports', () => {
    expect(run(instancePublicExposed, inst(undefined, 'pub', false))).toEqual([]);
    expect(run(instancePublicExposed, inst(undefined, 'priv', true))).toEqual([]);
    expect(run(instancePublicExposed, inst([tcp(443, '0.0.0.0/0'), tcp(22, '198.51.100.7/32')]))).toEqual([]);
  });
});
