/** Terraform for what runs in the network: instances, auto scaling groups, load balancers, databases, functions. */
import { vpcOfResource } from '../../model/queries.ts';
import type { Database, Eni, Instance, InstanceGroup, LambdaFunction, LoadBalancer, Resource } from '../../model/types.ts';
import { awsName } from '../iac/common.ts';
import type { TfContext } from './context.ts';
import { groupIdRef } from './groups.ts';
import { attr, block, type Expr, type HclItem, type HclValue } from './hcl.ts';

const AMI = { description: 'Image of every instance (for example the Region\'s Amazon Linux 2023 AMI).', type: 'string' };
const INSTANCE_TYPE = { description: 'Instance type of every instance.', type: 'string', default: 't3.micro' };

function groupIds(c: TfContext, eni: Eni | undefined): HclValue[] {
  return (eni?.securityGroupIds ?? []).map((id) => groupIdRef(c, id) ?? id);
}

function subnetRef(c: TfContext, subnetId: string): Expr | undefined {
  return c.ref('aws_subnet', subnetId, 'id');
}

function regionOf(c: TfContext, r: Resource): string | undefined {
  const vpc = vpcOfResource(c.design, r);
  return vpc ? c.design.vpcs[vpc]?.region : undefined;
}

function writeInstance(c: TfContext, r: Instance): void {
  const [first, ...more] = r.enis;
  if (!first || !subnetRef(c, first.subnetId)) {
    c.notes.push(`instance ${r.name}: it has no interface in an exported subnet`);
    return;
  }
  const region = regionOf(c, r);
  const name = c.declare(r.id, 'aws_instance', r.name, 'instance');
  c.resource('aws_instance', name, [
    ...c.provider(region),
    ...attr('ami', c.variable('ami_id', AMI)),
    ...attr('instance_type', c.variable('instance_type', INSTANCE_TYPE)),
    ...attr('subnet_id', subnetRef(c, first.subnetId)),
    ...attr('private_ip', first.privateIps[0]),
    ...attr('secondary_private_ips', first.privateIps.length > 1 ? first.privateIps.slice(1) : undefined),
    ...attr('vpc_security_group_ids', groupIds(c, first)),
    ...attr('associate_public_ip_address', first.publicIp !== undefined),
    ...attr('ipv6_address_count', first.ipv6Ips.length > 0 ? first.ipv6Ips.length : undefined),
    ...c.tags(r.name, r.tags),
  ]);
  more.forEach((eni, i) => {
    if (!subnetRef(c, eni.subnetId)) return;
    const key = `${r.id}#${eni.id}`;
    const nic = c.declare(key, 'aws_network_interface', `${r.name} eth${i + 1}`, 'eni');
    c.resource('aws_network_interface', nic, [
      ...c.provider(region),
      ...attr('subnet_id', subnetRef(c, eni.subnetId)),
      ...attr('private_ips', eni.privateIps),
      ...attr('security_groups', groupIds(c, eni)),
      ...attr('ipv6_address_count', eni.ipv6Ips.length > 0 ? eni.ipv6Ips.length : undefined),
      ...c.tags(`${r.name} eth${i + 1}`, undefined),
    ]);
    const att = c.declare(key, 'aws_network_interface_attachment', `${r.name} eth${i + 1}`, 'eni_attachment');
    c.resource('aws_network_interface_attachment', att, [
      ...c.provider(region),
      ...attr('instance_id', c.ref('aws_instance', r.id, 'id')),
      ...attr('network_interface_id', c.ref('aws_network_interface', key, 'id')),
      ...attr('device_index', i + 1),
    ]);
  });
}

