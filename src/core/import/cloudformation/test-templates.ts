/**
 * Hand-written templates the tests import: a three-tier network behind an ALB (written the way
 * people write them: short forms, Fn::Cidr subnets, a mapping, a condition, standalone rules for
 * cross references), and one small template twice, in YAML short forms and in JSON long forms.
 */

export const THREE_TIER_YAML = `AWSTemplateFormatVersion: "2010-09-09"
Description: Orders service, three tiers behind an application load balancer
Parameters:
  Region:
    Type: String
    Default: eu-west-1
  VpcCidr:
    Type: String
    Default: 10.20.0.0/16
  AdminCidr:
    Type: String
    Default: 203.0.113.0/24
  Environment:
    Type: String
    Default: prod
    AllowedValues: [prod, dev]
  CertificateArn:
    Type: String
Mappings:
  Ports:
    Database:
      Postgres: 5432
Conditions:
  IsProd: !Equals [!Ref Environment, prod]
  IsDev: !Not [!Condition IsProd]
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: !Ref VpcCidr
      EnableDnsHostnames: true
      Tags:
        - Key: Name
          Value: !Sub "\${Environment}-orders"
  PublicA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 6, 8]]
      AvailabilityZone: !Select [0, !GetAZs ""]
      MapPublicIpOnLaunch: true
      Tags: [{ Key: Name, Value: public-a }]
  PublicB:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [1, !Cidr [!GetAtt Vpc.CidrBlock, 6, 8]]
      AvailabilityZone: !Select [1, !GetAZs ""]
      MapPublicIpOnLaunch: true
      Tags: [{ Key: Name, Value: public-b }]
  AppA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [2, !Cidr [!GetAtt Vpc.CidrBlock, 6, 8]]
      AvailabilityZone: !Select [0, !GetAZs { Ref: "AWS::Region" }]
      Tags: [{ Key: Name, Value: app-a }]
  AppB:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [3, !Cidr [!GetAtt Vpc.CidrBlock, 6, 8]]
      AvailabilityZone: !Select [1, !GetAZs { Ref: "AWS::Region" }]
      Tags: [{ Key: Name, Value: app-b }]
  DbA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [4, !Cidr [!GetAtt Vpc.CidrBlock, 6, 8]]
      AvailabilityZone: !GetAtt AppA.AvailabilityZone
      Tags: [{ Key: Name, Value: db-a }]
  DbB:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [5, !Cidr [!GetAtt Vpc.CidrBlock, 6, 8]]
      AvailabilityZone: !GetAtt AppB.AvailabilityZone
      Tags: [{ Key: Name, Value: db-b }]
  Igw:
    Type: AWS::EC2::InternetGateway
  IgwAttachment:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties:
      VpcId: !Ref Vpc
      InternetGatewayId: !Ref Igw
  NatEip:
    Type: AWS::EC2::EIP
    DependsOn: IgwAttachment
    Properties:
      Domain: vpc
  Nat:
    Type: AWS::EC2::NatGateway
    Properties:
      AllocationId: !GetAtt NatEip.AllocationId
      SubnetId: !Ref PublicA
  PublicRoutes:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: !Ref Vpc
  PublicDefault:
    Type: AWS::EC2::Route
    DependsOn: IgwAttachment
    Properties:
      RouteTableId: !Ref PublicRoutes
      DestinationCidrBlock: 0.0.0.0/0
      GatewayId: !Ref Igw
  PublicAAssociation:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: { SubnetId: !Ref PublicA, RouteTableId: !Ref PublicRoutes }
  PublicBAssociation:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: { SubnetId: !Ref PublicB, RouteTableId: !Ref PublicRoutes }
  AppRoutes:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: !Ref Vpc
  AppDefault:
    Type: AWS::EC2::Route
    Properties:
      RouteTableId: !Ref AppRoutes
      DestinationCidrBlock: 0.0.0.0/0
      NatGatewayId: !Ref Nat
  AppAAssociation:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: { SubnetId: !Ref AppA, RouteTableId: !Ref AppRoutes }
  AppBAssociation:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: { SubnetId: !Ref AppB, RouteTableId: !Ref AppRoutes }
  DbAcl:
    Type: AWS::EC2::NetworkAcl
    Properties:
      VpcId: !Ref Vpc
      Tags: [{ Key: Name, Value: db-acl }]
  DbAclInPostgres:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref DbAcl
      RuleNumber: "100"
      Protocol: "6"
      RuleAction: allow
      Egress: "false"
      CidrBlock: !Ref VpcCidr
      PortRange: { From: "5432", To: "5432" }
  DbAclOutReplies:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref DbAcl
      RuleNumber: 100
      Protocol: 6
      RuleAction: allow
      Egress: true
      CidrBlock: !Ref VpcCidr
      PortRange: { From: 1024, To: 65535 }
  DbAAcl:
    Type: AWS::EC2::SubnetNetworkAclAssociation
    Properties: { SubnetId: !Ref DbA, NetworkAclId: !Ref DbAcl }
  DbBAcl:
    Type: AWS::EC2::SubnetNetworkAclAssociation
    Properties: { SubnetId: !Ref DbB, NetworkAclId: !Ref DbAcl }
  AlbSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupName: orders-alb
      GroupDescription: HTTPS from anywhere
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0, Description: HTTPS from anywhere }
        - { IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 }
      SecurityGroupEgress:
        - { IpProtocol: tcp, FromPort: 8080, ToPort: 8080, DestinationSecurityGroupId: !Ref AppSG }
  AppSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupName: orders-app
      GroupDescription: App tier
      VpcId: !Ref Vpc
  DbSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupName: orders-db
      GroupDescription: Database tier
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: !Ref AdminCidr
  AppFromAlb:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref AppSG
      IpProtocol: tcp
      FromPort: 8080
      ToPort: 8080
      SourceSecurityGroupId: !GetAtt AlbSG.GroupId
      Description: App port from the load balancer
  DbFromApp:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt DbSG.GroupId
      IpProtocol: tcp
      FromPort: !FindInMap [Ports, Database, Postgres]
      ToPort: !FindInMap [Ports, Database, Postgres]
      SourceSecurityGroupId: !Ref AppSG
  DevShell:
    Type: AWS::EC2::SecurityGroupIngress
    Condition: IsDev
    Properties:
      GroupId: !Ref AppSG
      IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIp: 0.0.0.0/0
  App:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      InstanceType: t3.micro
      SubnetId: !Ref AppA
      PrivateIpAddress: 10.20.2.10
      SecurityGroupIds: [!Ref AppSG]
      Tags: [{ Key: Name, Value: app-1 }]
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Name: orders
      Scheme: internet-facing
      Subnets: [!Ref PublicA, !Ref PublicB]
      SecurityGroups: [!GetAtt AlbSG.GroupId]
  AppTargets:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Name: orders-app
      Port: 8080
      Protocol: HTTP
      VpcId: !Ref Vpc
      Targets:
        - Id: !Ref App
  HttpsListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 443
      Protocol: HTTPS
      Certificates: [{ CertificateArn: !Ref CertificateArn }]
      DefaultActions:
        - Type: forward
          TargetGroupArn: !Ref AppTargets
  DbSubnets:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupDescription: Database subnets
      SubnetIds: [!Ref DbA, !Ref DbB]
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      DBInstanceIdentifier: orders-db
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: "20"
      DBSubnetGroupName: !Ref DbSubnets
      VPCSecurityGroups: [!GetAtt DbSG.GroupId]
      Port: !FindInMap [Ports, Database, Postgres]
      MultiAZ: !If [IsProd, true, false]
      PubliclyAccessible: false
  WorkerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: !Sub "orders-worker-\${Environment}"
      Runtime: nodejs22.x
      Handler: index.handler
      Role: !GetAtt WorkerRole.Arn
      Code: { ZipFile: "exports.handler = async () => {}" }
      VpcConfig:
        SubnetIds: [!Ref AppA, !Ref AppB]
        SecurityGroupIds: [!Ref AppSG]
Outputs:
  VpcId:
    Value: !Ref Vpc
    Export:
      Name: !Sub "\${AWS::StackName}-VpcId"
`;

