/** Route selection (network-semantics.md §3): longest prefix match, IPv4 and IPv6 apart, local routes implicit. */
import { cidrContainsAddress, type Address } from '../net/index.ts';
import type { RouteInfo, RouteTableInfo } from './compiled.ts';

/** The route a packet to `address` takes, or undefined when none matches. */
export function bestRoute(table: RouteTableInfo | undefined, address: Address): RouteInfo | undefined {
  if (!table) return undefined;
  for (const r of table.routes[address.family]) if (cidrContainsAddress(r.cidr, address)) return r;
  return undefined;
}

/** "0.0.0.0/0 -> internet gateway igw-1", for hop details. */
export function describeRoute(r: RouteInfo): string {
  const dest = r.prefixListId ? `${r.prefixListId} (${r.cidr.text})` : r.cidr.text;
  const t = r.target;
  const target = t.kind === 'local' ? 'local' : `${TARGET_NOUN[t.kind]} ${t.id}`;
  return `${dest} -> ${target}${r.route?.state === 'blackhole' ? ' (blackhole)' : ''}`;
}

export const TARGET_NOUN = {
  local: 'local',
  'internet-gateway': 'internet gateway',
  'nat-gateway': 'NAT gateway',
  peering: 'peering connection',
  other: 'gateway',
} as const;
