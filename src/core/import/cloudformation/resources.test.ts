/** What AWS decides for a template's resources (default groups, public addresses, egress), and the resource kinds beyond the three tiers. */
import { describe, expect, it } from 'vitest';
import { reach } from '../../engine/index.ts';
import type { Design } from '../../model/types.ts';
import type { ImportWarning } from '../aws/warnings.ts';
import { importCloudFormation, type ImportedBundle } from './index.ts';

function one(resources: string, extra = ''): ImportedBundle {
  const text = `${extra}Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Igw:
    Type: AWS::EC2::InternetGateway
  Attach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw }
  Public:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a, MapPublicIpOnLaunch: true }
  Routes:
    Type: AWS::EC2::RouteTable
    Properties: { VpcId: !Ref Vpc }
  ToInternet:
    Type: AWS::EC2::Route
    Properties: { RouteTableId: !Ref Routes, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw }
  PublicRoutes:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: { SubnetId: !Ref Public, RouteTableId: !Ref Routes }
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 }]
${resources}`;
  const r = importCloudFormation([{ name: 't.yaml', text }]);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const warned = (ws: ImportWarning[], code: string): string[] => ws.filter((w) => w.code === code).map((w) => w.message);
const fromInternet = (d: Design, resourceId: string, port: number) => reach(d, { kind: 'internet' }, { kind: 'resource', resourceId }, { protocol: 'tcp', port });

describe('what AWS decides at launch', () => {
  it('an instance that names no group joins the default group; rules and ACL entries may name the defaults', () => {
    const { design: d } = one(`  Box:
    Type: AWS::EC2::Instance
    Properties: { SubnetId: !Ref Public, PrivateIpAddress: 10.0.1.20 }
  AdminToDefault:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: { GroupId: !GetAtt Vpc.DefaultSecurityGroup, IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 198.51.100.0/24 }
  DenyTelnet:
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: !GetAtt Vpc.DefaultNetworkAcl, RuleNumber: 50, Protocol: 6, RuleAction: deny, CidrBlock: 0.0.0.0/0, PortRange: { From: 23, To: 23 } }
`);
    expect(d.resources.Box!.enis[0]!.securityGroupIds).toEqual(['Vpc-default-sg']);
    expect(d.securityGroups['Vpc-default-sg']!.ingress.map((r) => r.id)).toEqual(['Vpc-default-sg-ingress-self', 'AdminToDefault']);
    expect(d.networkAcls['Vpc-default-acl']!.entries.map((e) => [e.ruleNumber, e.egress, e.action])).toEqual([
      [50, false, 'deny'],
      [100, false, 'allow'],
      [100, true, 'allow'],
    ]);
  });

  it('a public address (a marked stand-in) where the subnet maps one, an Elastic IP is associated, or the interface asks', () => {
    const { design: d, warnings } = one(`  Mapped:
    Type: AWS::EC2::Instance
    Properties: { SubnetId: !Ref Public, SecurityGroupIds: [!Ref Web] }
  Declined:
    Type: AWS::EC2::Instance
    Properties:
      NetworkInterfaces: [{ DeviceIndex: "0", SubnetId: !Ref Public, GroupSet: [!Ref Web], AssociatePublicIpAddress: false }]
  Private:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: us-east-1a }
  WithEip:
    Type: AWS::EC2::Instance
    Properties: { SubnetId: !Ref Private, SecurityGroupIds: [!Ref Web] }
  Eip:
    Type: AWS::EC2::EIP
    Properties: { InstanceId: !Ref WithEip }
`);
    expect(d.resources.Mapped!.enis[0]!.publicIp).toBe('192.0.2.10');
    expect(d.resources.Declined!.enis[0]!.publicIp).toBeUndefined();
    expect(d.resources.WithEip!.enis[0]!.publicIp).toBe('192.0.2.11');
    expect(warned(warnings, 'import/cfn-stand-in-address')).toEqual([
      't.yaml: Resources.Mapped.Properties.SubnetId: AWS gives instance Mapped its public address at launch; 192.0.2.10 stands in for it.',
      't.yaml: Resources.WithEip: AWS gives instance WithEip its public address at launch; 192.0.2.11 stands in for it.',
    ]);
    expect(fromInternet(d, 'Mapped', 80).verdict).toBe('reachable');
    expect(fromInternet(d, 'Declined', 80)).toMatchObject({ verdict: 'unreachable', explanations: [{ code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS' }] });
  });

  it('a group that declares no egress keeps allow-all; the 127.0.0.1/32 stand-in means none', () => {
    const { design: d } = one(`  Closed:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: closed
      VpcId: !Ref Vpc
      SecurityGroupEgress: [{ IpProtocol: "-1", CidrIp: 127.0.0.1/32 }]
`);
    expect(d.securityGroups.Web!.egress).toEqual([{ id: 'Web-egress-all', match: { protocol: 'all' }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } }]);
    expect(d.securityGroups.Closed!.egress).toEqual([]);
  });

  it('a group without VpcId goes to a marked stand-in for the default VPC', () => {
    const { design: d, warnings } = one(`  Classic:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: classic }
`);
    expect(d.securityGroups.Classic!.vpcId).toBe('default-vpc');
    expect(warned(warnings, 'import/cfn-default-vpc')).toHaveLength(1);
  });
});

describe('interfaces, peerings and CIDR blocks', () => {
  it('network interfaces: attached by a NetworkInterfaces entry or an attachment; an unattached one is left out', () => {
    const { design: d, warnings } = one(`  Primary:
    Type: AWS::EC2::NetworkInterface
    Properties: { SubnetId: !Ref Public, PrivateIpAddress: 10.0.1.50, GroupSet: [!Ref Web] }
  Second:
    Type: AWS::EC2::NetworkInterface
    Properties: { SubnetId: !Ref Public, PrivateIpAddresses: [{ PrivateIpAddress: 10.0.1.51, Primary: true }, { PrivateIpAddress: 10.0.1.52, Primary: false }] }
  Spare:
    Type: AWS::EC2::NetworkInterface
    Properties: { SubnetId: !Ref Public }
  Box:
    Type: AWS::EC2::Instance
    Properties:
      NetworkInterfaces: [{ DeviceIndex: 0, NetworkInterfaceId: !Ref Primary }]
  SecondOnBox:
    Type: AWS::EC2::NetworkInterfaceAttachment
    Properties: { InstanceId: !Ref Box, NetworkInterfaceId: !Ref Second, DeviceIndex: 1 }
`);
    expect(d.resources.Box!.enis.map((e) => [e.id, e.privateIps, e.securityGroupIds, e.publicIp])).toEqual([
      ['Primary', ['10.0.1.50'], ['Web'], undefined],
      ['Second', ['10.0.1.51', '10.0.1.52'], ['Vpc-default-sg'], undefined],
    ]);
    expect(Object.keys(d.resources)).toEqual(['Box']);
    expect(warned(warnings, 'import/unattached-interface')).toEqual(['t.yaml: Resources.Spare.Properties: interface Spare is not attached to anything; it was left out.']);
  });

  it('a rule naming a group across a peering carries the peering; the peer VPC is reachable', () => {
    const { design: d } = one(`  Data:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.1.0.0/16 }
  DataSubnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Data, CidrBlock: 10.1.1.0/24, AvailabilityZone: us-east-1a }
  Peering:
    Type: AWS::EC2::VPCPeeringConnection
    Properties: { VpcId: !Ref Vpc, PeerVpcId: !Ref Data }
  ToData:
    Type: AWS::EC2::Route
    Properties: { RouteTableId: !Ref Routes, DestinationCidrBlock: 10.1.0.0/16, VpcPeeringConnectionId: !Ref Peering }
  DataRoutes:
    Type: AWS::EC2::RouteTable
    Properties: { VpcId: !Ref Data }
  Back:
    Type: AWS::EC2::Route
    Properties: { RouteTableId: !Ref DataRoutes, DestinationCidrBlock: 10.0.0.0/16, VpcPeeringConnectionId: !Ref Peering }
  DataAssociation:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: { SubnetId: !Ref DataSubnet, RouteTableId: !Ref DataRoutes }
  DbSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      VpcId: !Ref Data
      SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref Web }]
  App:
    Type: AWS::EC2::Instance
    Properties: { SubnetId: !Ref Public, SecurityGroupIds: [!Ref Web] }
  Db:
    Type: AWS::EC2::Instance
    Properties: { SubnetId: !Ref DataSubnet, SecurityGroupIds: [!Ref DbSG] }
`);
    expect(d.peerings.Peering).toMatchObject({ status: 'active', requester: { vpcId: 'Vpc', cidrs: ['10.0.0.0/16'] }, accepter: { vpcId: 'Data', cidrs: ['10.1.0.0/16'] } });
    expect(d.securityGroups.DbSG!.ingress[0]!.peer).toEqual({ kind: 'security-group', groupId: 'Web', peeringId: 'Peering' });
    expect(reach(d, { kind: 'resource', resourceId: 'App' }, { kind: 'resource', resourceId: 'Db' }, { protocol: 'tcp', port: 5432 }).verdict).toBe('reachable');
  });

  it('a secondary CIDR block joins its VPC; an Amazon-provided IPv6 block is unknown and said so', () => {
    const { design: d, warnings } = one(`  Secondary:
    Type: AWS::EC2::VPCCidrBlock
    Properties: { VpcId: !Ref Vpc, CidrBlock: 100.64.0.0/16 }
  Six:
    Type: AWS::EC2::VPCCidrBlock
    Properties: { VpcId: !Ref Vpc, AmazonProvidedIpv6CidrBlock: true }
`);
    expect(d.vpcs.Vpc!.cidrs).toEqual(['10.0.0.0/16', '100.64.0.0/16']);
    expect(d.vpcs.Vpc!.ipv6Cidrs).toEqual([]);
    expect(warned(warnings, 'import/cfn-unknown-cidr')).toEqual([
      't.yaml: Resources.Six.Properties: AWS picks the Amazon-provided IPv6 block when the stack is created, so VPC Vpc was imported without it (and its subnets without IPv6).',
    ]);
  });

  it('routes to prefix lists and to targets the engine does not model', () => {
    const { design: d } = one(`  Corp:
    Type: AWS::EC2::PrefixList
    Properties: { PrefixListName: corp, AddressFamily: IPv4, MaxEntries: 2, Entries: [{ Cidr: 198.51.100.0/24, Description: office }] }
  ToCorp:
    Type: AWS::EC2::Route
    Properties: { RouteTableId: !Ref Routes, DestinationPrefixListId: !GetAtt Corp.PrefixListId, TransitGatewayId: tgw-0123 }
  FromCorp:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: { GroupId: !Ref Web, IpProtocol: tcp, FromPort: 22, ToPort: 22, SourcePrefixListId: !Ref Corp }
`);
    expect(d.prefixLists.Corp).toEqual({ id: 'Corp', name: 'corp', addressFamily: 'IPv4', maxEntries: 2, entries: [{ cidr: '198.51.100.0/24', description: 'office' }] });
    expect(d.routeTables.Routes!.routes[1]).toEqual({ destination: { prefixListId: 'Corp' }, target: { kind: 'other', id: 'tgw-0123' }, state: 'active' });
    expect(d.securityGroups.Web!.ingress[1]).toEqual({ id: 'FromCorp', match: { protocol: 'tcp', ports: { from: 22, to: 22 } }, peer: { kind: 'prefix-list', prefixListId: 'Corp' } });
  });
});

describe('auto scaling, Aurora and functions', () => {
  const compute = `  Hosts:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: hosts, VpcId: !Ref Vpc }
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: { ImageId: ami-1, SecurityGroupIds: [!Ref Hosts] }
  Second:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: us-east-1b }
  Fleet:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: "2"
      MaxSize: "6"
      DesiredCapacity: "4"
      VPCZoneIdentifier: [!Ref Public, !Ref Second]
      LaunchTemplate: { LaunchTemplateId: !Ref Template, Version: !GetAtt Template.LatestVersionNumber }
      TargetGroupARNs: [!Ref Pool]
      Tags: [{ Key: Name, Value: web-fleet, PropagateAtLaunch: true }]
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Subnets: [!Ref Public, !Ref Second], SecurityGroups: [!Ref Web] }
  Pool:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { Port: 80, Protocol: HTTP, VpcId: !Ref Vpc }
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: { LoadBalancerArn: !Ref Alb, Port: 80, Protocol: HTTP, DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Pool }] }
  Api:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties: { ListenerArn: !Ref Http, Priority: 1, Conditions: [], Actions: [{ Type: forward, TargetGroupArn: !Ref Pool }] }
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties: { Engine: aurora-postgresql, Port: 5433, DBSubnetGroupName: !Ref DbSubnets, VpcSecurityGroupIds: [!Ref Hosts] }
  DbSubnets:
    Type: AWS::RDS::DBSubnetGroup
    Properties: { DBSubnetGroupDescription: db, SubnetIds: [!Ref Second] }
  Writer:
    Type: AWS::RDS::DBInstance
    Properties: { DBClusterIdentifier: !Ref Cluster, DBInstanceClass: db.r6g.large, Engine: aurora-postgresql }
  Plain:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: mysql, DBSubnetGroupName: !Ref DbSubnets }
  Outside:
    Type: AWS::Lambda::Function
    Properties: { Runtime: nodejs22.x, Handler: index.handler, Code: { ZipFile: x } }
`;

  it('an auto scaling group is an instance group with one interface per subnet, registered with its target groups', () => {
    const { design: d, warnings } = one(compute);
    expect(d.resources.Fleet).toMatchObject({ kind: 'instance-group', name: 'web-fleet', role: 'web', count: 4 });
    expect(d.resources.Fleet!.enis.map((e) => [e.subnetId, e.securityGroupIds, e.publicIp !== undefined])).toEqual([
      ['Public', ['Hosts'], true],
      ['Second', ['Hosts'], false],
    ]);
    expect(d.resources.Alb).toMatchObject({ listeners: [{ id: 'Http', port: 80, targetGroupId: 'Pool' }], targetGroups: [{ id: 'Pool', targets: [{ resourceId: 'Fleet' }] }] });
    expect(warned(warnings, 'import/cfn-listener-rules')).toEqual([
      "1 listener rule (AWS::ElasticLoadBalancingV2::ListenerRule) was read only for the target groups they forward to: the designer models each listener's default action, not its rules.",
    ]);
  });

  it('an Aurora instance takes port, subnets and groups from its cluster; a database without groups gets the default group', () => {
    const { design: d } = one(compute);
    expect(d.resources.Writer).toMatchObject({ kind: 'database', engine: 'aurora-postgresql', port: 5433, subnetIds: ['Second'] });
    expect(d.resources.Writer!.enis[0]!.securityGroupIds).toEqual(['Hosts']);
    expect(d.resources.Plain).toMatchObject({ engine: 'mysql', port: 3306 });
    expect(d.resources.Plain!.enis[0]!.securityGroupIds).toEqual(['Vpc-default-sg']);
  });

  it('a function outside any VPC is no network resource', () => {
    const { design: d, warnings } = one(compute);
    expect(d.resources.Outside).toBeUndefined();
    expect(warned(warnings, 'import/lambda-outside-vpc')).toEqual(['1 Lambda function is not attached to a VPC and was skipped.']);
  });
});

describe('templates with little in them', () => {
  it('no resources at all: an empty design and a warning', () => {
    const r = importCloudFormation([{ name: 'empty.yaml', text: 'Resources: {}\n' }]);
    expect(r.ok && Object.keys(r.value.design.vpcs)).toEqual([]);
    expect(r.ok && r.value.warnings.map((w) => w.code)).toEqual(['import/cfn-no-resources']);
  });
});