/** A small template in YAML short forms; SMALL_JSON is the same template in JSON long forms. */
export const SMALL_YAML = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Name:
    Type: String
    Default: edge
Resources:
  Net:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 172.16.0.0/20
      Tags:
        - Key: Name
          Value: !Join ["-", [!Ref Name, !Select [1, !Split [".", "a.net.b"]]]]
  Front:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Net
      CidrBlock: !Select [1, !Cidr [!GetAtt Net.CidrBlock, 4, 10]]
      AvailabilityZone: !Select [2, !GetAZs ""]
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: !Sub "\${Name} web in \${AWS::Region}"
      VpcId: !Ref Net
      SecurityGroupIngress:
        - { IpProtocol: icmp, FromPort: 8, ToPort: -1, CidrIp: 10.0.0.0/8 }
        - { IpProtocol: "-1", SourceSecurityGroupId: !GetAtt Web.GroupId }
  FrontAcl:
    Type: AWS::EC2::NetworkAcl
    Properties:
      VpcId: !Ref Net
  DenySsh:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref FrontAcl
      RuleNumber: 90
      Protocol: 6
      RuleAction: deny
      CidrBlock: 0.0.0.0/0
      PortRange: { From: 22, To: 22 }
  AllowIn:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref FrontAcl
      RuleNumber: 100
      Protocol: -1
      RuleAction: allow
      CidrBlock: 0.0.0.0/0
  FrontAclLink:
    Type: AWS::EC2::SubnetNetworkAclAssociation
    Properties:
      SubnetId: !Ref Front
      NetworkAclId: !Ref FrontAcl
