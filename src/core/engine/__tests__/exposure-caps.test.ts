/**
 * exposure-caps.ts: the subnet cap is an upper bound of what a host can open toward a resource,
 * and tight where the ACLs between their subnets decide it alike for every address.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.ts';
import { subnetCap } from '../exposure-caps.ts';
import { resourceGrant } from '../grants.ts';
import { exposure } from '../index.ts';
import { TrafficSet } from '../../net/index.ts';
import { allTraffic, design, tcp, udp } from '../../model/builder.ts';

/** Web in s1 whose ACL lets replies in on tcp 1024-65535 only; app in s2; db in s1 beside web. */
function tiers() {
  return design()
    .vpc('v', '10.0.0.0/16')
    .subnet('s1', '10.0.1.0/24', 'az-a')
    .subnet('s2', '10.0.2.0/24', 'az-b')
    .sg('open', { ingress: [tcp('all', '0.0.0.0/0'), udp('all', '0.0.0.0/0')] })
    .instance('web', { subnet: 's1', groups: ['open'] })
    .instance('app', { subnet: 's2', groups: ['open'] })
    .instance('db', { subnet: 's1', groups: ['open'] })
    .naclInbound('s1', [[100, 'allow', tcp([1024, 65535], '0.0.0.0/0')]])
    .naclOutbound('s1', [[100, 'allow', allTraffic('0.0.0.0/0')]]);
}

const cap = (d: ReturnType<ReturnType<typeof tiers>['build']>, from: string, to: string) => {
  const ix = compile(d);
  return { ix, cap: subnetCap(ix, ix.resources.get(from)!, ix.resources.get(to)!), grant: resourceGrant(ix, ix.resources.get(from)!, ix.resources.get(to)!, TrafficSet.all()) };
};

describe('subnet cap', () => {
  it('drops what the host subnet never gets a reply for, and holds the exact grant', () => {
    const { cap: c, grant } = cap(tiers().build(), 'web', 'app');
    expect(c.containsPacket(6, 443)).toBe(true);
    expect(c.containsPacket(17, 53)).toBe(false); // the udp reply to 32768-60999 is denied in s1
    expect(c.containsSet(grant)).toBe(true);
    expect(grant.describe()).toBe('tcp all ports');
  });

  it('is everything inside one subnet (no ACL is crossed)', () => {
    expect(cap(tiers().build(), 'web', 'db').cap.isAll()).toBe(true);
  });

  it('is everything when an ACL entry holds only part of the other subnet (then addresses differ)', () => {
    const d = tiers().naclInbound('s1', [[90, 'allow', udp('all', '10.0.2.0/25')], [100, 'allow', tcp([1024, 65535], '0.0.0.0/0')]]).build();
    expect(cap(d, 'web', 'app').cap.isAll()).toBe(true);
  });

  it('leaves exposure unchanged: the Internet-facing web host reports app on tcp only', () => {
    const d = design()
      .vpc('v', '10.0.0.0/16')
      .igw('igw')
      .subnet('s1', '10.0.1.0/24', 'az-a')
      .subnet('s2', '10.0.2.0/24', 'az-b')
      .route('s1', '0.0.0.0/0', 'igw')
      .sg('open', { ingress: [tcp('all', '0.0.0.0/0'), udp('all', '0.0.0.0/0')] })
      .instance('web', { subnet: 's1', groups: ['open'], publicIp: '203.0.113.10' })
      .instance('app', { subnet: 's2', groups: ['open'] })
      .naclInbound('s1', [[100, 'allow', allTraffic('0.0.0.0/0')], [90, 'deny', udp('all', '10.0.2.0/24')]])
      .build();
    const app = exposure(d, { kind: 'internet' }).entries.filter((e) => e.resourceId === 'app');
    expect(app.map((e) => e.traffic)).toEqual(['tcp all ports']);
  });
});
