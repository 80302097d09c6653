/**
 * Normalises and checks what a rule or ACL entry matches: ports only where the protocol has
 * them, ICMP type/code only for ICMP, ranges in bounds. Mirrors what the EC2 API accepts.
 */
import type { TrafficMatch } from './types.ts';
import type { Result } from './result.ts';
import { err, ok } from './result.ts';
import type { ModelError } from './errors.ts';
import { modelError } from './errors.ts';
import { protocolName, protocolNumber } from '../net/index.ts';

const hasPorts = (p: TrafficMatch['protocol']) => p === 'tcp' || p === 'udp' || p === 6 || p === 17;
const isIcmp = (p: TrafficMatch['protocol']) => p === 'icmp' || p === 'icmpv6' || p === 1 || p === 58;

/** Returns the match in canonical form (names for tcp/udp/icmp/icmpv6, ports dropped where ignored) or why it is invalid. */
export function normaliseMatch(m: TrafficMatch, path = 'match'): Result<TrafficMatch, ModelError> {
  const protocol = canonicalProtocol(m.protocol);
  if (protocol === undefined) {
    return err(modelError('match/protocol', `Protocol ${String(m.protocol)} is not a protocol number 0-255, -1 (all), tcp, udp, icmp or icmpv6.`, { path: `${path}.protocol` }));
  }
  if (hasPorts(protocol)) {
    if (!m.ports) return err(modelError('match/ports-missing', `A ${protocol} rule needs a port or port range.`, { path: `${path}.ports` }));
    const { from, to } = m.ports;
    for (const [k, v] of [['from', from], ['to', to]] as const) {
      if (!Number.isInteger(v) || v < 0 || v > 65535) {
        return err(modelError('match/port-range', `Port ${v} is outside 0-65535.`, { path: `${path}.ports.${k}` }));
      }
    }
    if (from > to) return err(modelError('match/port-order', `Port range ${from}-${to} goes backwards: the first port must not exceed the last.`, { path: `${path}.ports` }));
    return ok({ protocol, ports: { from, to } });
  }
  if (isIcmp(protocol)) {
    const icmp = m.icmp ?? { type: -1, code: -1 };
    for (const [k, v] of [['type', icmp.type], ['code', icmp.code]] as const) {
      if (!Number.isInteger(v) || v < -1 || v > 255) {
        return err(modelError('match/icmp-range', `ICMP ${k} ${v} is outside -1 (any) to 255.`, { path: `${path}.icmp.${k}` }));
      }
    }
    if (icmp.type === -1 && icmp.code !== -1) {
      return err(modelError('match/icmp-wildcard', 'An ICMP rule for any type (-1) must also have any code (-1).', { path: `${path}.icmp.code` }));
    }
    return ok({ protocol, icmp: { type: icmp.type, code: icmp.code } });
  }
  return ok({ protocol });
}

/** Protocol names for the four AWS names; `all` for -1; other numbers as numbers; undefined when invalid. */
export function canonicalProtocol(p: TrafficMatch['protocol'] | string): TrafficMatch['protocol'] | undefined {
  const n = protocolNumber(p);
  return n.ok ? protocolName(n.value) : undefined;
}

/** True when two matches cover exactly the same traffic (after normalisation). */
export function sameMatch(a: TrafficMatch, b: TrafficMatch): boolean {
  return (
    a.protocol === b.protocol &&
    a.ports?.from === b.ports?.from &&
    a.ports?.to === b.ports?.to &&
    a.icmp?.type === b.icmp?.type &&
    a.icmp?.code === b.icmp?.code
  );
}