`;

export const SMALL_JSON = JSON.stringify({
  AWSTemplateFormatVersion: '2010-09-09',
  Parameters: { Name: { Type: 'String', Default: 'edge' } },
  Resources: {
    Net: {
      Type: 'AWS::EC2::VPC',
      Properties: {
        CidrBlock: '172.16.0.0/20',
        Tags: [{ Key: 'Name', Value: { 'Fn::Join': ['-', [{ Ref: 'Name' }, { 'Fn::Select': ['1', { 'Fn::Split': ['.', 'a.net.b'] }] }]] } }],
      },
    },
    Front: {
      Type: 'AWS::EC2::Subnet',
      Properties: {
        VpcId: { Ref: 'Net' },
        CidrBlock: { 'Fn::Select': [1, { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Net', 'CidrBlock'] }, '4', '10'] }] },
        AvailabilityZone: { 'Fn::Select': [2, { 'Fn::GetAZs': { Ref: 'AWS::Region' } }] },
      },
    },
    Web: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: { 'Fn::Sub': ['${N} web in ${AWS::Region}', { N: { Ref: 'Name' } }] },
        VpcId: { Ref: 'Net' },
        SecurityGroupIngress: [
          { IpProtocol: 'icmp', FromPort: '8', ToPort: '-1', CidrIp: '10.0.0.0/8' },
          { IpProtocol: -1, SourceSecurityGroupId: { 'Fn::GetAtt': 'Web.GroupId' } },
        ],
      },
    },
    FrontAcl: { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: { Ref: 'Net' } } },
    DenySsh: {
      Type: 'AWS::EC2::NetworkAclEntry',
      Properties: { NetworkAclId: { Ref: 'FrontAcl' }, RuleNumber: '90', Protocol: '6', RuleAction: 'deny', Egress: 'false', CidrBlock: '0.0.0.0/0', PortRange: { From: '22', To: '22' } },
    },
    AllowIn: {
      Type: 'AWS::EC2::NetworkAclEntry',
      Properties: { NetworkAclId: { Ref: 'FrontAcl' }, RuleNumber: '100', Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' },
    },
    FrontAclLink: { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Properties: { SubnetId: { Ref: 'Front' }, NetworkAclId: { Ref: 'FrontAcl' } } },
  },
}, null, 2);
