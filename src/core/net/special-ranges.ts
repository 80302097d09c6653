import type { Address } from './address.ts';
import { cidrContainsAddress, cidrContainsCidr, parseCidr, type Cidr } from './cidr.ts';

/** RFC 1918, shared address space (RFC 6598, carrier-grade NAT) and link-local: what never routes on the Internet from a VPC. */
const PRIVATE_IPV4 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16'];

/** Unique local (fc00::/7) and link-local (fe80::/10): the IPv6 counterparts of the private IPv4 ranges. */
const PRIVATE_IPV6 = ['fc00::/7', 'fe80::/10'];

/** IPv4 blocks that are not public unicast (IANA special-purpose registry), besides the private ones. */
const NON_PUBLIC_IPV4 = [
  ...PRIVATE_IPV4,
  '0.0.0.0/8',
  '127.0.0.0/8',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
];

/** Global unicast IPv6, then the blocks inside it that are documentation or protocol assignments. */
const GLOBAL_IPV6 = '2000::/3';
const NON_PUBLIC_IN_GLOBAL_IPV6 = ['2001::/23', '2001:db8::/32', '3fff::/20'];

function blocks(texts: readonly string[]): readonly Cidr[] {
  return texts.map((t) => {
    const r = parseCidr(t, { strict: true });
    if (!r.ok) throw new Error(`bad built-in range ${t}: ${r.error.message}`);
    return r.value;
  });
}

// Built on first use so that importing the module costs nothing.
let tables: { privateV4: readonly Cidr[]; privateV6: readonly Cidr[]; nonPublicV4: readonly Cidr[]; globalV6: Cidr; nonPublicV6: readonly Cidr[] } | undefined;
function ranges(): NonNullable<typeof tables> {
  tables ??= {
    privateV4: blocks(PRIVATE_IPV4),
    privateV6: blocks(PRIVATE_IPV6),
    nonPublicV4: blocks(NON_PUBLIC_IPV4),
    globalV6: blocks([GLOBAL_IPV6])[0]!,
    nonPublicV6: blocks(NON_PUBLIC_IN_GLOBAL_IPV6),
  };
  return tables;
}

/** Whether an IPv4 address is private: RFC 1918, 100.64.0.0/10 (CGNAT) or 169.254.0.0/16 (link-local). */
export function isPrivateIpv4(address: Address): boolean {
  return address.family === 4 && ranges().privateV4.some((c) => cidrContainsAddress(c, address));
}

/**
 * Whether an address can be reached on the public Internet: IPv4 outside every special-purpose block,
 * IPv6 in 2000::/3 outside documentation and protocol blocks. IPv4-mapped IPv6 is not public (unmap it first).
 */
export function isPublicAddress(address: Address): boolean {
  const t = ranges();
  if (address.family === 4) return !t.nonPublicV4.some((c) => cidrContainsAddress(c, address));
  return cidrContainsAddress(t.globalV6, address) && !t.nonPublicV6.some((c) => cidrContainsAddress(c, address));
}

/** Whether the whole block lies in private space (the IPv4 ranges of isPrivateIpv4; fc00::/7 or fe80::/10 for IPv6). */
export function isPrivateCidr(cidr: Cidr): boolean {
  const t = ranges();
  // The private ranges are disjoint and not adjacent, so a block inside their union is inside one of them.
  return (cidr.family === 4 ? t.privateV4 : t.privateV6).some((c) => cidrContainsCidr(c, cidr));
}
