import { describe, expect, it } from 'vitest';
import { allTraffic, icmp, icmpv6, proto, tcp, udp } from '../../model/builder.ts';
import { allPortsOpenToWorld } from '../rules/scanner-all-ports-world.ts';
import { adminPortOpenToWorld } from '../rules/scanner-admin-port-world.ts';
import { riskyPortOpenToWorld } from '../rules/scanner-risky-port-world.ts';
import { anyPortOpenToWorld } from '../rules/scanner-any-port-world.ts';
import { icmpFromWorld } from '../rules/scanner-icmp-world.ts';
import { applyFix, net, run } from './helpers.ts';

/** A web host in the public subnet with a public address, its group given. */
const host = (rules: Parameters<typeof tcp>[] | ReturnType<typeof tcp>[], where: 'pub' | 'priv' = 'pub', publicIp = true) =>
  net()
    .sg('sg-web', { name: 'WebSG', ingress: rules as ReturnType<typeof tcp>[] })
    .instance('web-1', { name: 'web-1', subnet: where, groups: ['sg-web'], publicIp })
    .instance('web-2', { name: 'web-2', subnet: where, groups: ['sg-web'], publicIp })
    .build();

describe('sg-admin-port-world', () => {
  it('names the group, port, source and members, critical when the engine reaches them', () => {
    const d = host([tcp(22, '0.0.0.0/0')]);
    const [f, ...rest] = run(adminPortOpenToWorld, d);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      id: 'sg-admin-port-world:sg-web,sg-web-in-1',
      severity: 'critical',
      resourceIds: ['web-1', 'web-2'],
      targets: [{ kind: 'rule', groupId: 'sg-web', direction: 'ingress', ruleId: 'sg-web-in-1' }, { kind: 'security-group', groupId: 'sg-web' }],
    });
    expect(f!.message).toBe('WebSG admits tcp 22 (SSH) from 0.0.0.0/0 on web-1, web-2 (reachable from the Internet)');
    expect(f!.anchors).toContain('EC2.13');
  });

  it('is range-aware: 20-25 covers 22 and 23, 1024-65535 does not cover 22', () => {
    const [f] = run(adminPortOpenToWorld, host([tcp([20, 25], '0.0.0.0/0')]));
    expect(f!.message).toContain('tcp 22 (SSH), 23 (Telnet) (rule tcp 20-25)');
    expect(run(adminPortOpenToWorld, host([tcp([1024, 3388], '0.0.0.0/0'), tcp([3390, 5899], '0.0.0.0/0')]))).toEqual([]);
    // 1024-65535 does not cover 22, but it does cover RDP, VNC and WinRM.
    const [high] = run(adminPortOpenToWorld, host([tcp([1024, 65535], '0.0.0.0/0')]));
    expect(high!.message).toContain('tcp 3389 (RDP), 5900 (VNC), 5985-5986 (WinRM) (rule tcp 1024-65535)');
    expect(high!.message).not.toContain('22 (SSH)');
  });

  it('counts -1, udp and ::/0', () => {
    expect(run(adminPortOpenToWorld, host([allTraffic('0.0.0.0/0')]))).toHaveLength(1);
    expect(run(adminPortOpenToWorld, host([udp(3389, '0.0.0.0/0')]))).toHaveLength(1);
    expect(run(adminPortOpenToWorld, host([tcp(22, '::/0')]))).toHaveLength(1);
    expect(run(adminPortOpenToWorld, host([proto(47, '0.0.0.0/0')]))).toHaveLength(1);
  });

  it('ignores sources other than the world', () => {
    expect(run(adminPortOpenToWorld, host([tcp(22, '198.51.100.7/32'), tcp(22, '10.0.0.0/8')]))).toEqual([]);
  });

  it('follows the severity ladder: private subnet with public ip high, no public ip medium', () => {
    expect(run(adminPortOpenToWorld, host([tcp(22, '0.0.0.0/0')], 'priv', true))[0]!.severity).toBe('high');
    expect(run(adminPortOpenToWorld, host([tcp(22, '0.0.0.0/0')], 'priv', false))[0]!.severity).toBe('medium');
    expect(run(adminPortOpenToWorld, host([tcp(22, '0.0.0.0/0')], 'pub', false))[0]!.severity).toBe('medium');
  });

  it('drops to high when a NACL blocks the port though the host is public', () => {
    const d = net()
      .sg('sg-web', { name: 'WebSG', ingress: [tcp(22, '0.0.0.0/0')] })
      .instance('web-1', { subnet: 'pub', groups: ['sg-web'], publicIp: true })
      .naclInbound('pub', [[90, 'deny', tcp(22, '0.0.0.0/0')], [100, 'allow', allTraffic('0.0.0.0/0')]])
      .build();
    expect(run(adminPortOpenToWorld, d)[0]!.severity).toBe('high');
  });

  it('quick fix without a bastion removes the rule', () => {
    const d = host([tcp(22, '0.0.0.0/0'), tcp(443, '0.0.0.0/0')]);
    const f = run(adminPortOpenToWorld, d)[0]!;
    expect(f.quickFix!.label).toBe('Remove this rule from WebSG');
    const next = applyFix(adminPortOpenToWorld, d, f);
    expect(next.securityGroups['sg-web']!.ingress.map((r) => r.match.ports?.from)).toEqual([443]);
  });

  /** The web host of `host`, plus a bastion host in `bastionVpc` carrying BastionSG. */
  const withBastion = (rules: ReturnType<typeof tcp>[], bastionVpc: 'vpc' | 'vpc-2' = 'vpc') =>
    net()
      .sg('sg-web', { name: 'WebSG', ingress: rules })
      .instance('web-1', { name: 'web-1', subnet: 'pub', groups: ['sg-web'], publicIp: true })
      .vpc('vpc-2', '10.30.0.0/16', { name: 'other' })
      .subnet('other', '10.30.1.0/24', 'us-east-1a', { name: 'other-a' })
      .sg('sg-bastion', { name: 'BastionSG', vpc: bastionVpc, ingress: [tcp(22, '198.51.100.7/32')] })
      .instance('jump', { name: 'jump-1', role: 'bastion', subnet: bastionVpc === 'vpc' ? 'pub' : 'other', groups: ['sg-bastion'], publicIp: true })
      .build();

  it('quick fix with a bastion in the same VPC admits its group instead of the world, keeping ports', () => {
    const d = withBastion([tcp(22, '0.0.0.0/0', 'SSH from anywhere')]);
    const f = run(adminPortOpenToWorld, d).find((x) => x.id.startsWith('sg-admin-port-world:sg-web,'))!;
    expect(f.quickFix!.label).toBe('Replace 0.0.0.0/0 with the bastion group BastionSG');
    const next = applyFix(adminPortOpenToWorld, d, f);
    expect(next.securityGroups['sg-web']!.ingress).toEqual([
      { id: d.securityGroups['sg-web']!.ingress[0]!.id, match: { protocol: 'tcp', ports: { from: 22, to: 22 } }, peer: { kind: 'security-group', groupId: 'sg-bastion' }, description: 'From the bastion group BastionSG (was 0.0.0.0/0)' },
    ]);
  });

  it('quick fix removes the world rule when the group already admits the bastion on the same ports', () => {
    const d = withBastion([tcp(22, '0.0.0.0/0'), tcp(22, 'sg-bastion')]);
    const f = run(adminPortOpenToWorld, d).find((x) => x.id.startsWith('sg-admin-port-world:sg-web,'))!;
    const next = applyFix(adminPortOpenToWorld, d, f);
    expect(next.securityGroups['sg-web']!.ingress.map((r) => r.peer)).toEqual([{ kind: 'security-group', groupId: 'sg-bastion' }]);
  });

  it('quick fix removes the rule when the only bastion is in another VPC, or the rule is on the bastion group itself', () => {
    const d = withBastion([tcp(22, '0.0.0.0/0')], 'vpc-2');
    const f = run(adminPortOpenToWorld, d).find((x) => x.id.startsWith('sg-admin-port-world:sg-web,'))!;
    expect(f.quickFix!.label).toBe('Remove this rule from WebSG');
    expect(applyFix(adminPortOpenToWorld, d, f).securityGroups['sg-web']!.ingress).toEqual([]);
    const own = net()
      .sg('sg-bastion', { name: 'BastionSG', ingress: [tcp(22, '0.0.0.0/0')] })
      .instance('jump', { name: 'jump-1', role: 'bastion', subnet: 'pub', groups: ['sg-bastion'], publicIp: true })
      .build();
    expect(run(adminPortOpenToWorld, own)[0]!.quickFix!.label).toBe('Remove this rule from BastionSG');
  });
});

