import { icmpTypeName } from './icmp-names.ts';
import type { PortSet } from './port-set.ts';
import { DETAILED_PROTOCOLS, hasPorts, protocolLabel } from './protocol.ts';
import type { TrafficSet } from './traffic-set.ts';

/** A short sentence for what a traffic set allows: "tcp 80, 443; icmp echo-request", "all traffic except tcp 22". */
export function describeTraffic(traffic: TrafficSet): string {
  if (traffic.isEmpty()) return 'no traffic';
  if (traffic.isAll()) return 'all traffic';
  const whole = traffic.wholeProtocols();
  // A set that allows most protocols reads better as what it leaves out; the complement then allows few, so this ends.
  if (whole.reduce((n, [from, to]) => n + to - from + 1, 0) > 128) {
    return `all traffic except ${describeTraffic(traffic.complement())}`;
  }
  const parts: string[] = [];
  for (const p of DETAILED_PROTOCOLS) {
    const values = traffic.portsFor(p);
    if (values.isEmpty()) continue;
    const label = protocolLabel(p);
    if (hasPorts(p)) parts.push(`${label} ${values.describe()}`);
    else parts.push(values.isAll() ? `${label} all types` : `${label} ${describeIcmp(p, values)}`);
  }
  for (const [from, to] of withoutDetailed(whole)) {
    parts.push(from === to ? protocolLabel(from) : `protocols ${from}-${to}`);
  }
  return parts.join('; ');
}

/** Protocol ranges with tcp, udp, icmp and icmpv6 cut out, as those are described with their details. */
function withoutDetailed(ranges: Array<[number, number]>): Array<[number, number]> {
  const detailed = new Set<number>(DETAILED_PROTOCOLS);
  const out: Array<[number, number]> = [];
  for (const [from, to] of ranges) {
    let start = from;
    for (let n = from; n <= to + 1; n++) {
      if (n > to || detailed.has(n)) {
        if (start < n) out.push([start, n - 1]);
        start = n + 1;
      }
    }
  }
  return out;
}

/** ICMP values (type * 256 + code) as type names, with codes when only some of a type's codes are allowed. */
function describeIcmp(protocol: number, values: PortSet): string {
  const items: string[] = [];
  const name = (type: number) => icmpTypeName(protocol, type) ?? `type ${type}`;
  let run: [number, number] | undefined; // consecutive types allowed with every code
  const flush = () => {
    if (run === undefined) return;
    if (run[1] - run[0] >= 2) items.push(`types ${run[0]}-${run[1]}`);
    else for (let t = run[0]; t <= run[1]; t++) items.push(name(t));
    run = undefined;
  };
  for (const { from, to } of values.toRanges()) {
    for (let v = from; v <= to; ) {
      const type = v >> 8;
      const end = Math.min(to, type * 256 + 255);
      const [firstCode, lastCode] = [v & 255, end & 255];
      if (firstCode === 0 && lastCode === 255) {
        if (run !== undefined && run[1] === type - 1) run[1] = type;
        else {
          flush();
          run = [type, type];
        }
      } else {
        flush();
        items.push(firstCode === lastCode ? `${name(type)} code ${firstCode}` : `${name(type)} codes ${firstCode}-${lastCode}`);
      }
      v = end + 1;
    }
  }
  flush();
  return items.join(', ');
}
