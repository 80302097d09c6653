/**
 * The addresses "the Internet" stands for when no address is given: public address space, that is
 * 0.0.0.0/0 and ::/0 minus the design's own VPC space and minus what never routes on the Internet
 * (private, shared, loopback, link-local, "this network", multicast and reserved; IPv6 unique
 * local, link-local, loopback and multicast). So a rule admitting 10.0.0.0/8 or a private
 * corporate range is not Internet exposure. Engine choice: the documentation ranges stay in, since
 * examples and scenarios use them as Internet hosts (bastion 22 only from 198.51.100.7/32). A
 * query from an explicit address is evaluated at that address, whatever its range.
 */
import { AddressSet, parseCidr, type Cidr, type IpFamily } from '../net/index.ts';
import type { VpcInfo } from './compiled.ts';

const NOT_INTERNET: Record<IpFamily, readonly string[]> = {
  4: ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '224.0.0.0/3'],
  6: ['::1/128', 'fc00::/7', 'fe80::/10', 'ff00::/8'],
};

let outside: Record<IpFamily, AddressSet> | undefined;

function blocks(texts: readonly string[]): Cidr[] {
  return texts.map((t) => {
    const r = parseCidr(t, { strict: true });
    if (!r.ok) throw new Error(`bad built-in range ${t}`);
    return r.value;
  });
}

/** Public address space outside the given VPCs. */
export function internetSpace(vpcs: Iterable<VpcInfo>): Record<IpFamily, AddressSet> {
  outside ??= {
    4: AddressSet.all(4).subtract(AddressSet.fromCidrs(4, blocks(NOT_INTERNET[4]))),
    6: AddressSet.all(6).subtract(AddressSet.fromCidrs(6, blocks(NOT_INTERNET[6]))),
  };
  const own: Record<IpFamily, Cidr[]> = { 4: [], 6: [] };
  for (const v of vpcs) for (const fam of [4, 6] as const) own[fam].push(...v.cidrs[fam]);
  return {
    4: own[4].length > 0 ? outside[4].subtract(AddressSet.fromCidrs(4, own[4])) : outside[4],
    6: own[6].length > 0 ? outside[6].subtract(AddressSet.fromCidrs(6, own[6])) : outside[6],
  };
}