describe('sg-all-ports-world', () => {
  it('fires for -1, tcp 0-65535, udp 1-65535 and other protocols', () => {
    for (const rule of [allTraffic('0.0.0.0/0'), tcp('all', '0.0.0.0/0'), udp([1, 65535], '::/0'), proto(47, '0.0.0.0/0')]) {
      expect(run(allPortsOpenToWorld, host([rule]))).toHaveLength(1);
    }
  });

  it('does not fire for a partial range or a non-world source', () => {
    expect(run(allPortsOpenToWorld, host([tcp([1024, 65535], '0.0.0.0/0'), allTraffic('10.20.0.0/16')]))).toEqual([]);
  });

  it('is critical on reachable public hosts, and its quick fix clears it', () => {
    const d = host([allTraffic('0.0.0.0/0')]);
    const [f] = run(allPortsOpenToWorld, d);
    expect(f!.severity).toBe('critical');
    applyFix(allPortsOpenToWorld, d, f!);
  });
});

describe('sg-risky-port-world', () => {
  it('lists risky non-admin ports inside a range', () => {
    const [f] = run(riskyPortOpenToWorld, host([tcp([5400, 5500], '0.0.0.0/0')]));
    expect(f!.message).toContain('5432 (PostgreSQL), 5500 (VNC)');
    expect(f!.severity).toBe('critical');
  });

  it('counts udp (SNMP) and ::/0, not ssh (the admin rule) nor 443', () => {
    expect(run(riskyPortOpenToWorld, host([udp(161, '::/0')]))).toHaveLength(1);
    expect(run(riskyPortOpenToWorld, host([tcp(22, '0.0.0.0/0'), tcp(443, '0.0.0.0/0')]))).toEqual([]);
  });

  it('leaves all-ports rules to the all-ports check; quick fix clears it', () => {
    expect(run(riskyPortOpenToWorld, host([allTraffic('0.0.0.0/0')]))).toEqual([]);
    const d = host([tcp(6379, '0.0.0.0/0')]);
    applyFix(riskyPortOpenToWorld, d, run(riskyPortOpenToWorld, d)[0]!);
  });
});

