/**
 * A whole Region's bundle written out by hand: every describe command of formats.md with the
 * shapes the importer must tolerate, checked entity by entity.
 */
import { describe, expect, it } from 'vitest';
import type { Database, Design, Instance, LambdaFunction, LoadBalancer } from '../../model/types.ts';
import { importDescribeBundle, type BundleInput } from './index.ts';
import type { ImportWarning } from './warnings.ts';

const ALB_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web-alb/abc123';
const NLB_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/tcp-nlb/def456';
const TG_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web-tg/0011';
const IP_TG_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/ip-tg/0022';
const LAMBDA_TG_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/fn-tg/0033';
const sg = (GroupId: string, GroupName: string) => ({ GroupId, GroupName });
const allOut = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], UserIdGroupPairs: [], PrefixListIds: [] }];

const files: Record<string, Record<string, unknown>> = {
  'vpcs.json': {
    Region: 'eu-west-1',
    Vpcs: [
      {
        VpcId: 'vpc-main',
        CidrBlock: '10.1.0.0/16',
        CidrBlockAssociationSet: [
          { CidrBlock: '10.1.0.0/16', CidrBlockState: { State: 'associated' } },
          { CidrBlock: '100.64.0.0/20', CidrBlockState: { State: 'associated' } },
          { CidrBlock: '192.168.0.0/24', CidrBlockState: { State: 'disassociated' } },
        ],
        Ipv6CidrBlockAssociationSet: [{ Ipv6CidrBlock: '2001:DB8:1::/56', Ipv6CidrBlockState: { State: 'associated' } }],
        IsDefault: false,
        OwnerId: '111111111111',
        Tags: [{ Key: 'Name', Value: 'prod' }],
      },
      { VpcId: 'vpc-default', CidrBlock: '172.31.0.0/16', IsDefault: true, Tags: null },
    ],
  },
  'subnets.json': {
    Subnets: [
      { SubnetId: 'subnet-pub-a', VpcId: 'vpc-main', AvailabilityZone: 'eu-west-1a', CidrBlock: '10.1.0.0/24', Tags: [{ Key: 'Name', Value: 'public-a' }] },
      { SubnetId: 'subnet-pub-b', VpcId: 'vpc-main', AvailabilityZone: 'eu-west-1b', CidrBlock: '10.1.1.0/24' },
      {
        SubnetId: 'subnet-priv-a',
        VpcId: 'vpc-main',
        AvailabilityZone: 'eu-west-1a',
        CidrBlock: '10.1.10.7/24',
        Ipv6CidrBlockAssociationSet: [{ Ipv6CidrBlock: '2001:db8:1:a::/64', Ipv6CidrBlockState: { State: 'associated' } }],
      },
      { SubnetId: 'subnet-priv-b', VpcId: 'vpc-main', AvailabilityZone: 'eu-west-1b', CidrBlock: '10.1.11.0/24' },
      { SubnetId: 'subnet-default-a', VpcId: 'vpc-default', AvailabilityZone: 'eu-west-1a', CidrBlock: '172.31.0.0/20' },
    ],
  },
  'route-tables.json': {
    RouteTables: [
      {
        RouteTableId: 'rtb-main',
        VpcId: 'vpc-main',
        Associations: [
          { Main: true, RouteTableAssociationId: 'rtbassoc-1', RouteTableId: 'rtb-main' },
          { Main: false, RouteTableId: 'rtb-main', GatewayId: 'igw-1' },
        ],
        Routes: [
          { DestinationCidrBlock: '10.1.0.0/16', GatewayId: 'local', State: 'active' },
          { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' },
          { DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-1', State: 'active' },
        ],
      },
      {
        RouteTableId: 'rtb-private',
        VpcId: 'vpc-main',
        Associations: [
          { Main: false, SubnetId: 'subnet-priv-a', AssociationState: { State: 'associated' } },
          { Main: false, SubnetId: 'subnet-priv-b' },
          { Main: false, SubnetId: 'subnet-pub-b', AssociationState: { State: 'disassociated' } },
        ],
        Routes: [
          { DestinationCidrBlock: '10.1.0.0/16', GatewayId: 'local', State: 'active' },
          { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' },
          { DestinationCidrBlock: '10.9.0.0/16', VpcPeeringConnectionId: 'pcx-1', State: 'active' },
          { DestinationCidrBlock: '10.8.0.0/16', VpcPeeringConnectionId: 'pcx-2', State: 'blackhole' },
          { DestinationPrefixListId: 'pl-s3', GatewayId: 'vpce-s3', State: 'active' },
          { DestinationCidrBlock: '192.0.2.0/24', TransitGatewayId: 'tgw-1' },
        ],
        Tags: [{ Key: 'Name', Value: 'private' }],
      },
    ],
  },
  'internet-gateways.json': { InternetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-main', State: 'available' }] }] },
  'nat-gateways.json': {
    NatGateways: [
      {
        NatGatewayId: 'nat-1',
        SubnetId: 'subnet-pub-a',
        VpcId: 'vpc-main',
        State: 'available',
        ConnectivityType: 'public',
        NatGatewayAddresses: [{ NetworkInterfaceId: 'eni-nat', PublicIp: '52.0.0.1', IsPrimary: true }],
      },
      { NatGatewayId: 'nat-old', SubnetId: 'subnet-pub-b', State: 'deleted', NatGatewayAddresses: [] },
    ],
  },
  'peerings.json': {
    VpcPeeringConnections: [
      {
        VpcPeeringConnectionId: 'pcx-1',
        RequesterVpcInfo: { VpcId: 'vpc-main', OwnerId: '111111111111', Region: 'eu-west-1', CidrBlock: '10.1.0.0/16' },
        AccepterVpcInfo: { VpcId: 'vpc-partner', OwnerId: '222222222222', Region: 'eu-central-1', CidrBlockSet: [{ CidrBlock: '10.9.0.0/16' }] },
        Status: { Code: 'active', Message: 'Active' },
      },
      {
        VpcPeeringConnectionId: 'pcx-2',
        RequesterVpcInfo: { VpcId: 'vpc-main', CidrBlock: '10.1.0.0/16' },
        AccepterVpcInfo: { VpcId: 'vpc-other', CidrBlock: '10.8.0.0/16' },
        Status: { Code: 'pending-acceptance' },
      },
    ],
  },
  'network-acls.json': {
    NetworkAcls: [
      {
        NetworkAclId: 'acl-default',
        VpcId: 'vpc-main',
        IsDefault: true,
        Associations: [{ SubnetId: 'subnet-pub-a' }, { SubnetId: 'subnet-pub-b' }],
        Entries: [
          { RuleNumber: 100, Egress: false, RuleAction: 'allow', Protocol: '-1', CidrBlock: '0.0.0.0/0' },
          { RuleNumber: 32767, Egress: false, RuleAction: 'deny', Protocol: '-1', CidrBlock: '0.0.0.0/0' },
          { RuleNumber: 100, Egress: true, RuleAction: 'allow', Protocol: '-1', CidrBlock: '0.0.0.0/0' },
          { RuleNumber: 32768, Egress: true, RuleAction: 'deny', Protocol: '-1', Ipv6CidrBlock: '::/0' },
        ],
      },
      {
        NetworkAclId: 'acl-private',
        VpcId: 'vpc-main',
        IsDefault: false,
        Associations: [{ SubnetId: 'subnet-priv-a' }, { SubnetId: 'subnet-priv-b' }],
        Entries: [
          { RuleNumber: '110', Egress: 'false', RuleAction: 'allow', Protocol: '1', CidrBlock: '10.1.0.0/16', IcmpTypeCode: { Type: 8, Code: -1 } },
          { RuleNumber: 100, Egress: false, RuleAction: 'allow', Protocol: '6', CidrBlock: '10.1.0.0/16', PortRange: { From: '443', To: '443' } },
          { RuleNumber: 120, Egress: false, RuleAction: 'deny', Protocol: 'udp', CidrBlock: '0.0.0.0/0', PortRange: { From: 0, To: 65535 } },
          { RuleNumber: 130, Egress: false, RuleAction: 'allow', Protocol: '50', CidrBlock: '198.51.100.0/24' },
          { RuleNumber: 100, Egress: true, RuleAction: 'allow', Protocol: '6', CidrBlock: '0.0.0.0/0', PortRange: { From: 1024, To: 65535 } },
          { RuleNumber: 101, Egress: true, RuleAction: 'allow', Protocol: '-1', Ipv6CidrBlock: '::/0' },
          { RuleNumber: 32767, Egress: true, RuleAction: 'deny', Protocol: '-1', CidrBlock: '0.0.0.0/0' },
        ],
      },
    ],
  },
  'security-groups.json': {
    SecurityGroups: [
      {
        GroupId: 'sg-alb',
        GroupName: 'alb',
        Description: 'load balancer',
        VpcId: 'vpc-main',
        OwnerId: '111111111111',
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0', Description: 'everyone' }] }],
        IpPermissionsEgress: allOut,
      },
      {
        GroupId: 'sg-web',
        GroupName: 'web',
        Description: 'web servers',
        VpcId: 'vpc-main',
        OwnerId: '111111111111',
        IpPermissions: [{ IpProtocol: '6', FromPort: '8080', ToPort: '8080', UserIdGroupPairs: [{ GroupId: 'sg-alb', UserId: '111111111111' }] }],
        IpPermissionsEgress: allOut,
      },
      {
        GroupId: 'sg-db',
        GroupName: 'db',
        Description: 'database',
        VpcId: 'vpc-main',
        OwnerId: '111111111111',
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupName: 'web', UserId: '111111111111' }] },
          { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: 'sg-partner', UserId: '222222222222', VpcId: 'vpc-partner', VpcPeeringConnectionId: 'pcx-1', PeeringStatus: 'active' }] },
        ],
        IpPermissionsEgress: [],
      },
      {
        GroupId: 'sg-bastion',
        GroupName: 'bastion',
        Description: 'jump host',
        VpcId: 'vpc-main',
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '203.0.113.7/32', Description: 'admin' }], PrefixListIds: [{ PrefixListId: 'pl-corp', Description: 'corp' }] },
          { IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '10.1.0.0/16' }] },
          { IpProtocol: 'icmpv6', FromPort: 128, ToPort: 0, Ipv6Ranges: [{ CidrIpv6: '2001:db8:1::/56' }] },
        ],
        IpPermissionsEgress: allOut,
        Tags: [{ Key: 'Name', Value: 'Bastion hosts' }],
      },
      { GroupId: 'sg-lambda', GroupName: 'lambda', Description: 'functions', VpcId: 'vpc-main', IpPermissions: null, IpPermissionsEgress: allOut },
      { GroupId: 'sg-endpoint', GroupName: 'endpoint', Description: 'endpoints', VpcId: 'vpc-main', IpPermissions: [], IpPermissionsEgress: [] },
    ],
  },
  'security-group-rules.json': {
    SecurityGroupRules: [
      { SecurityGroupRuleId: 'sgr-web-in', GroupId: 'sg-web', GroupOwnerId: '111111111111', IsEgress: false, IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, ReferencedGroupInfo: { GroupId: 'sg-alb', UserId: '111111111111' }, Description: 'from the ALB' },
      { SecurityGroupRuleId: 'sgr-web-hc', GroupId: 'sg-web', GroupOwnerId: '111111111111', IsEgress: false, IpProtocol: 'tcp', FromPort: 8081, ToPort: 8081, ReferencedGroupInfo: { GroupId: 'sg-alb', UserId: '111111111111' } },
      { SecurityGroupRuleId: 'sgr-web-out', GroupId: 'sg-web', GroupOwnerId: '111111111111', IsEgress: true, IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv4: '0.0.0.0/0' },
    ],
  },
  'instances.json': {
    Reservations: [
      {
        Instances: [
          {
            InstanceId: 'i-web1',
            State: { Name: 'running' },
            SubnetId: 'subnet-priv-a',
            VpcId: 'vpc-main',
            PrivateIpAddress: '10.1.10.10',
            SecurityGroups: [sg('sg-web', 'web'), sg('sg-bastion', 'bastion')],
            Tags: [{ Key: 'Name', Value: 'web-1' }],
            NetworkInterfaces: [
              {
                NetworkInterfaceId: 'eni-web1-b',
                SubnetId: 'subnet-priv-b',
                Attachment: { DeviceIndex: 1 },
                PrivateIpAddresses: [{ PrivateIpAddress: '10.1.11.10', Primary: true }],
                Groups: [sg('sg-db', 'db')],
              },
              {
                NetworkInterfaceId: 'eni-web1-a',
                SubnetId: 'subnet-priv-a',
                Attachment: { DeviceIndex: 0 },
                PrivateIpAddress: '10.1.10.10',
                PrivateIpAddresses: [
                  { PrivateIpAddress: '10.1.10.11', Primary: false },
                  { PrivateIpAddress: '10.1.10.10', Primary: true },
                ],
                Ipv6Addresses: [{ Ipv6Address: '2001:db8:1:a::10' }],
                Groups: [sg('sg-web', 'web')],
              },
            ],
          },
          {
            InstanceId: 'i-bastion',
            State: { Name: 'running' },
            SubnetId: 'subnet-pub-a',
            PrivateIpAddress: '10.1.0.5',
            PublicIpAddress: '34.0.0.5',
            SecurityGroups: [sg('sg-bastion', 'bastion')],
            Tags: [{ Key: 'Name', Value: 'jump-host' }],
            NetworkInterfaces: [
              {
                NetworkInterfaceId: 'eni-bastion',
                SubnetId: 'subnet-pub-a',
                Attachment: { DeviceIndex: 0 },
                PrivateIpAddresses: [{ PrivateIpAddress: '10.1.0.5', Primary: true, Association: { PublicIp: '34.0.0.5' } }],
              },
            ],
          },
          { InstanceId: 'i-gone', State: { Name: 'terminated' }, NetworkInterfaces: [] },
        ],
      },
      {
        Instances: [
          {
            InstanceId: 'i-app',
            State: { Name: 'stopped' },
            Platform: 'windows',
            SubnetId: 'subnet-priv-b',
            PrivateIpAddress: '10.1.11.20',
            SecurityGroups: [{ GroupName: 'web' }],
            Tags: [{ Key: 'Name', Value: 'reporting' }, { Key: 'Tier', Value: 'app' }],
          },
        ],
      },
    ],
  },
  'network-interfaces.json': {
    NetworkInterfaces: [
      { NetworkInterfaceId: 'eni-web1-b', SubnetId: 'subnet-priv-b', Status: 'in-use', Attachment: { InstanceId: 'i-web1', DeviceIndex: 1 }, PrivateIpAddress: '10.1.11.10', Groups: [sg('sg-db', 'db')] },
      { NetworkInterfaceId: 'eni-web1-c', SubnetId: 'subnet-priv-a', Status: 'in-use', Attachment: { InstanceId: 'i-web1', DeviceIndex: 2 }, PrivateIpAddress: '10.1.10.12', Groups: [sg('sg-web', 'web')] },
      { NetworkInterfaceId: 'eni-nat', SubnetId: 'subnet-pub-a', Status: 'in-use', InterfaceType: 'nat_gateway', Description: 'Interface for NAT Gateway nat-1', PrivateIpAddress: '10.1.0.9', Groups: [] },
      { NetworkInterfaceId: 'eni-alb-a', SubnetId: 'subnet-pub-a', Status: 'in-use', Description: 'ELB app/web-alb/abc123', PrivateIpAddress: '10.1.0.20', Association: { PublicIp: '52.0.0.20' }, Groups: [sg('sg-alb', 'alb')] },
      { NetworkInterfaceId: 'eni-rds', SubnetId: 'subnet-priv-a', Status: 'in-use', Description: 'RDSNetworkInterface', PrivateIpAddress: '10.1.10.50', Groups: [sg('sg-db', 'db')] },
      { NetworkInterfaceId: 'eni-fn', SubnetId: 'subnet-priv-a', Status: 'in-use', InterfaceType: 'lambda', Description: 'AWS Lambda VPC ENI-worker-3f1c', PrivateIpAddress: '10.1.10.60', Groups: [sg('sg-lambda', 'lambda')] },
      { NetworkInterfaceId: 'eni-vpce', SubnetId: 'subnet-priv-b', Status: 'in-use', InterfaceType: 'vpc_endpoint', Description: 'VPC Endpoint Interface vpce-123', PrivateIpAddress: '10.1.11.30', Groups: [sg('sg-endpoint', 'endpoint'), sg('sg-ghost', 'ghost')], TagSet: [{ Key: 'team', Value: 'platform' }] },
      { NetworkInterfaceId: 'eni-spare', SubnetId: 'subnet-priv-b', Status: 'available', Description: 'spare', PrivateIpAddress: '10.1.11.40', Groups: [] },
    ],
  },
  'load-balancers.json': {
    LoadBalancers: [
      {
        LoadBalancerArn: ALB_ARN,
        LoadBalancerName: 'web-alb',
        Type: 'application',
        Scheme: 'internet-facing',
        VpcId: 'vpc-main',
        AvailabilityZones: [
          { ZoneName: 'eu-west-1a', SubnetId: 'subnet-pub-a' },
          { ZoneName: 'eu-west-1b', SubnetId: 'subnet-pub-b' },
        ],
        SecurityGroups: ['sg-alb'],
      },
      { LoadBalancerArn: NLB_ARN, LoadBalancerName: 'tcp-nlb', Type: 'network', Scheme: 'internal', AvailabilityZones: [{ SubnetId: 'subnet-priv-a' }] },
    ],
  },
  'target-groups.json': {
    TargetGroups: [
      { TargetGroupArn: TG_ARN, TargetGroupName: 'web-tg', Protocol: 'HTTP', Port: 8080, HealthCheckPort: '8081', TargetType: 'instance', LoadBalancerArns: [ALB_ARN] },
      { TargetGroupArn: IP_TG_ARN, TargetGroupName: 'ip-tg', Protocol: 'HTTPS', Port: 443, HealthCheckPort: 'traffic-port', TargetType: 'ip', LoadBalancerArns: [ALB_ARN] },
      { TargetGroupArn: LAMBDA_TG_ARN, TargetGroupName: 'fn-tg', TargetType: 'lambda', LoadBalancerArns: [ALB_ARN] },
    ],
  },
  'target-health-1.json': {
    TargetGroupArn: TG_ARN,
    TargetHealthDescriptions: [
      { Target: { Id: 'i-web1', Port: 8080 }, TargetHealth: { State: 'healthy' } },
      { Target: { Id: 'i-app', Port: 9090 }, TargetHealth: { State: 'unused' } },
      { Target: { Id: 'i-elsewhere', Port: 8080 }, TargetHealth: { State: 'unhealthy' } },
    ],
  },
  'target-health-2.json': { TargetGroupArn: IP_TG_ARN, TargetHealthDescriptions: [{ Target: { Id: '10.1.10.10', Port: 443 } }] },
  'listeners.json': {
    Listeners: [
      {
        ListenerArn: `${ALB_ARN.replace(':loadbalancer/', ':listener/')}/l443`,
        LoadBalancerArn: ALB_ARN,
        Port: 443,
        Protocol: 'HTTPS',
        DefaultActions: [
          { Type: 'authenticate-oidc', Order: 1 },
          { Type: 'forward', Order: 2, ForwardConfig: { TargetGroups: [{ TargetGroupArn: TG_ARN, Weight: 1 }] } },
        ],
      },
      {
        ListenerArn: `${ALB_ARN.replace(':loadbalancer/', ':listener/')}/l80`,
        LoadBalancerArn: ALB_ARN,
        Port: 80,
        Protocol: 'HTTP',
        DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443' } }],
      },
      {
        ListenerArn: `${ALB_ARN.replace(':loadbalancer/', ':listener/')}/l8443`,
        LoadBalancerArn: ALB_ARN,
        Port: 8443,
        Protocol: 'HTTPS',
        DefaultActions: [{ Type: 'forward', TargetGroupArn: IP_TG_ARN }],
      },
      { ListenerArn: 'arn:x:listener/net/tcp-nlb/def456/l1', LoadBalancerArn: NLB_ARN, Port: 5432, Protocol: 'TCP', DefaultActions: [] },
    ],
  },
  'rds.json': {
    DBInstances: [
      {
        DBInstanceIdentifier: 'orders',
        DBInstanceArn: 'arn:aws:rds:eu-west-1:111111111111:db:orders',
        Engine: 'postgres',
        Endpoint: { Address: 'orders.x.eu-west-1.rds.amazonaws.com', Port: 5432 },
        PubliclyAccessible: false,
        AvailabilityZone: 'eu-west-1a',
        VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-db', Status: 'active' }],
        DBSubnetGroup: {
          DBSubnetGroupName: 'private',
          VpcId: 'vpc-main',
          Subnets: [
            { SubnetIdentifier: 'subnet-priv-a', SubnetAvailabilityZone: { Name: 'eu-west-1a' } },
            { SubnetIdentifier: 'subnet-priv-b', SubnetAvailabilityZone: { Name: 'eu-west-1b' } },
          ],
        },
        TagList: [{ Key: 'Name', Value: 'orders-db' }],
      },
      {
        DBInstanceIdentifier: 'reports',
        Engine: 'mysql',
        DbInstancePort: 0,
        PubliclyAccessible: true,
        AvailabilityZone: 'eu-west-1b',
        VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-db' }],
        DBSubnetGroup: {
          Subnets: [
            { SubnetIdentifier: 'subnet-priv-a', SubnetAvailabilityZone: { Name: 'eu-west-1a' } },
            { SubnetIdentifier: 'subnet-priv-b', SubnetAvailabilityZone: { Name: 'eu-west-1b' } },
            { SubnetIdentifier: 'subnet-gone', SubnetAvailabilityZone: { Name: 'eu-west-1c' } },
          ],
        },
      },
    ],
  },
  'lambda.json': {
    Functions: [
      { FunctionName: 'worker', FunctionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:worker', VpcConfig: { SubnetIds: ['subnet-priv-a', 'subnet-priv-b'], SecurityGroupIds: ['sg-lambda'], VpcId: 'vpc-main' } },
      { FunctionName: 'worker-2', VpcConfig: { SubnetIds: ['subnet-priv-b'], SecurityGroupIds: ['sg-lambda'] } },
      { FunctionName: 'cron', VpcConfig: { SubnetIds: [], SecurityGroupIds: [] } },
      { FunctionName: 'edge' },
    ],
  },
  'prefix-lists.json': {
    PrefixLists: [
      { PrefixListId: 'pl-corp', PrefixListName: 'corp-offices', AddressFamily: 'IPv4', MaxEntries: 10, OwnerId: '111111111111' },
      { PrefixListId: 'pl-s3', PrefixListName: 'com.amazonaws.eu-west-1.s3', AddressFamily: 'IPv4', OwnerId: 'AWS' },
    ],
  },
  'prefix-list-entries-1.json': { PrefixListId: 'pl-corp', Entries: [{ Cidr: '198.51.100.0/24', Description: 'HQ' }, { Cidr: '203.0.113.0/25' }] },
};

