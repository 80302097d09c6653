/** Resolves the Endpoints of a query against the compiled design. */
import { AddressSet, cidrFromBlock, type Address, type IpFamily } from '../net/index.ts';
import type { CompiledDesign, EniInfo, NatInfo, ResourceInfo } from './compiled.ts';
import type { Endpoint, Flow } from './types.ts';
import type { ExternalEnd } from './hops.ts';
import { addressOf, cidrOf } from './compile.ts';
import { named } from './labels.ts';

export type End =
  | { kind: 'resource'; res: ResourceInfo; enis: EniInfo[]; label: string }
  | { kind: 'external'; ext: ExternalEnd; sets: Record<IpFamily, AddressSet>; address?: Address; label: string }
  | { kind: 'nat'; nat: NatInfo; label: string }
  | { kind: 'missing'; id: string; message: string };

function single(a: Address): AddressSet {
  return AddressSet.fromCidr(cidrFromBlock(a.family, a.value, a.family === 4 ? 32 : 128));
}

export const INTERNET: ExternalEnd = { kind: 'internet', id: 'internet', name: 'Internet' };

export function resolveEnd(ix: CompiledDesign, e: Endpoint): End {
  if (e.kind === 'resource') {
    const res = ix.resources.get(e.resourceId);
    if (!res) {
      const nat = ix.nats.get(e.resourceId);
      if (nat) return { kind: 'nat', nat, label: `NAT gateway ${nat.label}` };
      return { kind: 'missing', id: e.resourceId, message: `There is no resource ${e.resourceId} in the design.` };
    }
    const enis = e.eniId ? res.enis.filter((x) => x.eni.id === e.eniId) : res.enis;
    if (enis.length === 0) {
      const message = e.eniId ? `${res.label} has no network interface ${e.eniId}.` : `${res.label} has no network interface in a subnet of the design.`;
      return { kind: 'missing', id: e.resourceId, message };
    }
    return { kind: 'resource', res, enis, label: res.label };
  }
  const address = addressOf(e.address);
  if (e.address !== undefined && !address) return { kind: 'missing', id: e.address, message: `${e.address} is not an IP address.` };
  if (e.kind === 'internet') {
    const sets = address ? ({ 4: AddressSet.empty(4), 6: AddressSet.empty(6), [address.family]: single(address) } as Record<IpFamily, AddressSet>) : ix.internet;
    return { kind: 'external', ext: INTERNET, sets, ...(address ? { address } : {}), label: address ? `Internet host ${address.text}` : 'the Internet' };
  }
  const net = ix.design.externalNetworks[e.externalNetworkId];
  if (!net) return { kind: 'missing', id: e.externalNetworkId, message: `There is no external network ${e.externalNetworkId} in the design.` };
  const ext: ExternalEnd = { kind: net.kind === 'internet' ? 'internet' : 'external', id: net.id, name: net.name };
  let sets: Record<IpFamily, AddressSet>;
  if (address) sets = { 4: AddressSet.empty(4), 6: AddressSet.empty(6), [address.family]: single(address) } as Record<IpFamily, AddressSet>;
  else if (net.kind === 'internet') sets = ix.internet;
  else {
    const cidrs = net.cidrs.map(cidrOf).filter((c) => c !== undefined);
    sets = { 4: AddressSet.fromCidrs(4, cidrs.filter((c) => c.family === 4)), 6: AddressSet.fromCidrs(6, cidrs.filter((c) => c.family === 6)) };
  }
  const label = address ? `${address.text} in ${named(net.name, net.id)}` : named(net.name, net.id);
  return { kind: 'external', ext, sets, ...(address ? { address } : {}), label };
}

/** The address families to evaluate, in order (see Flow.ipVersion). */
export function familiesFor(flow: Flow, a: End, b: End): IpFamily[] {
  if (flow.ipVersion) return [flow.ipVersion];
  if (flow.protocol === 'icmpv6' || flow.protocol === 58) return [6];
  if (flow.protocol === 'icmp' || flow.protocol === 1) return [4];
  for (const e of [a, b]) if (e.kind === 'external' && e.address) return [e.address.family];
  return [4, 6];
}
