/**
 * The shape of a design compiled for evaluation: every CIDR parsed, every rule turned into a
 * TrafficSet, every subnet tied to its ACL and route table, every ENI to its groups. Built once
 * per design object (designs are immutable) so that a query only touches what its two ends use.
 */
import type {
  Design,
  Eni,
  InternetGateway,
  NatGateway,
  NetworkAcl,
  NetworkAclEntry,
  Resource,
  Route,
  RouteTable,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
  Vpc,
  VpcPeering,
} from '../model/types.ts';
import type { Address, AddressSet, Cidr, IpFamily, PortSet, TrafficSet } from '../net/index.ts';

export interface VpcInfo {
  vpc: Vpc;
  label: string;
  region: string;
  cidrs: Record<IpFamily, Cidr[]>;
  /** The internet gateway attached to it, if any. */
  igw?: InternetGateway;
}

export interface AclEntryInfo {
  entry: NetworkAclEntry;
  cidr: Cidr;
  traffic: TrafficSet;
}

export interface AclInfo {
  acl: NetworkAcl;
  label: string;
  /** Entries by direction and family, in rule-number order. */
  inbound: Record<IpFamily, AclEntryInfo[]>;
  outbound: Record<IpFamily, AclEntryInfo[]>;
}

export interface RouteInfo {
  cidr: Cidr;
  /** Absent for the implicit local routes. */
  route?: Route;
  target: Route['target'];
  /** The prefix list the route was written with. */
  prefixListId?: string;
}

export interface RouteTableInfo {
  table: RouteTable;
  label: string;
  /** Per family, most specific first: the first containing entry is the longest-prefix match. */
  routes: Record<IpFamily, RouteInfo[]>;
}

export interface SubnetInfo {
  subnet: Subnet;
  label: string;
  vpc: VpcInfo;
  cidr: Cidr;
  acl?: AclInfo;
  routeTable?: RouteTableInfo;
}

/** Why a security-group reference cannot match. */
export type ReferenceStatus = 'ok' | 'stale' | 'cross-region' | 'unknown';

export interface RuleInfo {
  rule: SecurityGroupRule;
  traffic: TrafficSet;
  /** Address peers (a CIDR or a prefix list's entries); empty for a group reference. */
  cidrs: Cidr[];
  ref?: { groupId: string; status: ReferenceStatus; peering?: VpcPeering };
  /** Human form of the peer: "0.0.0.0/0", "AppSG (sg-app)", "pl-s3 (s3)". */
  peerLabel: string;
}

export interface GroupInfo {
  sg: SecurityGroup;
  label: string;
  region: string;
  ingress: RuleInfo[];
  egress: RuleInfo[];
}

export interface EniInfo {
  eni: Eni;
  resource: Resource;
  subnet: SubnetInfo;
  vpc: VpcInfo;
  groups: GroupInfo[];
  groupIds: ReadonlySet<string>;
  /** Names referenced by the ENI that the design does not hold. */
  missingGroups: string[];
  private4?: Address;
  private6?: Address;
  /** The public IPv4 address the Internet sees, when the resource may have one. */
  public4?: Address;
  /** Whether the resource may be reached through an internet gateway on IPv4 (internet-facing ALB, public RDS…). */
  hasPublic4: boolean;
  hasPublic6: boolean;
  /** Client ephemeral ports of this kind of host, for stateless replies. */
  ephemeral: PortSet;
  label: string;
  /**
   * Interfaces with the same class are indistinguishable to every rule, ACL entry and route: same
   * subnet, same groups, same kind of host, and private addresses that every CIDR of the design
   * holds alike (when a CIDR cuts the subnet, the same answer for each CIDR that cuts it; an
   * address outside its subnet, or a Lambda function, is a class of its own). Pair results are
   * memoised per class pair.
   */
  peerClass: string;
  /**
   * peerClass without the kind of host: what an interface pair in one VPC gets through depends on
   * the kind only by the client ports (`ephemeral`, part of both) and by the checks made outside
   * the pair memo (destination and load balancer: fast-path.ts), so kinds share its entries.
   */
  pairClass: string;
  /** A small integer standing for `pairClass`, for the pair memo's keys. */
  classId: number;
}

export interface ResourceInfo {
  resource: Resource;
  label: string;
  enis: EniInfo[];
  /** Position in design order: answers list resources in this order whichever way they were found. */
  index: number;
}

export interface NatInfo {
  nat: NatGateway;
  label: string;
  subnet?: SubnetInfo;
  privateIp?: Address;
  publicIp?: Address;
}

export interface CompiledDesign {
  design: Design;
  vpcs: Map<string, VpcInfo>;
  subnets: Map<string, SubnetInfo>;
  groups: Map<string, GroupInfo>;
  enis: Map<string, EniInfo>;
  resources: Map<string, ResourceInfo>;
  nats: Map<string, NatInfo>;
  peerings: Map<string, VpcPeering>;
  /** Members of each group: who a reference to it stands for. */
  members: Map<string, EniInfo[]>;
  /** The Internet when no address is given: public address space minus the design's VPC space (internet-space.ts). */
  internet: Record<IpFamily, AddressSet>;
  /** Memoised per-design answers (exposure classes, address breakpoints…), keyed by the caller. */
  memo: Map<string, unknown>;
}