const asFiles = (): BundleInput[] => Object.entries(files).map(([name, json]) => ({ name, text: JSON.stringify(json, null, 2) }));

function importAll(inputs: BundleInput[] = asFiles()): { d: Design; warnings: ImportWarning[] } {
  const r = importDescribeBundle(inputs);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return { d: r.value.design, warnings: r.value.warnings };
}

const { d, warnings } = importAll();
const codes = warnings.map((w) => w.code);
const resource = <T>(id: string): T => {
  const r = d.resources[id];
  if (!r) throw new Error(`no resource ${id}`);
  return r as T;
};

describe('a whole Region bundle', () => {
  it('reads the Region from the collector note and names the design after it', () => {
    expect(d.name).toBe('AWS eu-west-1');
    expect(Object.values(d.vpcs).map((v) => v.region)).toEqual(['eu-west-1', 'eu-west-1']);
  });

  it('imports VPCs with associated CIDRs only, primary first, canonical IPv6', () => {
    expect(d.vpcs['vpc-main']).toEqual({
      id: 'vpc-main',
      name: 'prod',
      region: 'eu-west-1',
      cidrs: ['10.1.0.0/16', '100.64.0.0/20'],
      ipv6Cidrs: ['2001:db8:1::/56'],
      mainRouteTableId: 'rtb-main',
      defaultNetworkAclId: 'acl-default',
      ownerId: '111111111111',
      tags: { Name: 'prod' },
    });
  });

  it('imports subnets with explicit associations only, fixing a non-canonical CIDR with a warning', () => {
    expect(d.subnets['subnet-priv-a']).toMatchObject({ cidr: '10.1.10.0/24', ipv6Cidr: '2001:db8:1:a::/64', routeTableId: 'rtb-private', networkAclId: 'acl-private' });
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'import/cidr-canonicalised', file: 'subnets.json', path: 'Subnets[2].CidrBlock' }));
    // Default-ACL associations and the main table are implicit in the model.
    expect(d.subnets['subnet-pub-a']).toEqual({ id: 'subnet-pub-a', name: 'public-a', vpcId: 'vpc-main', availabilityZone: 'eu-west-1a', cidr: '10.1.0.0/24', tags: { Name: 'public-a' } });
    expect(d.subnets['subnet-pub-b']!.routeTableId).toBeUndefined();
  });

  it('imports routes with every target kind and state', () => {
    expect(d.routeTables['rtb-private']!.routes).toEqual([
      { destination: { cidr: '10.1.0.0/16' }, target: { kind: 'local' }, state: 'active' },
      { destination: { cidr: '0.0.0.0/0' }, target: { kind: 'nat-gateway', id: 'nat-1' }, state: 'active' },
      { destination: { cidr: '10.9.0.0/16' }, target: { kind: 'peering', id: 'pcx-1' }, state: 'active' },
      { destination: { cidr: '10.8.0.0/16' }, target: { kind: 'peering', id: 'pcx-2' }, state: 'blackhole' },
      { destination: { prefixListId: 'pl-s3' }, target: { kind: 'other', id: 'vpce-s3' }, state: 'active' },
      { destination: { cidr: '192.0.2.0/24' }, target: { kind: 'other', id: 'tgw-1' }, state: 'active' },
    ]);
    expect(d.routeTables['rtb-main']!.routes[2]).toEqual({ destination: { cidr: '::/0' }, target: { kind: 'other', id: 'eigw-1' }, state: 'active' });
  });

  it('imports gateways: the IGW attachment, the NAT gateway with its interface address, not the deleted one', () => {
    expect(d.internetGateways['igw-1']).toEqual({ id: 'igw-1', name: 'igw-1', vpcId: 'vpc-main' });
    expect(d.natGateways).toEqual({
      'nat-1': { id: 'nat-1', name: 'nat-1', subnetId: 'subnet-pub-a', connectivity: 'public', publicIp: '52.0.0.1', privateIp: '10.1.0.9', state: 'available' },
    });
    expect(codes).toContain('import/nat-deleted');
    expect(d.resources['eni-nat']).toBeUndefined();
  });

  it('imports peerings with both sides and their status', () => {
    expect(d.peerings['pcx-1']).toEqual({
      id: 'pcx-1',
      name: 'pcx-1',
      requester: { vpcId: 'vpc-main', region: 'eu-west-1', ownerId: '111111111111', cidrs: ['10.1.0.0/16'] },
      accepter: { vpcId: 'vpc-partner', region: 'eu-central-1', ownerId: '222222222222', cidrs: ['10.9.0.0/16'] },
      status: 'active',
    });
    expect(d.peerings['pcx-2']).toMatchObject({ status: 'pending-acceptance', accepter: { vpcId: 'vpc-other', region: 'eu-west-1' } });
  });

  it('imports NACL entries sorted, without the implicit denies, with string numbers and protocols read', () => {
    expect(d.networkAcls['acl-default']!.entries).toHaveLength(2);
    expect(d.networkAcls['acl-private']).toMatchObject({ isDefault: false, vpcId: 'vpc-main' });
    expect(d.networkAcls['acl-private']!.entries).toEqual([
      { ruleNumber: 100, egress: false, action: 'allow', cidr: '10.1.0.0/16', match: { protocol: 'tcp', ports: { from: 443, to: 443 } } },
      { ruleNumber: 110, egress: false, action: 'allow', cidr: '10.1.0.0/16', match: { protocol: 'icmp', icmp: { type: 8, code: -1 } } },
      { ruleNumber: 120, egress: false, action: 'deny', cidr: '0.0.0.0/0', match: { protocol: 'udp', ports: { from: 0, to: 65535 } } },
      { ruleNumber: 130, egress: false, action: 'allow', cidr: '198.51.100.0/24', match: { protocol: 50 } },
      { ruleNumber: 100, egress: true, action: 'allow', cidr: '0.0.0.0/0', match: { protocol: 'tcp', ports: { from: 1024, to: 65535 } } },
      { ruleNumber: 101, egress: true, action: 'allow', cidr: '::/0', match: { protocol: 'all' } },
    ]);
  });

  it('splits permissions one peer per rule, keeping descriptions, ICMP and prefix lists', () => {
    expect(d.securityGroups['sg-alb']!.ingress).toEqual([
      { id: 'sg-alb-ingress-0-0', match: { protocol: 'tcp', ports: { from: 443, to: 443 } }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } },
      { id: 'sg-alb-ingress-0-1', match: { protocol: 'tcp', ports: { from: 443, to: 443 } }, peer: { kind: 'cidr', cidr: '::/0' }, description: 'everyone' },
    ]);
    const bastion = d.securityGroups['sg-bastion']!;
    expect(bastion.name).toBe('bastion'); // the group name, not the Name tag
    expect(bastion.tags).toEqual({ Name: 'Bastion hosts' });
    expect(bastion.ingress.map((r) => [r.match, r.peer, r.description])).toEqual([
      [{ protocol: 'tcp', ports: { from: 22, to: 22 } }, { kind: 'cidr', cidr: '203.0.113.7/32' }, 'admin'],
      [{ protocol: 'tcp', ports: { from: 22, to: 22 } }, { kind: 'prefix-list', prefixListId: 'pl-corp' }, 'corp'],
      [{ protocol: 'icmp' }, { kind: 'cidr', cidr: '10.1.0.0/16' }, undefined],
      [{ protocol: 'icmpv6', icmp: { type: 128, code: 0 } }, { kind: 'cidr', cidr: '2001:db8:1::/56' }, undefined],
    ]);
    expect(d.securityGroups['sg-lambda']!.ingress).toEqual([]);
  });

  it('resolves a group named only by name, and keeps peered references with their owner and peering', () => {
    expect(d.securityGroups['sg-db']!.ingress.map((r) => r.peer)).toEqual([
      { kind: 'security-group', groupId: 'sg-web', groupName: 'web' },
      { kind: 'security-group', groupId: 'sg-partner', ownerId: '222222222222', peeringId: 'pcx-1' },
    ]);
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'import/unknown-group-reference', subject: 'sg-partner' }));
  });

  it('takes describe-security-group-rules over IpPermissions for the groups it covers, with AWS rule ids', () => {
    expect(d.securityGroups['sg-web']!.ingress).toEqual([
      { id: 'sgr-web-in', match: { protocol: 'tcp', ports: { from: 8080, to: 8080 } }, peer: { kind: 'security-group', groupId: 'sg-alb' }, description: 'from the ALB' },
      { id: 'sgr-web-hc', match: { protocol: 'tcp', ports: { from: 8081, to: 8081 } }, peer: { kind: 'security-group', groupId: 'sg-alb' } },
    ]);
    expect(d.securityGroups['sg-web']!.egress).toEqual([{ id: 'sgr-web-out', match: { protocol: 'all' }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } }]);
  });

  it('imports prefix lists with the entries the collector attached', () => {
    expect(d.prefixLists['pl-corp']).toEqual({
      id: 'pl-corp',
      name: 'corp-offices',
      addressFamily: 'IPv4',
      maxEntries: 10,
      entries: [{ cidr: '198.51.100.0/24', description: 'HQ' }, { cidr: '203.0.113.0/25' }],
    });
    expect(d.prefixLists['pl-s3']).toMatchObject({ maxEntries: 1, entries: [] });
  });

  it('gives an instance all its interfaces, primary first, each with its own groups', () => {
    const web = resource<Instance>('i-web1');
    expect(web).toMatchObject({ kind: 'instance', name: 'web-1', role: 'web', platform: 'linux' });
    expect(web.enis).toEqual([
      { id: 'eni-web1-a', subnetId: 'subnet-priv-a', privateIps: ['10.1.10.10', '10.1.10.11'], ipv6Ips: ['2001:db8:1:a::10'], securityGroupIds: ['sg-web'] },
      { id: 'eni-web1-b', subnetId: 'subnet-priv-b', privateIps: ['10.1.11.10'], ipv6Ips: [], securityGroupIds: ['sg-db'] },
      { id: 'eni-web1-c', subnetId: 'subnet-priv-a', privateIps: ['10.1.10.12'], ipv6Ips: [], securityGroupIds: ['sg-web'] },
    ]);
  });

  it('guesses roles and platform; skips terminated instances; builds an interface from old top-level fields', () => {
    expect(resource<Instance>('i-bastion')).toMatchObject({ role: 'bastion', enis: [{ publicIp: '34.0.0.5', securityGroupIds: ['sg-bastion'] }] });
    const app = resource<Instance>('i-app');
    expect(app).toMatchObject({ name: 'reporting', role: 'app', platform: 'windows' });
    expect(app.enis).toEqual([{ id: 'i-app-eni-0', subnetId: 'subnet-priv-b', privateIps: ['10.1.11.20'], ipv6Ips: [], securityGroupIds: ['sg-web'] }]);
    expect(d.resources['i-gone']).toBeUndefined();
    expect(codes).toContain('import/terminated');
  });

  it('imports the application load balancer with its real and synthesised interfaces, listeners and targets', () => {
    const alb = resource<LoadBalancer>('app/web-alb/abc123');
    expect(alb).toMatchObject({ kind: 'load-balancer', name: 'web-alb', arn: ALB_ARN, scheme: 'internet-facing' });
    expect(alb.enis).toEqual([
      { id: 'eni-alb-a', subnetId: 'subnet-pub-a', privateIps: ['10.1.0.20'], publicIp: '52.0.0.20', ipv6Ips: [], securityGroupIds: ['sg-alb'], description: 'ELB app/web-alb/abc123' },
      {
        id: 'app/web-alb/abc123-eni-subnet-pub-b',
        subnetId: 'subnet-pub-b',
        privateIps: ['10.1.1.4'],
        ipv6Ips: [],
        securityGroupIds: ['sg-alb'],
        description: 'ELB app/web-alb/abc123 (synthesised)',
      },
    ]);
    expect(alb.targetGroups).toEqual([
      { id: 'targetgroup/web-tg/0011', name: 'web-tg', protocol: 'HTTP', port: 8080, healthCheckPort: 8081, targets: [{ resourceId: 'i-web1' }, { resourceId: 'i-app', port: 9090 }] },
      { id: 'targetgroup/ip-tg/0022', name: 'ip-tg', protocol: 'HTTPS', port: 443, healthCheckPort: 'traffic-port', targets: [{ resourceId: 'i-web1' }] },
    ]);
    expect(alb.listeners).toEqual([
      { id: 'listener/app/web-alb/abc123/l443', protocol: 'HTTPS', port: 443, targetGroupId: 'targetgroup/web-tg/0011' },
      { id: 'listener/app/web-alb/abc123/l8443', protocol: 'HTTPS', port: 8443, targetGroupId: 'targetgroup/ip-tg/0022' },
    ]);
    expect(codes).toEqual(expect.arrayContaining(['import/load-balancer-type', 'import/target-group-dropped', 'import/unknown-target', 'import/listener-dropped', 'import/synthesised-interface']));
  });

  it('imports databases with their interface, or one synthesised in the subnet of their zone', () => {
    expect(resource<Database>('orders')).toMatchObject({
      kind: 'database',
      name: 'orders-db',
      engine: 'postgres',
      port: 5432,
      publiclyAccessible: false,
      subnetIds: ['subnet-priv-a', 'subnet-priv-b'],
      enis: [{ id: 'eni-rds', subnetId: 'subnet-priv-a', privateIps: ['10.1.10.50'], securityGroupIds: ['sg-db'] }],
    });
    const reports = resource<Database>('reports');
    expect(reports).toMatchObject({ engine: 'mysql', port: 3306, publiclyAccessible: true, subnetIds: ['subnet-priv-a', 'subnet-priv-b'] });
    expect(reports.enis).toEqual([
      { id: 'reports-eni-subnet-priv-b', subnetId: 'subnet-priv-b', privateIps: ['10.1.11.4'], ipv6Ips: [], securityGroupIds: ['sg-db'], description: 'RDS reports (synthesised)' },
    ]);
    expect(codes).toEqual(expect.arrayContaining(['import/db-port']));
  });

  it('imports VPC functions with their interfaces (the longest matching name wins) and skips the rest', () => {
    const worker = resource<LambdaFunction>('worker');
    expect(worker.enis.map((e) => [e.id, e.subnetId, e.securityGroupIds])).toEqual([
      ['eni-fn', 'subnet-priv-a', ['sg-lambda']],
      ['worker-eni-subnet-priv-b', 'subnet-priv-b', ['sg-lambda']],
    ]);
    expect(resource<LambdaFunction>('worker-2').enis.map((e) => e.id)).toEqual(['worker-2-eni-subnet-priv-b']);
    expect(d.resources.cron).toBeUndefined();
    expect(d.resources.edge).toBeUndefined();
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'import/lambda-outside-vpc', message: expect.stringContaining('2 Lambda functions') }));
  });

  it('gives synthesised interfaces distinct free addresses in their subnet', () => {
    const synthesised = Object.values(d.resources)
      .flatMap((r) => r.enis)
      .filter((e) => e.subnetId === 'subnet-priv-b')
      .map((e) => e.privateIps[0]);
    expect(new Set(synthesised).size).toBe(synthesised.length);
  });

  it('keeps a standalone endpoint interface as an instance of role other, with a stand-in for its unknown group; drops the unattached one', () => {
    expect(resource<Instance>('eni-vpce')).toMatchObject({
      kind: 'instance',
      name: 'VPC Endpoint Interface vpce-123',
      role: 'other',
      tags: { team: 'platform' },
      enis: [{ id: 'eni-vpce', securityGroupIds: ['sg-endpoint', 'sg-ghost'] }],
    });
    expect(d.securityGroups['sg-ghost']).toMatchObject({ name: 'ghost', vpcId: 'vpc-main', ingress: [], egress: [] });
    expect(codes).toEqual(expect.arrayContaining(['import/standalone-interface', 'import/stand-in-group', 'import/unattached-interface']));
    expect(d.resources['eni-spare']).toBeUndefined();
  });

  it('keeps the empty default VPC and says so', () => {
    expect(d.vpcs['vpc-default']).toMatchObject({ cidrs: ['172.31.0.0/16'] });
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'import/empty-default-vpc', subject: 'vpc-default' }));
  });

  it('imports the same data merged into one object, or given twice, identically', () => {
    const merged: Record<string, unknown> = {};
    for (const [name, json] of Object.entries(files)) {
      if (name.startsWith('target-health') || name.startsWith('prefix-list-entries')) continue;
      Object.assign(merged, json);
    }
    const separate = asFiles().filter((f) => f.name.startsWith('target-health') || f.name.startsWith('prefix-list-entries'));
    const one = importAll([{ name: 'bundle.json', json: merged }, ...separate]);
    expect(one.d).toEqual(d);
    const twice = importAll([...asFiles(), ...asFiles()]);
    expect(twice.d).toEqual(d);
    expect(twice.warnings.filter((w) => w.code === 'import/duplicate')).toEqual([]);
  });

  it('warns when the same id comes back with different content, keeping the first', () => {
    const changed = { SecurityGroups: [{ ...(files['security-groups.json']!.SecurityGroups as object[])[0], Description: 'changed' }] };
    const r = importAll([...asFiles(), { name: 'later.json', json: changed }]);
    expect(r.d.securityGroups['sg-alb']!.description).toBe('load balancer');
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'import/duplicate', file: 'later.json', path: 'SecurityGroups[0]' }));
  });

  it('uses the Region and design name given as options', () => {
    const r = importDescribeBundle(asFiles(), { designName: 'Prod network', region: 'eu-west-1' });
    expect(r.ok && r.value.design.name).toBe('Prod network');
  });

  it('tells the Region from availability zones when there is no collector note', () => {
    const r = importAll([{ name: 'subnets.json', json: files['subnets.json'] }]);
    expect(r.d.vpcs['vpc-main']!.region).toBe('eu-west-1');
  });
});