describe('sg-any-port-world', () => {
  const alb = (rules: ReturnType<typeof tcp>[], scheme: 'internet-facing' | 'internal' = 'internet-facing') =>
    net()
      .subnet('pub-b', '10.20.11.0/24', 'us-east-1b', { routeTable: 'rt-pub' })
      .sg('sg-alb', { name: 'AlbSG', ingress: rules })
      .alb('alb', { name: 'web-alb', subnets: ['pub'], groups: ['sg-alb'], scheme })
      .build();

  it('accepts 80/443 on an internet-facing load balancer and a web-tier host', () => {
    expect(run(anyPortOpenToWorld, alb([tcp(443, '0.0.0.0/0'), tcp(80, '::/0')]))).toEqual([]);
    const web = net().sg('sg-w', { name: 'W', ingress: [tcp(443, '0.0.0.0/0')] }).instance('w', { subnet: 'pub', role: 'web', groups: ['sg-w'], publicIp: true }).build();
    expect(run(anyPortOpenToWorld, web)).toEqual([]);
  });

  it('flags 443 on an app host, other ports on the load balancer, and internal balancers', () => {
    expect(run(anyPortOpenToWorld, host([tcp(443, '0.0.0.0/0')]))).toHaveLength(1);
    expect(run(anyPortOpenToWorld, alb([tcp(8443, '0.0.0.0/0')]))[0]!.message).toContain('tcp 8443');
    expect(run(anyPortOpenToWorld, alb([tcp(443, '0.0.0.0/0')], 'internal'))).toHaveLength(1);
  });

  it('accepts 80/443 on an app server that is its VPC\'s front door, not beside a load balancer or web host', () => {
    const front = () =>
      net()
        .sg('sg-app', { name: 'AppSG', ingress: [tcp(443, '0.0.0.0/0'), tcp(8443, '0.0.0.0/0')] })
        .instance('app', { name: 'app-1', role: 'app', subnet: 'pub', groups: ['sg-app'], publicIp: true });
    expect(run(anyPortOpenToWorld, front().build()).map((f) => f.message)).toEqual(['AppSG admits tcp 8443 from 0.0.0.0/0 on app-1 (reachable from the Internet)']);
    const besideWeb = front().sg('sg-w', { name: 'W', ingress: [tcp(443, '0.0.0.0/0')] }).instance('w', { subnet: 'pub', role: 'web', groups: ['sg-w'], publicIp: true }).build();
    expect(run(anyPortOpenToWorld, besideWeb).map((f) => f.message)).toEqual([
      'AppSG admits tcp 443 from 0.0.0.0/0 on app-1 (reachable from the Internet)',
      'AppSG admits tcp 8443 from 0.0.0.0/0 on app-1 (reachable from the Internet)',
    ]);
  });

  it('does not repeat risky or all-ports rules; quick fix removes the rule', () => {
    expect(run(anyPortOpenToWorld, host([tcp(22, '0.0.0.0/0'), allTraffic('0.0.0.0/0')]))).toEqual([]);
    const d = host([tcp(4443, '0.0.0.0/0')]);
    const [f] = run(anyPortOpenToWorld, d);
    expect(f!.severity).toBe('high');
    applyFix(anyPortOpenToWorld, d, f!);
  });
});

describe('sg-icmp-world', () => {
  it('fires for all icmp and all icmpv6 from the world', () => {
    expect(run(icmpFromWorld, host([icmp(-1, -1, '0.0.0.0/0')]))).toHaveLength(1);
    expect(run(icmpFromWorld, host([icmpv6('::/0')]))).toHaveLength(1);
  });

  it('ignores one icmp type, a private source and -1 rules; quick fix clears it', () => {
    expect(run(icmpFromWorld, host([icmp(8, -1, '0.0.0.0/0'), icmp(-1, -1, '10.0.0.0/8'), allTraffic('0.0.0.0/0')]))).toEqual([]);
    const d = host([icmp(-1, -1, '0.0.0.0/0')]);
    applyFix(icmpFromWorld, d, run(icmpFromWorld, d)[0]!);
  });
});
