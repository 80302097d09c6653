/**
 * Fn::GetAtt: which attributes the templates themselves decide. An id attribute gives the
 * resource's id as the importer writes it; some give a property's value (a VPC's CidrBlock, a
 * subnet's zone); the VPC's default group and ACL are the ones the importer adds for it. The
 * rest (DNS names, public addresses) AWS fills in at deploy time.
 */

import { lambdaArn } from './ids.ts';

export type AttributeRule =
  | { kind: 'id' }
  | { kind: 'property'; key: string }
  /** Computed from the resource's design id (a default group, a function ARN). */
  | { kind: 'derived'; from: (designId: string) => string };

const id: AttributeRule = { kind: 'id' };
const property = (key: string): AttributeRule => ({ kind: 'property', key });

/** The design ids of what AWS creates with every VPC (as src/core/model/builder.ts names them). */
export const mainRouteTableOf = (vpcId: string): string => `${vpcId}-main-rt`;
export const defaultAclOf = (vpcId: string): string => `${vpcId}-default-acl`;
export const defaultGroupOf = (vpcId: string): string => `${vpcId}-default-sg`;

export const ATTRIBUTES: Record<string, Record<string, AttributeRule>> = {
  'AWS::EC2::VPC': {
    VpcId: id,
    CidrBlock: property('CidrBlock'),
    DefaultSecurityGroup: { kind: 'derived', from: (vpc) => defaultGroupOf(vpc) },
    DefaultNetworkAcl: { kind: 'derived', from: (vpc) => defaultAclOf(vpc) },
  },
  'AWS::EC2::Subnet': { SubnetId: id, AvailabilityZone: property('AvailabilityZone'), CidrBlock: property('CidrBlock'), VpcId: property('VpcId') },
  'AWS::EC2::SecurityGroup': { GroupId: id, VpcId: property('VpcId') },
  'AWS::EC2::EIP': { AllocationId: id },
  'AWS::EC2::NatGateway': { NatGatewayId: id },
  'AWS::EC2::InternetGateway': { InternetGatewayId: id },
  'AWS::EC2::RouteTable': { RouteTableId: id },
  'AWS::EC2::NetworkAcl': { Id: id },
  'AWS::EC2::NetworkInterface': { Id: id, PrimaryPrivateIpAddress: property('PrivateIpAddress') },
  'AWS::EC2::Instance': { InstanceId: id, PrivateIp: property('PrivateIpAddress'), AvailabilityZone: property('AvailabilityZone') },
  'AWS::EC2::VPCPeeringConnection': { Id: id },
  'AWS::EC2::PrefixList': { PrefixListId: id },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { LoadBalancerArn: id, LoadBalancerName: property('Name'), SecurityGroups: property('SecurityGroups') },
  'AWS::ElasticLoadBalancingV2::TargetGroup': { TargetGroupArn: id, TargetGroupName: property('Name') },
  'AWS::ElasticLoadBalancingV2::Listener': { ListenerArn: id },
  'AWS::Lambda::Function': { Arn: { kind: 'derived', from: (fn) => lambdaArn(fn) } },
  'AWS::RDS::DBInstance': { 'Endpoint.Port': property('Port') },
  'AWS::RDS::DBCluster': { 'Endpoint.Port': property('Port') },
};
