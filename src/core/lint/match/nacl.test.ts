/** allowedPortsFor: the cheap ACL reading the return-path check filters candidate flows with. */
import { describe, expect, it } from 'vitest';
import type { NetworkAclEntry } from '../../model/types.ts';
import { PortSet, PROTOCOL_TCP, PROTOCOL_UDP } from '../../net/index.ts';
import { allowedPortsFor } from './nacl.ts';
import { cidrOf } from './world.ts';

const entry = (ruleNumber: number, action: 'allow' | 'deny', cidr: string, protocol: 'tcp' | 'udp' | '-1', ports?: [number, number]): NetworkAclEntry =>
  ({ ruleNumber, action, cidr, egress: true, match: { protocol, ...(ports ? { ports: { from: ports[0], to: ports[1] } } : {}) } }) as NetworkAclEntry;
const at = (ip: string) => cidrOf(ip)!;
const EPHEMERAL = PortSet.fromRange(1024, 65535);
const allowed = (entries: NetworkAclEntry[], ip: string, protocol = PROTOCOL_TCP) => allowedPortsFor(entries, at(ip), protocol, EPHEMERAL).describe();

describe('allowedPortsFor', () => {
  it('lets the first matching entry decide each port (entries come in rule-number order)', () => {
    const entries = [entry(100, 'deny', '10.0.0.0/16', 'tcp', [1024, 2047]), entry(110, 'allow', '0.0.0.0/0', 'tcp', [1024, 65535])];
    expect(allowed(entries, '10.0.1.5/32')).toBe('2048-65535');
    expect(allowed([...entries].reverse(), '10.0.1.5/32')).toBe('1024-65535');
  });

  it('counts only entries whose block holds the address, of its family', () => {
    const entries = [entry(100, 'deny', '10.1.0.0/16', '-1'), entry(110, 'allow', '::/0', '-1'), entry(120, 'allow', '10.0.0.0/16', 'tcp', [1024, 40000])];
    expect(allowed(entries, '10.0.1.5/32')).toBe('1024-40000');
    expect(allowed(entries, '10.1.1.5/32')).toBe('no ports');
  });

  it('keeps protocols apart and leaves the rest to the implicit deny', () => {
    const entries = [entry(100, 'allow', '0.0.0.0/0', 'tcp', [1024, 65535])];
    expect(allowed(entries, '10.0.1.5/32', PROTOCOL_UDP)).toBe('no ports');
    expect(allowed([], '10.0.1.5/32')).toBe('no ports');
    expect(allowed([entry(100, 'allow', '0.0.0.0/0', '-1')], '10.0.1.5/32', PROTOCOL_UDP)).toBe('1024-65535');
  });
});
