/** CloudFormation for instances, auto scaling groups, load balancers, databases and functions. */
import { vpcOfResource } from '../../model/queries.ts';
import type { Database, Eni, Instance, InstanceGroup, LambdaFunction, LoadBalancer } from '../../model/types.ts';
import { awsName } from '../iac/common.ts';
import { getAtt, props, ref, type CfnContext, type Json } from './context.ts';
import { groupIdOf } from './groups.ts';

const groupSet = (c: CfnContext, eni: Eni | undefined): Json[] => (eni?.securityGroupIds ?? []).map((g) => groupIdOf(c, g));
const subnetRef = (c: CfnContext, subnetId: string): Json | undefined => {
  const id = c.id('subnet', subnetId);
  return id ? ref(id) : undefined;
};
const subnetRefs = (c: CfnContext, ids: string[]): Json[] => ids.map((s) => subnetRef(c, s)).filter((x): x is Json => x !== undefined);

const imageId = (c: CfnContext) => c.parameter('ImageId', { Type: 'AWS::EC2::Image::Id', Description: 'Image of every instance (for example the Region\'s Amazon Linux 2023 AMI).' });
const instanceType = (c: CfnContext) => c.parameter('InstanceType', { Type: 'String', Default: 't3.micro', Description: 'Instance type of every instance.' });

function writeInstance(c: CfnContext, r: Instance): void {
  const enis = r.enis.filter((e) => c.id('subnet', e.subnetId));
  if (enis.length === 0) {
    c.notes.push(`instance ${r.name}: it has no interface in an exported subnet`);
    return;
  }
  const id = c.declare('resource', r.id, 'Instance', r.name);
  c.add(id, {
    Type: 'AWS::EC2::Instance',
    Properties: {
      ImageId: imageId(c),
      InstanceType: instanceType(c),
      NetworkInterfaces: enis.map((e, i) =>
        props({
          DeviceIndex: String(i),
          SubnetId: subnetRef(c, e.subnetId),
          PrivateIpAddress: e.privateIps[0],
          SecondaryPrivateIpAddresses: e.privateIps.length > 1 ? e.privateIps.slice(1).map((ip) => ({ PrivateIpAddress: ip, Primary: false })) : undefined,
          GroupSet: groupSet(c, e),
          AssociatePublicIpAddress: i === 0 ? e.publicIp !== undefined : undefined,
          Ipv6AddressCount: e.ipv6Ips.length > 0 ? e.ipv6Ips.length : undefined,
        }),
      ),
      Tags: c.tags(r.name, r.tags),
    },
  });
}

function writeInstanceGroup(c: CfnContext, r: InstanceGroup): void {
  const subnets = subnetRefs(
    c,
    r.enis.map((e) => e.subnetId),
  );
  if (subnets.length === 0) {
    c.notes.push(`auto scaling group ${r.name}: it has no interface in an exported subnet`);
    return;
  }
  const lt = c.declare('launch-template', r.id, 'LaunchTemplate', r.name);
  c.add(lt, {
    Type: 'AWS::EC2::LaunchTemplate',
    Properties: {
      LaunchTemplateData: {
        ImageId: imageId(c),
        InstanceType: instanceType(c),
        NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: r.enis[0]?.publicIp !== undefined, Groups: groupSet(c, r.enis[0]) }],
      },
    },
  });
  const targetGroups: Json[] = [];
  for (const lb of Object.values(c.design.resources)) {
    if (lb.kind !== 'load-balancer') continue;
    for (const tg of lb.targetGroups) {
      const tgId = c.id('tg', `${lb.id}#${tg.id}`);
      if (tgId && tg.targets.some((t) => t.resourceId === r.id)) targetGroups.push(ref(tgId));
    }
  }
  const id = c.declare('resource', r.id, 'AutoScalingGroup', r.name);
  c.add(id, {
    Type: 'AWS::AutoScaling::AutoScalingGroup',
    Properties: props({
      MinSize: String(r.count),
      MaxSize: String(r.count),
      DesiredCapacity: String(r.count),
      VPCZoneIdentifier: subnets,
      LaunchTemplate: { LaunchTemplateId: ref(lt), Version: getAtt(lt, 'LatestVersionNumber') },
      TargetGroupARNs: targetGroups.length > 0 ? targetGroups : undefined,
      Tags: (c.tags(r.name, r.tags) as Array<{ Key: string; Value: string }>).map((t) => ({ ...t, PropagateAtLaunch: true })),
    }),
  });
}

