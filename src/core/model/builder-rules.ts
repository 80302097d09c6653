/** Rule helpers of the design builder: traffic plus a peer, shared by security-group rules and NACL entries. */
import type { Protocol, RulePeer, TrafficMatch } from './types.ts';

/** Who a rule is about: a CIDR, a prefix list, or a security group. */
export type PeerSpec = string | RulePeer;

/** A rule before it gets an id: what it matches and who. */
export interface RuleSpec {
  match: TrafficMatch;
  peer: PeerSpec;
  description?: string;
}

/** Ports: one, an inclusive range, or every port. */
export type PortsSpec = number | readonly [number, number] | 'all';

function portRange(ports: PortsSpec): { from: number; to: number } {
  if (ports === 'all') return { from: 0, to: 65535 };
  if (typeof ports === 'number') return { from: ports, to: ports };
  return { from: ports[0], to: ports[1] };
}

/** A security-group peer: the group `id` (optionally across a peering or owned by another account). */
export function sg(groupId: string, opts: { peeringId?: string; ownerId?: string } = {}): RulePeer {
  return { kind: 'security-group', groupId, ...opts };
}

/** A managed prefix-list peer. */
export function pl(prefixListId: string): RulePeer {
  return { kind: 'prefix-list', prefixListId };
}

/** A CIDR peer. */
export function cidr(block: string): RulePeer {
  return { kind: 'cidr', cidr: block };
}

export function tcp(ports: PortsSpec, peer: PeerSpec, description?: string): RuleSpec {
  return { match: { protocol: 'tcp', ports: portRange(ports) }, peer, ...(description ? { description } : {}) };
}

export function udp(ports: PortsSpec, peer: PeerSpec, description?: string): RuleSpec {
  return { match: { protocol: 'udp', ports: portRange(ports) }, peer, ...(description ? { description } : {}) };
}

/** ICMP (IPv4) by type and code; -1 is the wildcard. */
export function icmp(type: number, code: number, peer: PeerSpec): RuleSpec {
  return { match: { protocol: 'icmp', icmp: { type, code } }, peer };
}

/** ICMPv6 by type and code; omit both for every type. */
export function icmpv6(peer: PeerSpec, type?: number, code?: number): RuleSpec {
  const match: TrafficMatch = type === undefined ? { protocol: 'icmpv6' } : { protocol: 'icmpv6', icmp: { type, code: code ?? -1 } };
  return { match, peer };
}

/** Every protocol and port (IpProtocol -1). */
export function allTraffic(peer: PeerSpec): RuleSpec {
  return { match: { protocol: 'all' }, peer };
}

/** Any protocol by name or number; ports are kept as written (AWS ignores them except for tcp/udp). */
export function proto(protocol: Protocol, peer: PeerSpec, ports?: PortsSpec): RuleSpec {
  return { match: { protocol, ...(ports !== undefined ? { ports: portRange(ports) } : {}) }, peer };
}

/** A peer as the model stores it: strings with "/" are CIDRs, "pl-…" prefix lists, anything else a group id. */
export function toPeer(p: PeerSpec): RulePeer {
  if (typeof p !== 'string') return p;
  if (p.includes('/')) return { kind: 'cidr', cidr: p };
  if (p.startsWith('pl-')) return { kind: 'prefix-list', prefixListId: p };
  return { kind: 'security-group', groupId: p };
}

/** A network-ACL entry: `[ruleNumber, action, rule]`; the rule's peer must be a CIDR. */
export type NaclEntrySpec = readonly [number, 'allow' | 'deny', RuleSpec];
