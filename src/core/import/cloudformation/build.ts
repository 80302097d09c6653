/**
 * The state of one translation: the resources of every template (with their conditions decided),
 * the describe items written so far by id, so that a later resource (a route, an ACL entry, a
 * standalone rule) can join the item it belongs to, and what finish.ts must put right afterwards.
 */
import { defaultGroupOf } from './attributes.ts';
import type { Draft } from './draft.ts';
import { ResourceReader } from './reader.ts';
import type { Scope } from './scope.ts';
import { Unresolved } from './values.ts';

export type Item = Record<string, unknown>;

export interface VpcEntry {
  item: Item;
  reader: ResourceReader;
  /** Known IPv4 CIDRs, primary first. */
  cidrs: string[];
  ipv6: boolean;
}

export interface SubnetEntry {
  vpcId: string | undefined;
  zone: string | undefined;
  mapPublicIp: boolean;
}

/** Resource types the translation reads (directly, or as part of another resource). */
export const MODELLED_TYPES = new Set([
  'AWS::EC2::VPC',
  'AWS::EC2::VPCCidrBlock',
  'AWS::EC2::Subnet',
  'AWS::EC2::RouteTable',
  'AWS::EC2::Route',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::InternetGateway',
  'AWS::EC2::VPCGatewayAttachment',
  'AWS::EC2::NatGateway',
  'AWS::EC2::EIP',
  'AWS::EC2::EIPAssociation',
  'AWS::EC2::NetworkAcl',
  'AWS::EC2::NetworkAclEntry',
  'AWS::EC2::SubnetNetworkAclAssociation',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::SecurityGroupEgress',
  'AWS::EC2::VPCPeeringConnection',
  'AWS::EC2::Instance',
  'AWS::EC2::NetworkInterface',
  'AWS::EC2::NetworkInterfaceAttachment',
  'AWS::EC2::PrefixList',
  'AWS::EC2::LaunchTemplate',
  'AWS::AutoScaling::AutoScalingGroup',
  'AWS::AutoScaling::LaunchConfiguration',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::ElasticLoadBalancingV2::ListenerRule',
  'AWS::ElasticLoadBalancingV2::TargetGroup',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBSubnetGroup',
  'AWS::RDS::DBCluster',
  'AWS::Lambda::Function',
]);

export class Build {
  private readonly byType = new Map<string, ResourceReader[]>();
  private readonly byId = new Map<string, ResourceReader>();
  readonly vpcs = new Map<string, VpcEntry>();
  readonly subnets = new Map<string, SubnetEntry>();
  readonly routeTables = new Map<string, Item>();
  readonly networkAcls = new Map<string, Item>();
  /** By the id a Ref gives (`igw-<id>`). */
  readonly internetGateways = new Map<string, Item>();
  /** Security groups by id, with their VPC: the default group of each VPC too. */
  readonly groups = new Map<string, { vpcId: string }>();
  /** Group references of rules, to mark the ones that cross a peering once all are known. */
  readonly groupReferences: Array<{ owner: string; info: Item }> = [];
  readonly peerings: Array<{ id: string; requester: string; accepter: string }> = [];
  /** Target groups by ARN (as a Ref gives it). */
  readonly targetGroups = new Map<string, Item>();
  /** Instances and interfaces (by id) an Elastic IP is associated with. */
  readonly elasticIps = new Set<string>();
  /** Network interfaces an instance declares in its NetworkInterfaces: not imported again on their own. */
  readonly claimedInterfaces = new Set<string>();
  /** Resource names to set after the import where the describe form has no field for them (`resources/<id>`). */
  readonly names = new Map<string, string>();
  /** Instances that stand for auto scaling groups: made instance groups of this size afterwards. */
  readonly instanceGroups = new Map<string, number>();

  constructor(
    readonly scope: Scope,
    readonly draft: Draft,
  ) {
    for (const t of scope.templates) {
      draft.touch(t.file);
      const evaluator = scope.evaluator(t);
      for (const r of t.resources.values()) {
        const reader = new ResourceReader(scope, t, r);
        if (MODELLED_TYPES.has(r.type)) {
          const created = evaluator.created(r.logicalId);
          if (created === false) {
            scope.warn('import/cfn-condition-false', `the condition ${r.condition} is false with the parameters' defaults, so ${r.logicalId} is not created and was left out.`, r.at.at('Condition'), reader.id);
            continue;
          }
          if (created instanceof Unresolved) {
            scope.warn('import/cfn-condition-unknown', `whether ${r.logicalId} is created depends on its condition ${r.condition}, which cannot be decided (${created.reason}); it was imported.`, r.at.at('Condition'), reader.id);
          }
        }
        this.byType.set(r.type, [...(this.byType.get(r.type) ?? []), reader]);
        this.byId.set(reader.id, reader);
      }
    }
  }

  /** The resources of a type across all templates, in template order. */
  readers(type: string): ResourceReader[] {
    return this.byType.get(type) ?? [];
  }

  /** The resource behind a design id, when the templates declare it. */
  reader(id: string): ResourceReader | undefined {
    return this.byId.get(id);
  }

  /** Resource types present that the translation does not read, per file, with counts. */
  notModelled(): Map<string, Map<string, number>> {
    const out = new Map<string, Map<string, number>>();
    for (const [type, readers] of this.byType) {
      if (MODELLED_TYPES.has(type)) continue;
      for (const r of readers) {
        const counts = out.get(r.file) ?? new Map<string, number>();
        counts.set(type, (counts.get(type) ?? 0) + 1);
        out.set(r.file, counts);
      }
    }
    return out;
  }

  /** The default group of the VPC a subnet is in: what AWS gives an interface that names no group. */
  defaultGroupOfSubnet(subnetId: string | undefined): string | undefined {
    const vpcId = subnetId ? this.subnets.get(subnetId)?.vpcId : undefined;
    return vpcId && this.vpcs.has(vpcId) ? defaultGroupOf(vpcId) : undefined;
  }
}
