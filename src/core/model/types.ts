/**
 * The Tierwise design: a normalised, serialisable description of AWS networks.
 *
 * Entities live in records keyed by their id (AWS ids when imported, generated ids when drawn).
 * Everything the engine needs is here; node positions live apart in `layout` so that analysis can
 * be memoised on the network alone and never re-runs because something was dragged.
 */

/** IANA protocol as AWS accepts it: a name for the four it names, `all` for -1, else the number. */
export type Protocol = 'all' | 'tcp' | 'udp' | 'icmp' | 'icmpv6' | number;

/** An inclusive destination port range (tcp/udp). */
export interface PortRange {
  from: number;
  to: number;
}

/** ICMP type and code; -1 is the wildcard (type -1 implies code -1). */
export interface IcmpMatch {
  type: number;
  code: number;
}

/** What a rule or an ACL entry matches besides addresses. `ports` only for tcp/udp, `icmp` only for icmp/icmpv6. */
export interface TrafficMatch {
  protocol: Protocol;
  ports?: PortRange;
  icmp?: IcmpMatch;
}

export type Tags = Record<string, string>;

export interface Vpc {
  id: string;
  name: string;
  region: string;
  /** Primary IPv4 CIDR first, then secondary ones; canonical form. */
  cidrs: string[];
  ipv6Cidrs: string[];
  /** The main route table: used by every subnet without an explicit association. */
  mainRouteTableId?: string;
  /** The default network ACL: used by every subnet without an explicit association. */
  defaultNetworkAclId?: string;
  ownerId?: string;
  tags?: Tags;
}

export interface Subnet {
  id: string;
  name: string;
  vpcId: string;
  availabilityZone: string;
  cidr: string;
  ipv6Cidr?: string;
  /** Explicit route-table association; absent means the VPC's main table. */
  routeTableId?: string;
  /** Explicit network-ACL association; absent means the VPC's default ACL. */
  networkAclId?: string;
  tags?: Tags;
}

export type RouteDestination = { cidr: string } | { prefixListId: string };

export type RouteTarget =
  | { kind: 'local' }
  | { kind: 'internet-gateway'; id: string }
  | { kind: 'nat-gateway'; id: string }
  | { kind: 'peering'; id: string }
  /** Targets the engine does not model (VGW, TGW, ENI, endpoints): traffic sent there leaves the design. */
  | { kind: 'other'; id: string };

export interface Route {
  destination: RouteDestination;
  target: RouteTarget;
  /** As AWS reports it; the engine also treats a route whose target is gone or inactive as a blackhole. */
  state: 'active' | 'blackhole';
}

export interface RouteTable {
  id: string;
  name: string;
  vpcId: string;
  /** Local routes are implicit (one per VPC CIDR) and need not be listed; listing them is harmless. */
  routes: Route[];
  tags?: Tags;
}

export interface InternetGateway {
  id: string;
  name: string;
  /** The VPC it is attached to; absent when detached. */
  vpcId?: string;
  tags?: Tags;
}

export interface NatGateway {
  id: string;
  name: string;
  subnetId: string;
  connectivity: 'public' | 'private';
  /** Elastic IP of a public NAT gateway. */
  publicIp?: string;
  privateIp?: string;
  state?: 'available' | 'pending' | 'failed' | 'deleting' | 'deleted';
  tags?: Tags;
}

/** The states AWS reports for a VPC peering connection; only `active` carries traffic. */
export const PEERING_STATUSES = [
  'active',
  'pending-acceptance',
  'initiating-request',
  'provisioning',
  'deleted',
  'deleting',
  'rejected',
  'failed',
  'expired',
] as const;
export type PeeringStatus = (typeof PEERING_STATUSES)[number];

export interface PeeringSide {
  vpcId: string;
  region: string;
  ownerId?: string;
  /** The peer VPC's CIDRs as AWS reports them: needed when that VPC is not in the design. */
  cidrs?: string[];
  ipv6Cidrs?: string[];
}

export interface VpcPeering {
  id: string;
  name: string;
  requester: PeeringSide;
  accepter: PeeringSide;
  status: PeeringStatus;
  tags?: Tags;
}

export interface NetworkAclEntry {
  /** 1..32766; evaluated lowest first. The implicit `*` deny is not stored. */
  ruleNumber: number;
  egress: boolean;
  action: 'allow' | 'deny';
  /** An IPv4 or IPv6 CIDR: an entry matches one address family. */
  cidr: string;
  match: TrafficMatch;
}

export interface NetworkAcl {
  id: string;
  name: string;
  vpcId: string;
  isDefault: boolean;
  entries: NetworkAclEntry[];
  tags?: Tags;
}

export interface PrefixListEntry {
  cidr: string;
  description?: string;
}

export interface PrefixList {
  id: string;
  name: string;
  addressFamily: 'IPv4' | 'IPv6';
  /** Counts against the security-group rule quota in place of the single rule that references it. */
  maxEntries: number;
  entries: PrefixListEntry[];
}

