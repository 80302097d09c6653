/**
 * The design under construction. Builders fill these maps from the bundle's lists; finalise.ts
 * resolves what is left open (addresses to synthesise, groups named only by name, references to
 * things the bundle lacks) before the single validation step.
 */
import type {
  InternetGateway,
  NatGateway,
  NetworkAcl,
  PrefixList,
  Resource,
  RouteTable,
  SecurityGroup,
  Subnet,
  Vpc,
  VpcPeering,
} from '../../model/types.ts';
import type { Cursor } from './cursor.ts';
import { WarningSink } from './warnings.ts';

/** A security group as an ENI or resource names it: by id, or (EC2-Classic) by name only. */
export interface GroupRef {
  id?: string;
  name?: string;
}

/** A network interface before its groups are resolved and (when synthesised) its address chosen. */
export interface RawEni {
  id: string;
  subnetId?: string;
  vpcId?: string;
  privateIps: string[];
  publicIp?: string;
  ipv6Ips: string[];
  groups: GroupRef[];
  description?: string;
  /** Not in the bundle: made up from the resource's subnets; its address is chosen in finalise. */
  synthetic?: boolean;
  at: Cursor;
}

/** A resource whose ENIs are still raw. */
export type DraftResource = Resource extends infer R ? (R extends Resource ? Omit<R, 'enis'> & { enis: RawEni[]; at: Cursor } : never) : never;

/** A table or ACL associated with a VPC or subnet, and where the bundle said so. */
export interface Association {
  id: string;
  at: Cursor;
}

export interface ImportOptions {
  /** The design's name; default "AWS <region>". */
  designName?: string;
  /** The Region of the bundle; default: read from the collector's "Region" key, availability zones or ARNs. */
  region?: string;
  /** Largest text accepted per file, in characters (default 64 Mi). */
  maxChars?: number;
}

export class ImportContext {
  readonly warnings = new WarningSink();
  readonly vpcs = new Map<string, Vpc>();
  /** VPCs describe-vpcs marks IsDefault (the Region's default VPC). */
  readonly defaultVpcs = new Set<string>();
  readonly subnets = new Map<string, Subnet>();
  readonly routeTables = new Map<string, RouteTable>();
  readonly internetGateways = new Map<string, InternetGateway>();
  readonly natGateways = new Map<string, NatGateway>();
  readonly peerings = new Map<string, VpcPeering>();
  readonly networkAcls = new Map<string, NetworkAcl>();
  readonly prefixLists = new Map<string, PrefixList>();
  readonly securityGroups = new Map<string, SecurityGroup>();
  readonly resources = new Map<string, DraftResource>();
  /** VPC CIDRs learnt outside describe-vpcs (local routes, peering info): for stand-in VPCs. */
  readonly vpcCidrHints = new Map<string, string[]>();
  /** Main route table per VPC, and explicit route-table associations per subnet. */
  readonly mainRouteTables = new Map<string, Association>();
  readonly subnetRouteTables = new Map<string, Association>();
  /** Default network ACL per VPC, and network-ACL associations per subnet. */
  readonly defaultNetworkAcls = new Map<string, Association>();
  readonly subnetNetworkAcls = new Map<string, Association>();
  /** Network interfaces of NAT gateways (from NatGatewayAddresses): ENI id to gateway id. */
  readonly natInterfaces = new Map<string, string>();
  /** Imported load balancers by ARN: listeners and target groups name them so. */
  readonly loadBalancersByArn = new Map<string, string>();
  /** Where each entity came from, keyed `collection/id`. */
  readonly origins = new Map<string, Cursor>();

  constructor(
    readonly options: ImportOptions,
    /** The bundle's Region as far as it can be told; finalise fills VPCs' regions from it. */
    public region: string | undefined,
  ) {}

  warn(code: string, message: string, at?: Cursor, subject?: string): void {
    this.warnings.add({
      code,
      message: at ? `${at.file}: ${at.where}: ${message}` : message,
      ...(at ? { file: at.file, path: at.where } : {}),
      ...(subject ? { subject } : {}),
    });
  }

  hintVpcCidr(vpcId: string, cidr: string): void {
    const list = this.vpcCidrHints.get(vpcId) ?? [];
    if (!list.includes(cidr)) list.push(cidr);
    this.vpcCidrHints.set(vpcId, list);
  }

  /**
   * Stores an entity unless its id is taken. A repeat of the same item (the same file given
   * twice, overlapping bundles) is silent; a different item under a known id is a warning and the
   * first one stays.
   */
  put<T>(collection: string, map: Map<string, T>, id: string, entity: T, at: Cursor): boolean {
    const key = `${collection}/${id}`;
    const first = this.origins.get(key);
    if (first) {
      if (!sameJson(first.value, at.value)) {
        this.warn('import/duplicate', `${id} appears again with different content; the first one (${first.file}: ${first.where}) is kept.`, at, id);
      }
      return false;
    }
    this.origins.set(key, at);
    map.set(id, entity);
    return true;
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}
