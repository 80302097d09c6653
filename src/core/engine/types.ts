/**
 * The reachability engine's vocabulary: what is asked (an endpoint pair and a flow) and what is
 * answered (a verdict, the path of components, and for a blocked flow why).
 */
import type { Protocol } from '../model/types.ts';

/** One end of a flow. */
export type Endpoint =
  /** A resource in the design; `eniId` pins one of its network interfaces. */
  | { kind: 'resource'; resourceId: string; eniId?: string }
  /**
   * A host on the Internet; without an address, any public address outside the design's VPCs
   * (internet-space.ts: private and non-routable ranges are not the Internet; the answer says which
   * addresses get through). An explicit address is evaluated as given, even a private one.
   */
  | { kind: 'internet'; address?: string }
  /** A named external network (CorpNet, VendorNet); without an address, any host in it. */
  | { kind: 'external'; externalNetworkId: string; address?: string };

/**
 * The traffic asked about. tcp/udp take a destination `port` (absent: every port); icmp/icmpv6
 * take `icmpType`/`icmpCode` (absent or -1: any). `all` asks about every protocol and port; the
 * answer is reachable when some of it gets through, and says what did.
 */
export interface Flow {
  protocol: Protocol;
  port?: number;
  icmpType?: number;
  icmpCode?: number;
  /**
   * Address family to evaluate. Absent: IPv6 for icmpv6 or an IPv6 endpoint address; otherwise IPv4,
   * and IPv6 as well when IPv4 does not get through and both ends have IPv6 (engine choice).
   */
  ipVersion?: 4 | 6;
}

export type ExplanationCode =
  | 'ENI_SG_RULES_MISMATCH'
  | 'SG_HAS_NO_RULES'
  | 'SUBNET_ACL_RESTRICTION'
  | 'NO_ROUTE_TO_DESTINATION'
  | 'BAD_STATE_ROUTE'
  | 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS'
  | 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS'
  | 'NGW_REQUIRES_SOURCE_IN_VPC'
  | 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR'
  | 'ELBV2_LISTENERS_MISMATCH'
  | 'ELB_INSTALLED_AZ_RESTRICTION'
  | 'UNKNOWN_PEERED_SGS'
  | 'SG_REFERENCE_CROSS_REGION'
  | 'SG_REFERENCE_VIA_PUBLIC_IP'
  | 'NAT_NO_INBOUND'
  | 'LAMBDA_NO_INBOUND'
  | 'PROTOCOL_RESTRICTION'
  // Engine codes beyond network-semantics.md's table (engine choices, documented where raised):
  /** The load balancer only opens connections to registered targets of its listeners. */
  | 'ELB_TARGET_NOT_REGISTERED'
  /** Source and destination are the same network interface. */
  | 'SAME_INTERFACE'
  /** The endpoint has no network interface in the design (e.g. a resource with no ENI). */
  | 'NO_NETWORK_INTERFACE'
  /** The internet gateway is missing or not attached to the VPC. */
  | 'IGW_NOT_ATTACHED'
  /** The two VPCs have no connection at all (no peering and no Internet path). */
  | 'NO_PATH_BETWEEN_VPCS'
  /** The best route sends the traffic to a gateway the engine does not model (VGW, TGW, endpoint, ENI). */
  | 'ROUTE_TARGET_NOT_MODELLED';

export type ComponentType =
  | 'internet'
  | 'external-network'
  | 'resource'
  | 'network-interface'
  | 'security-group'
  | 'network-acl'
  | 'route-table'
  | 'internet-gateway'
  | 'nat-gateway'
  | 'peering'
  | 'load-balancer'
  | 'listener'
  | 'target-group';

/** One component a flow passes, in order. */
export interface Hop {
  componentId: string;
  componentType: ComponentType;
  /** Name before id: what people read. */
  name: string;
  /** ingress/egress for security groups, inbound/outbound for NACLs. */
  direction?: 'ingress' | 'egress' | 'inbound' | 'outbound';
  /** What this component did, e.g. "rule 100 allows tcp 0-65535 from 0.0.0.0/0". */
  detail?: string;
}

/** Why (part of) a flow is blocked. */
export interface Explanation {
  code: ExplanationCode;
  componentId: string;
  componentType: ComponentType;
  componentName: string;
  direction?: 'ingress' | 'egress' | 'inbound' | 'outbound';
  /** The forward packet or the reply (stateless NACLs and routes must pass the reply too). */
  path: 'forward' | 'return';
  /** NACL rule number that decided (32767/32768 for the implicit deny). */
  ruleNumber?: number;
  /** Security groups evaluated, for SG codes. */
  groups?: string[];
  /** The packet field that matched no rule. */
  field?: 'protocol' | 'port' | 'source' | 'destination';
  /** One sentence for people, names before ids. */
  message: string;
}

export interface ReachResult {
  verdict: 'reachable' | 'unreachable';
  /** Components in order, source to destination; for a blocked flow, up to and including the blocker. */
  path: Hop[];
  /** Empty when reachable. The first is the first component that blocks; the rest would also block. */
  explanations: Explanation[];
  /**
   * What gets through when it is a subset of what was asked: traffic ("tcp 443"), source
   * addresses for an Internet/external source without an address ("198.51.100.7/32"), and the
   * client ephemeral ports that survive stateless NACLs on the return path.
   */
  admitted?: { traffic?: string; sources?: string[]; returnPorts?: string };
  /** The network interfaces the answer is about (source, destination). */
  sourceEniId?: string;
  destinationEniId?: string;
}

/** One hop of an exposure chain: `from` reaches `to` with `traffic`. */
export interface ChainHop {
  from: string;
  to: string;
  traffic: string;
  /** The listener or target group an ALB hop goes through. */
  via?: string;
}

/** Something a source can reach, with the traffic and how. */
export interface ExposureEntry {
  resourceId: string;
  resourceName: string;
  /** Human form ("tcp 5432"). */
  traffic: string;
  /** Per protocol number, inclusive port (or icmp type*256+code) ranges: the machine form. */
  ranges: Record<number, Array<[number, number]>>;
  /** Restriction on which source addresses get there (Internet or external sources only); entries from the same sources share the list: read it, do not change it. */
  sources?: readonly string[];
  /** Direct: one hop. Through a load balancer or a host that reaches further: several. */
  chain: ChainHop[];
}

export interface ExposureResult {
  source: string;
  entries: ExposureEntry[];
}

/** Options of `exposure`. */
export interface ExposureOptions {
  /** Only report traffic within this flow (e.g. tcp without a port: every tcp port). */
  flow?: Flow;
  /** Follow load balancers and hosts that reach further (default true). */
  multiHop?: boolean;
}

/** One reachable ordered pair of resources in a reach matrix. */
export interface ReachPair {
  from: string;
  to: string;
  /** Human form of what gets through ("tcp 5432"). */
  traffic: string;
  ranges: Record<number, Array<[number, number]>>;
}

/** All-pairs reachability between the design's resources; pairs not listed are unreachable. */
export interface ReachMatrix {
  resourceIds: string[];
  reachable: ReachPair[];
}