function writeInstanceGroup(c: TfContext, r: InstanceGroup): void {
  const subnets = r.enis.map((e) => subnetRef(c, e.subnetId)).filter((s): s is Expr => s !== undefined);
  if (subnets.length === 0) {
    c.notes.push(`auto scaling group ${r.name}: it has no interface in an exported subnet`);
    return;
  }
  const region = regionOf(c, r);
  const lt = c.declare(r.id, 'aws_launch_template', r.name, 'launch_template');
  c.resource('aws_launch_template', lt, [
    ...c.provider(region),
    ...attr('name_prefix', `${awsName(r.name, { max: 100, fallback: 'tierwise' })}-`),
    ...attr('image_id', c.variable('ami_id', AMI)),
    ...attr('instance_type', c.variable('instance_type', INSTANCE_TYPE)),
    block('network_interfaces', [], [
      ...attr('device_index', 0),
      ...attr('associate_public_ip_address', r.enis[0]?.publicIp !== undefined),
      ...attr('security_groups', groupIds(c, r.enis[0])),
    ]),
    ...c.tags(r.name, r.tags),
  ]);
  const asg = c.declare(r.id, 'aws_autoscaling_group', r.name, 'asg');
  c.resource('aws_autoscaling_group', asg, [
    ...c.provider(region),
    ...attr('name', r.name),
    ...attr('min_size', r.count),
    ...attr('max_size', r.count),
    ...attr('desired_capacity', r.count),
    ...attr('vpc_zone_identifier', subnets),
    block('launch_template', [], [...attr('id', c.ref('aws_launch_template', r.id, 'id')), ...attr('version', '$Latest')]),
  ]);
}

function writeLoadBalancer(c: TfContext, r: LoadBalancer): void {
  const subnets = r.enis.map((e) => subnetRef(c, e.subnetId)).filter((s): s is Expr => s !== undefined);
  const vpcId = vpcOfResource(c.design, r);
  if (subnets.length === 0 || !vpcId) {
    c.notes.push(`load balancer ${r.name}: it has no interface in an exported subnet`);
    return;
  }
  const region = regionOf(c, r);
  const name = c.declare(r.id, 'aws_lb', r.name, 'lb');
  c.resource('aws_lb', name, [
    ...c.provider(region),
    ...attr('name', awsName(r.name, { max: 32, fallback: 'lb' })),
    ...attr('internal', r.scheme === 'internal'),
    ...attr('load_balancer_type', 'application'),
    ...attr('subnets', subnets),
    ...attr('security_groups', groupIds(c, r.enis[0])),
    ...c.tags(r.name, r.tags),
  ]);
  for (const tg of r.targetGroups) {
    const key = `${r.id}#${tg.id}`;
    const tgName = c.declare(key, 'aws_lb_target_group', tg.name, 'tg');
    c.resource('aws_lb_target_group', tgName, [
      ...c.provider(region),
      ...attr('name', awsName(tg.name, { max: 32, fallback: 'tg' })),
      ...attr('port', tg.port),
      ...attr('protocol', tg.protocol),
      ...attr('vpc_id', c.ref('aws_vpc', vpcId, 'id')),
      ...attr('target_type', 'instance'),
      block('health_check', [], [...attr('port', String(tg.healthCheckPort)), ...attr('protocol', tg.protocol)]),
      ...c.tags(tg.name, undefined),
    ]);
    for (const t of tg.targets) {
      const target = c.design.resources[t.resourceId];
      const label = `${tg.name} ${target?.name ?? t.resourceId}`;
      if (target?.kind === 'instance' && c.has('aws_instance', target.id)) {
        const n = c.declare(`${key}#${target.id}`, 'aws_lb_target_group_attachment', label, 'tg_attachment');
        c.resource('aws_lb_target_group_attachment', n, [
          ...c.provider(region),
          ...attr('target_group_arn', c.ref('aws_lb_target_group', key, 'arn')),
          ...attr('target_id', c.ref('aws_instance', target.id, 'id')),
          ...attr('port', t.port ?? tg.port),
        ]);
      } else if (target?.kind === 'instance-group' && c.has('aws_autoscaling_group', target.id)) {
        const n = c.declare(`${key}#${target.id}`, 'aws_autoscaling_attachment', label, 'asg_attachment');
        c.resource('aws_autoscaling_attachment', n, [
          ...c.provider(region),
          ...attr('autoscaling_group_name', c.ref('aws_autoscaling_group', target.id, 'id')),
          ...attr('lb_target_group_arn', c.ref('aws_lb_target_group', key, 'arn')),
        ]);
      } else {
        c.notes.push(`target group ${tg.name}: the target ${target?.name ?? t.resourceId} is not an exported instance`);
      }
    }
  }
  for (const l of r.listeners) {
    const tgKey = `${r.id}#${l.targetGroupId}`;
    const n = c.declare(`${r.id}#${l.id}`, 'aws_lb_listener', `${r.name} ${l.protocol} ${l.port}`, 'listener');
    const https = l.protocol === 'HTTPS';
    c.resource('aws_lb_listener', n, [
      ...c.provider(region),
      ...attr('load_balancer_arn', c.ref('aws_lb', r.id, 'arn')),
      ...attr('port', l.port),
      ...attr('protocol', l.protocol),
      ...attr('ssl_policy', https ? 'ELBSecurityPolicy-TLS13-1-2-2021-06' : undefined),
      ...attr('certificate_arn', https ? c.variable('certificate_arn', { description: 'ACM certificate of the HTTPS listeners.', type: 'string' }) : undefined),
      block('default_action', [], [...attr('type', 'forward'), ...attr('target_group_arn', c.ref('aws_lb_target_group', tgKey, 'arn'))]),
    ]);
  }
}

