/** Option shapes of the design builder's methods. */
import type { InstanceRole, PeeringSide, PeeringStatus, Platform, Route } from './types.ts';
import type { RuleSpec } from './builder-rules.ts';

/** `[destination, target]` or `[destination, target, 'blackhole']`. Destination: a CIDR or a prefix-list id; target: `local` or the id of an internet gateway, NAT gateway or peering. */
export type RouteSpec = readonly [string, string] | readonly [string, string, 'active' | 'blackhole'] | Route;

export interface VpcOptions {
  name?: string;
  region?: string;
  secondaryCidrs?: string[];
  ipv6Cidr?: string;
  ownerId?: string;
}

export interface SubnetOptions {
  name?: string;
  /** Defaults to the VPC whose CIDR holds the subnet, else the last VPC added. */
  vpc?: string;
  ipv6Cidr?: string;
  /** Gives the subnet its own route table with these routes. */
  routes?: RouteSpec[];
  /** Associates an existing (or later) route table. */
  routeTable?: string;
  /** Associates an existing (or later) network ACL. */
  nacl?: string;
}

export interface GroupOptions {
  name?: string;
  description?: string;
  vpc?: string;
  ingress?: RuleSpec[];
  /** Omitted: AWS's allow-all egress of a new group. `[]`: nothing may leave. */
  egress?: RuleSpec[];
  ownerId?: string;
}

export interface EniSpec {
  subnet: string;
  groups?: string[];
  /** Private IPv4; given automatically from the subnet when absent. */
  ip?: string;
  /** `true`: an automatic public address; a string: that address (an Elastic IP). */
  publicIp?: string | boolean;
  /** `true`: an automatic address from the subnet's IPv6 CIDR. */
  ipv6?: string | boolean;
}

export interface InstanceOptions extends Partial<EniSpec> {
  name?: string;
  role?: InstanceRole;
  platform?: Platform;
  /** Several network interfaces; overrides the single-interface fields. */
  enis?: EniSpec[];
}

export interface InstanceGroupOptions {
  name?: string;
  subnets: string[];
  groups?: string[];
  count?: number;
  role?: InstanceRole;
  platform?: Platform;
  publicIp?: boolean;
  ipv6?: boolean;
}

export interface TargetGroupSpec {
  id: string;
  name?: string;
  port: number;
  protocol?: 'HTTP' | 'HTTPS';
  healthCheckPort?: number | 'traffic-port';
  /** Resource ids, or `{ resource, port }` to override the port. */
  targets: Array<string | { resource: string; port?: number }>;
}

export interface ListenerSpec {
  port: number;
  protocol?: 'HTTP' | 'HTTPS';
  targetGroup: string;
  id?: string;
}

export interface LoadBalancerOptions {
  name?: string;
  subnets: string[];
  groups?: string[];
  scheme?: 'internet-facing' | 'internal';
  listeners?: ListenerSpec[];
  targetGroups?: TargetGroupSpec[];
  ipv6?: boolean;
}

export interface DatabaseOptions {
  name?: string;
  /** The DB subnet group. */
  subnets: string[];
  /** Where the ENIs sit; defaults to the first subnet of the group (single-AZ). */
  eniSubnets?: string[];
  groups?: string[];
  engine?: string;
  port?: number;
  publiclyAccessible?: boolean;
}

export interface LambdaOptions {
  name?: string;
  subnets: string[];
  groups?: string[];
}

export interface NatOptions {
  name?: string;
  /** An Elastic IP; automatic unless `false`. */
  publicIp?: string | false;
  connectivity?: 'public' | 'private';
  state?: 'available' | 'pending' | 'failed' | 'deleting' | 'deleted';
  ip?: string;
}

/** The other side of a peering: a VPC of the design, or one outside it. */
export type PeerVpcSpec = string | PeeringSide;

export interface PeeringOptions {
  name?: string;
  status?: PeeringStatus;
}
