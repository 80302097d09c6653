/** CIDR, address, port and traffic algebra with AWS semantics: the vocabulary of the engine, importer, validator and linter. */
export type { NetError, NetErrorCode } from './net-error.ts';
export {
  addressBits,
  addressFromValue,
  compareAddresses,
  formatAddress,
  maxAddressValue,
  parseAddress,
  parseAddressCached,
  unmapIpv4,
  type Address,
  type IpFamily,
} from './address.ts';
export {
  canonicalCidr,
  cidrContainsAddress,
  cidrContainsCidr,
  cidrFromBlock,
  cidrsOverlap,
  cidrSize,
  compareCidrs,
  isWorldCidr,
  longestPrefixMatch,
  parseCidr,
  parseCidrCached,
  type Cidr,
  type ParseCidrOptions,
} from './cidr.ts';
export { isPrivateCidr, isPrivateIpv4, isPublicAddress } from './special-ranges.ts';
export { IntervalSet, type Bound, type Interval } from './interval-set.ts';
export { AddressSet } from './address-set.ts';
export { isPort, PORT_MAX, PORT_MIN, PortSet } from './port-set.ts';
export { TrafficSet } from './traffic-set.ts';
export { icmpTypeName } from './icmp-names.ts';
export {
  DETAILED_PROTOCOLS,
  hasIcmpTypes,
  hasPorts,
  PROTOCOL_ALL,
  PROTOCOL_ICMP,
  PROTOCOL_ICMPV6,
  PROTOCOL_TCP,
  PROTOCOL_UDP,
  protocolLabel,
  protocolName,
  protocolNumber,
} from './protocol.ts';
