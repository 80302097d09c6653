import { describe, expect, it } from 'vitest';
import { allTraffic, tcp, udp, type RuleSpec } from '../../model/builder.ts';
import { widePublicCidr } from '../rules/scanner-wide-public-cidr.ts';
import { narrowPublicSourceOnSensitivePort } from '../rules/scanner-narrow-public-sensitive.ts';
import { widePrivateCidr } from '../rules/scanner-wide-private-cidr.ts';
import { portRange } from '../rules/scanner-port-range.ts';
import { plaintextProtocol } from '../rules/scanner-plaintext-port.ts';
import { applyFix, net, run } from './helpers.ts';

const group = (ingress: RuleSpec[], egress?: RuleSpec[]) =>
  net()
    .sg('sg-a', { name: 'AppSG', ingress, ...(egress ? { egress } : {}) })
    .instance('app-1', { subnet: 'priv', groups: ['sg-a'] })
    .build();

describe('sg-wide-public-cidr', () => {
  it('flags public /1../23 in and out', () => {
    const [f] = run(widePublicCidr, group([tcp(443, '52.0.0.0/8')]));
    expect(f!.message).toBe('AppSG admits tcp 443 from 52.0.0.0/8 (16777216 public addresses) on app-1 (no public address)');
    expect(run(widePublicCidr, group([], [tcp(443, '52.94.0.0/23')]))[0]!.severity).toBe('low');
  });

  it('ignores /24 and narrower, the world and private blocks', () => {
    expect(run(widePublicCidr, group([tcp(443, '52.94.1.0/24'), tcp(443, '0.0.0.0/0'), tcp(443, '10.0.0.0/8')]))).toEqual([]);
  });
});

describe('sg-small-public-network-sensitive-port', () => {
  it('flags a public /25../29 on a sensitive port, range-aware', () => {
    expect(run(narrowPublicSourceOnSensitivePort, group([tcp([20, 25], '52.94.1.0/28')]))).toHaveLength(1);
    expect(run(narrowPublicSourceOnSensitivePort, group([udp(161, '52.94.1.0/25')]))).toHaveLength(1);
  });

  it('ignores /30 and narrower, /24, private sources and plain web ports', () => {
    const d = group([tcp(22, '52.94.1.4/30'), tcp(22, '198.51.100.7/32'), tcp(22, '52.94.1.0/24'), tcp(22, '10.1.0.0/28'), tcp(443, '52.94.2.0/28')]);
    expect(run(narrowPublicSourceOnSensitivePort, d)).toEqual([]);
  });
});

describe('sg-wide-private-cidr', () => {
  it('flags 10.0.0.0/8 when the VPC is 10.20.0.0/16, and the quick fix narrows it', () => {
    const d = group([tcp(5432, '10.0.0.0/8')]);
    const [f] = run(widePrivateCidr, d);
    expect(f!.message).toContain('from 10.0.0.0/8, far wider than VPC prod (10.20.0.0/16)');
    const next = applyFix(widePrivateCidr, d, f!);
    expect(next.securityGroups['sg-a']!.ingress[0]!.peer).toEqual({ kind: 'cidr', cidr: '10.20.0.0/16' });
  });

  it('ignores blocks inside the VPC, a few times its size, and public ones', () => {
    expect(run(widePrivateCidr, group([tcp(5432, '10.20.0.0/16'), tcp(5432, '10.20.3.0/24'), tcp(5432, '10.16.0.0/14'), tcp(5432, '52.0.0.0/8')]))).toEqual([]);
  });
});

describe('sg-port-range', () => {
  it('flags a partial range, low from a public source, info from a private one', () => {
    expect(run(portRange, group([tcp([8000, 8100], '0.0.0.0/0')]))[0]!.severity).toBe('low');
    expect(run(portRange, group([udp([1024, 65535], '10.20.0.0/16')]))[0]!.severity).toBe('info');
  });

  it('ignores single ports and full ranges', () => {
    expect(run(portRange, group([tcp(443, '0.0.0.0/0'), tcp('all', '10.20.0.0/16'), tcp([1, 65535], '10.20.0.0/16'), allTraffic('10.20.0.0/16')]))).toEqual([]);
  });
});

describe('sg-plaintext-port', () => {
  it('flags 21 and 23 from any source, range-aware, medium from the world', () => {
    expect(run(plaintextProtocol, group([tcp(21, '10.20.0.0/16')]))[0]!.severity).toBe('low');
    const [f] = run(plaintextProtocol, group([tcp([20, 25], '0.0.0.0/0')]));
    expect(f!.severity).toBe('medium');
    expect(f!.message).toContain('21 (FTP), 23 (Telnet)');
  });

  it('ignores other ports and all-ports rules; quick fix removes the rule', () => {
    expect(run(plaintextProtocol, group([tcp(22, '10.20.0.0/16'), allTraffic('10.20.0.0/16')]))).toEqual([]);
    const d = group([tcp(23, 'sg-a')]);
    applyFix(plaintextProtocol, d, run(plaintextProtocol, d)[0]!);
  });
});