function writeLoadBalancer(c: CfnContext, r: LoadBalancer): void {
  const subnets = subnetRefs(
    c,
    r.enis.map((e) => e.subnetId),
  );
  const vpcId = vpcOfResource(c.design, r);
  const vpc = vpcId ? c.id('vpc', vpcId) : undefined;
  if (subnets.length === 0 || !vpc) {
    c.notes.push(`load balancer ${r.name}: it has no interface in an exported subnet`);
    return;
  }
  const id = c.declare('resource', r.id, 'LoadBalancer', r.name);
  c.add(id, {
    Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    Properties: {
      Name: awsName(r.name, { max: 32, fallback: 'lb' }),
      Scheme: r.scheme,
      Type: 'application',
      Subnets: subnets,
      SecurityGroups: groupSet(c, r.enis[0]),
      Tags: c.tags(r.name, r.tags),
    },
  });
  for (const tg of r.targetGroups) {
    const tgId = c.declare('tg', `${r.id}#${tg.id}`, 'TargetGroup', tg.name);
    const targets: Json[] = [];
    for (const t of tg.targets) {
      const target = c.design.resources[t.resourceId];
      const instance = target?.kind === 'instance' ? c.id('resource', target.id) : undefined;
      if (instance) targets.push({ Id: ref(instance), Port: t.port ?? tg.port });
      else if (target?.kind !== 'instance-group') c.notes.push(`target group ${tg.name}: the target ${target?.name ?? t.resourceId} is not an exported instance`);
    }
    c.add(tgId, {
      Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
      Properties: props({
        Name: awsName(tg.name, { max: 32, fallback: 'tg' }),
        Port: tg.port,
        Protocol: tg.protocol,
        VpcId: ref(vpc),
        TargetType: 'instance',
        HealthCheckPort: String(tg.healthCheckPort),
        HealthCheckProtocol: tg.protocol,
        Targets: targets.length > 0 ? targets : undefined,
        Tags: c.tags(tg.name, undefined),
      }),
    });
  }
  for (const l of r.listeners) {
    const tgId = c.id('tg', `${r.id}#${l.targetGroupId}`);
    if (!tgId) {
      c.notes.push(`listener ${l.protocol} ${l.port} of ${r.name}: its target group ${l.targetGroupId} is not in the design`);
      continue;
    }
    const https = l.protocol === 'HTTPS';
    const lid = c.declare('listener', `${r.id}#${l.id}`, 'Listener', `${r.name} ${l.protocol} ${l.port}`);
    c.add(lid, {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: props({
        LoadBalancerArn: ref(id),
        Port: l.port,
        Protocol: l.protocol,
        SslPolicy: https ? 'ELBSecurityPolicy-TLS13-1-2-2021-06' : undefined,
        Certificates: https ? [{ CertificateArn: c.parameter('CertificateArn', { Type: 'String', Description: 'ACM certificate of the HTTPS listeners.', MinLength: 1 }) }] : undefined,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: ref(tgId) }],
      }),
    });
  }
}

function writeDatabase(c: CfnContext, r: Database): void {
  const subnets = subnetRefs(c, r.subnetIds);
  if (subnets.length === 0) {
    c.notes.push(`database ${r.name}: none of its subnets is exported`);
    return;
  }
  if (r.engine.startsWith('aurora')) c.notes.push(`database ${r.name}: ${r.engine} also needs an AWS::RDS::DBCluster, which is not written`);
  const group = c.declare('db-subnets', r.id, 'DbSubnetGroup', r.name);
  c.add(group, { Type: 'AWS::RDS::DBSubnetGroup', Properties: { DBSubnetGroupDescription: `Subnets of ${r.name}`.slice(0, 255), SubnetIds: subnets, Tags: c.tags(r.name, undefined) } });
  const id = c.declare('resource', r.id, 'Database', r.name);
  c.add(id, {
    Type: 'AWS::RDS::DBInstance',
    DeletionPolicy: 'Snapshot',
    UpdateReplacePolicy: 'Snapshot',
    Properties: {
      DBInstanceIdentifier: awsName(r.name, { max: 63, lower: true, letterFirst: true, fallback: 'db' }),
      Engine: r.engine,
      DBInstanceClass: c.parameter('DbInstanceClass', { Type: 'String', Default: 'db.t3.micro', Description: 'Instance class of every database.' }),
      AllocatedStorage: '20',
      MasterUsername: c.parameter('DbUsername', { Type: 'String', Default: 'dbadmin', NoEcho: true, Description: 'Master user name of every database (placeholder).' }),
      MasterUserPassword: c.parameter('DbPassword', { Type: 'String', NoEcho: true, MinLength: 8, Description: 'Master password of every database.' }),
      DBSubnetGroupName: ref(group),
      VPCSecurityGroups: groupSet(c, r.enis[0]),
      Port: String(r.port),
      PubliclyAccessible: r.publiclyAccessible,
      Tags: c.tags(r.name, r.tags),
    },
  });
}

function writeLambda(c: CfnContext, r: LambdaFunction): void {
  const subnets = subnetRefs(
    c,
    r.enis.map((e) => e.subnetId),
  );
  const id = c.declare('resource', r.id, 'Function', r.name);
  c.add(id, {
    Type: 'AWS::Lambda::Function',
    Properties: props({
      FunctionName: awsName(r.name, { max: 64, underscore: true, fallback: 'function' }),
      Role: c.parameter('LambdaRoleArn', { Type: 'String', MinLength: 1, Description: 'Execution role of every function (needs AWSLambdaVPCAccessExecutionRole).' }),
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Code: {
        S3Bucket: c.parameter('LambdaCodeBucket', { Type: 'String', MinLength: 1, Description: 'S3 bucket of the deployment package of every function.' }),
        S3Key: c.parameter('LambdaCodeKey', { Type: 'String', Default: 'lambda.zip', Description: 'S3 key of the deployment package.' }),
      },
      VpcConfig: subnets.length > 0 ? { SubnetIds: subnets, SecurityGroupIds: groupSet(c, r.enis[0]) } : undefined,
      Tags: c.tags(r.name, r.tags),
    }),
  });
}

export function writeResources(c: CfnContext): void {
  const all = Object.values(c.design.resources);
  for (const r of all) if (r.kind === 'instance') writeInstance(c, r);
  // Load balancers before auto scaling groups: a group lists the target groups it joins.
  for (const r of all) if (r.kind === 'load-balancer') writeLoadBalancer(c, r);
  for (const r of all) if (r.kind === 'instance-group') writeInstanceGroup(c, r);
  for (const r of all) if (r.kind === 'database') writeDatabase(c, r);
  for (const r of all) if (r.kind === 'lambda') writeLambda(c, r);
}
