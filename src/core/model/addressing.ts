/** Picks addresses for drawn network interfaces the way AWS does: the next free one in the subnet. */
import type { Design, Subnet } from './types.ts';
import { formatAddress, parseAddressCached, parseCidrCached } from '../net/index.ts';

/** AWS reserves the first four addresses of a subnet and the last one. */
const RESERVED_AT_START = 4n;
const RESERVED_AT_END = 1n;

/** Every private IPv4 address already used in a subnet (ENIs and NAT gateways). */
export function usedAddresses(d: Design, subnetId: string): Set<string> {
  const used = new Set<string>();
  for (const r of Object.values(d.resources)) {
    for (const e of r.enis) if (e.subnetId === subnetId) for (const ip of e.privateIps) used.add(ip);
  }
  for (const n of Object.values(d.natGateways)) if (n.subnetId === subnetId && n.privateIp) used.add(n.privateIp);
  return used;
}

/** The lowest free private IPv4 address of a subnet, or undefined when it is full. */
export function nextFreeAddress(d: Design, subnet: Subnet, alsoTaken: ReadonlySet<string> = new Set()): string | undefined {
  const cidr = parseCidrCached(subnet.cidr);
  if (!cidr.ok) return undefined;
  const used = usedAddresses(d, subnet.id);
  const normalised = new Set([...used, ...alsoTaken].map((ip) => {
    const a = parseAddressCached(ip);
    return a.ok ? a.value.text : ip;
  }));
  for (let v = cidr.value.first + RESERVED_AT_START; v <= cidr.value.last - RESERVED_AT_END; v++) {
    const text = formatAddress(4, v);
    if (!normalised.has(text)) return text;
  }
  return undefined;
}

/**
 * A public IPv4 address for a drawn resource, not yet used in the design. Drawn designs take
 * them from TEST-NET-1 (192.0.2.0/24, RFC 5737) so they never collide with the documentation
 * ranges people use for Internet clients in examples (198.51.100.0/24, 203.0.113.0/24).
 */
export function nextPublicAddress(d: Design, alsoTaken: ReadonlySet<string> = new Set()): string | undefined {
  const used = new Set<string>(alsoTaken);
  for (const r of Object.values(d.resources)) for (const e of r.enis) if (e.publicIp) used.add(e.publicIp);
  for (const n of Object.values(d.natGateways)) if (n.publicIp) used.add(n.publicIp);
  for (let i = 10; i < 255; i++) {
    const ip = `192.0.2.${i}`;
    if (!used.has(ip)) return ip;
  }
  return undefined;
}