/** Who a security-group rule admits (ingress) or lets traffic go to (egress). */
export type RulePeer =
  | { kind: 'cidr'; cidr: string }
  | { kind: 'prefix-list'; prefixListId: string }
  | {
      kind: 'security-group';
      groupId: string;
      /** Owner account when the group is another account's. */
      ownerId?: string;
      /** Set when the referenced group lives in a peered VPC. */
      peeringId?: string;
      /** EC2-Classic-era output may name the group only. */
      groupName?: string;
    };

export interface SecurityGroupRule {
  /** Stable within the design (`sgr-…` when imported). */
  id: string;
  match: TrafficMatch;
  peer: RulePeer;
  description?: string;
}

export interface SecurityGroup {
  id: string;
  name: string;
  description: string;
  vpcId: string;
  /** The VPC's `default` group. */
  isDefault: boolean;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
  ownerId?: string;
  tags?: Tags;
}

/** A network interface: where a resource meets a subnet. Its groups decide what it may send and accept. */
export interface Eni {
  id: string;
  subnetId: string;
  /** Primary private IPv4 first. */
  privateIps: string[];
  /** Public IPv4 or Elastic IP. */
  publicIp?: string;
  ipv6Ips: string[];
  securityGroupIds: string[];
  description?: string;
}

export type InstanceRole = 'web' | 'app' | 'bastion' | 'other';

/** Decides the client's ephemeral port range, which a stateless NACL must let back in. */
export type Platform = 'linux' | 'windows';

interface ResourceBase {
  id: string;
  name: string;
  enis: Eni[];
  tags?: Tags;
}

export interface Instance extends ResourceBase {
  kind: 'instance';
  role: InstanceRole;
  platform: Platform;
}

/** N identical instances (an auto scaling group): one representative ENI per subnet. */
export interface InstanceGroup extends ResourceBase {
  kind: 'instance-group';
  role: InstanceRole;
  platform: Platform;
  count: number;
}

export interface Listener {
  id: string;
  protocol: 'HTTP' | 'HTTPS';
  port: number;
  /** Default action: forward to this target group. */
  targetGroupId: string;
}

export interface Target {
  resourceId: string;
  /** Overrides the target group's port for this target. */
  port?: number;
}

export interface TargetGroup {
  id: string;
  name: string;
  protocol: 'HTTP' | 'HTTPS';
  port: number;
  /** `traffic-port` means the target's own port. */
  healthCheckPort: number | 'traffic-port';
  targets: Target[];
}

export interface LoadBalancer extends ResourceBase {
  kind: 'load-balancer';
  /** AWS ARN when imported. */
  arn?: string;
  scheme: 'internet-facing' | 'internal';
  /** One ENI per enabled subnet (and so per enabled AZ). */
  listeners: Listener[];
  targetGroups: TargetGroup[];
}

export interface Database extends ResourceBase {
  kind: 'database';
  engine: string;
  port: number;
  publiclyAccessible: boolean;
  /** The DB subnet group; the ENIs sit in some of these subnets. */
  subnetIds: string[];
}

export interface LambdaFunction extends ResourceBase {
  kind: 'lambda';
}

export type Resource = Instance | InstanceGroup | LoadBalancer | Database | LambdaFunction;
export type ResourceKind = Resource['kind'];

/** A network outside AWS: the Internet, or a named range such as a corporate or vendor network. */
export interface ExternalNetwork {
  id: string;
  name: string;
  kind: 'internet' | 'cidr';
  /** Empty for the Internet (it is everything not otherwise named). */
  cidrs: string[];
}

export interface NodeLayout {
  x: number;
  y: number;
  width?: number;
  height?: number;
}

export const SCHEMA_VERSION = 1 as const;

export interface Design {
  schemaVersion: typeof SCHEMA_VERSION;
  name: string;
  vpcs: Record<string, Vpc>;
  subnets: Record<string, Subnet>;
  routeTables: Record<string, RouteTable>;
  internetGateways: Record<string, InternetGateway>;
  natGateways: Record<string, NatGateway>;
  peerings: Record<string, VpcPeering>;
  networkAcls: Record<string, NetworkAcl>;
  prefixLists: Record<string, PrefixList>;
  securityGroups: Record<string, SecurityGroup>;
  resources: Record<string, Resource>;
  externalNetworks: Record<string, ExternalNetwork>;
  /** Positions and sizes of canvas nodes by entity id; not read by the engine. */
  layout: Record<string, NodeLayout>;
}

/** The record-valued keys of a design, in the order parents come before children. */
export const ENTITY_COLLECTIONS = [
  'vpcs',
  'subnets',
  'routeTables',
  'internetGateways',
  'natGateways',
  'peerings',
  'networkAcls',
  'prefixLists',
  'securityGroups',
  'resources',
  'externalNetworks',
] as const;
export type EntityCollection = (typeof ENTITY_COLLECTIONS)[number];

export function emptyDesign(name = 'Untitled design'): Design {
  return {
    schemaVersion: SCHEMA_VERSION,
    name,
    vpcs: {},
    subnets: {},
    routeTables: {},
    internetGateways: {},
    natGateways: {},
    peerings: {},
    networkAcls: {},
    prefixLists: {},
    securityGroups: {},
    resources: {},
    externalNetworks: {},
    layout: {},
  };
}