function writeDatabase(c: TfContext, r: Database): void {
  const subnets = r.subnetIds.map((s) => subnetRef(c, s)).filter((s): s is Expr => s !== undefined);
  if (subnets.length === 0) {
    c.notes.push(`database ${r.name}: none of its subnets is exported`);
    return;
  }
  if (r.engine.startsWith('aurora')) c.notes.push(`database ${r.name}: ${r.engine} also needs an aws_rds_cluster, which is not written`);
  const region = regionOf(c, r);
  const identifier = awsName(r.name, { max: 63, lower: true, letterFirst: true, fallback: 'db' });
  const sg = c.declare(r.id, 'aws_db_subnet_group', r.name, 'db_subnets');
  c.resource('aws_db_subnet_group', sg, [...c.provider(region), ...attr('name', `${identifier}-subnets`), ...attr('subnet_ids', subnets), ...c.tags(r.name, undefined)]);
  const name = c.declare(r.id, 'aws_db_instance', r.name, 'db');
  const items: HclItem[] = [
    ...c.provider(region),
    ...attr('identifier', identifier),
    ...attr('engine', r.engine),
    ...attr('instance_class', c.variable('db_instance_class', { description: 'Instance class of every database.', type: 'string', default: 'db.t3.micro' })),
    ...attr('allocated_storage', 20),
    ...attr('username', c.variable('db_username', { description: 'Master user name of every database (placeholder).', type: 'string', default: 'dbadmin', sensitive: true })),
    ...attr('password', c.variable('db_password', { description: 'Master password of every database: set it outside version control.', type: 'string', sensitive: true })),
    ...attr('db_subnet_group_name', c.ref('aws_db_subnet_group', r.id, 'name')),
    ...attr('vpc_security_group_ids', groupIds(c, r.enis[0])),
    ...attr('port', r.port),
    ...attr('publicly_accessible', r.publiclyAccessible),
    ...attr('skip_final_snapshot', true),
    ...c.tags(r.name, r.tags),
  ];
  c.resource('aws_db_instance', name, items);
}

function writeLambda(c: TfContext, r: LambdaFunction): void {
  const subnets = r.enis.map((e) => subnetRef(c, e.subnetId)).filter((s): s is Expr => s !== undefined);
  const name = c.declare(r.id, 'aws_lambda_function', r.name, 'function');
  c.resource('aws_lambda_function', name, [
    ...c.provider(regionOf(c, r)),
    ...attr('function_name', awsName(r.name, { max: 64, underscore: true, fallback: 'function' })),
    ...attr('role', c.variable('lambda_role_arn', { description: 'Execution role of every function (needs AWSLambdaVPCAccessExecutionRole).', type: 'string' })),
    ...attr('filename', c.variable('lambda_package', { description: 'Deployment package (zip) of every function.', type: 'string', default: 'lambda.zip' })),
    ...attr('handler', 'index.handler'),
    ...attr('runtime', 'nodejs22.x'),
    ...(subnets.length > 0 ? [block('vpc_config', [], [...attr('subnet_ids', subnets), ...attr('security_group_ids', groupIds(c, r.enis[0]))])] : []),
    ...c.tags(r.name, r.tags),
  ]);
}

export function writeResources(c: TfContext): void {
  const all = Object.values(c.design.resources);
  for (const r of all) if (r.kind === 'instance') writeInstance(c, r);
  for (const r of all) if (r.kind === 'instance-group') writeInstanceGroup(c, r);
  for (const r of all) if (r.kind === 'load-balancer') writeLoadBalancer(c, r);
  for (const r of all) if (r.kind === 'database') writeDatabase(c, r);
  for (const r of all) if (r.kind === 'lambda') writeLambda(c, r);
}
