/**
 * One small three-tier account as Terraform records it, for the importer's tests: an ALB in two
 * public subnets, an app instance and a Lambda function in a private subnet behind a NAT gateway,
 * a Postgres database in two data subnets with their own network ACL. The same resources are
 * written as state v4 and as `terraform show -json`, with the attribute quirks Terraform has
 * ("" for unset strings, [] for unset lists, 0 for unset ICMP fields).
 */

export interface InfraResource {
  module?: string;
  type: string;
  name: string;
  values: Record<string, unknown>;
}

const ACCOUNT = '111122223333';
export const ALB_ARN = `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:loadbalancer/app/web/50dc6c495c0c9188`;
export const TG_ARN = `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:targetgroup/app/73e2d6bc24d8a067`;
const LISTENER_ARN = `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2`;

const route = (over: Record<string, string>) => ({
  carrier_gateway_id: '',
  cidr_block: '',
  core_network_arn: '',
  destination_prefix_list_id: '',
  egress_only_gateway_id: '',
  gateway_id: '',
  ipv6_cidr_block: '',
  local_gateway_id: '',
  nat_gateway_id: '',
  network_interface_id: '',
  transit_gateway_id: '',
  vpc_endpoint_id: '',
  vpc_peering_connection_id: '',
  ...over,
});

const rule = (over: Record<string, unknown>) => ({
  cidr_blocks: [],
  description: '',
  from_port: 0,
  ipv6_cidr_blocks: [],
  prefix_list_ids: [],
  protocol: 'tcp',
  security_groups: [],
  self: false,
  to_port: 0,
  ...over,
});

const aclEntry = (over: Record<string, unknown>) => ({ cidr_block: '', icmp_code: 0, icmp_type: 0, ipv6_cidr_block: '', ...over });

const subnet = (name: string, id: string, cidr: string, zone: string): InfraResource => ({
  type: 'aws_subnet',
  name,
  values: { id, vpc_id: 'vpc-0a1', cidr_block: cidr, availability_zone: zone, ipv6_cidr_block: '', map_public_ip_on_launch: false, tags: { Name: name.replace('_', '-') }, tags_all: { Name: name.replace('_', '-') } },
});

export const INFRA: InfraResource[] = [
  {
    type: 'aws_vpc',
    name: 'main',
    values: {
      id: 'vpc-0a1',
      arn: `arn:aws:ec2:eu-west-1:${ACCOUNT}:vpc/vpc-0a1`,
      cidr_block: '10.0.0.0/16',
      ipv6_cidr_block: '',
      default_network_acl_id: 'acl-default',
      main_route_table_id: 'rtb-main',
      owner_id: ACCOUNT,
      tags: { Name: 'shop' },
      tags_all: { Name: 'shop', team: 'platform' },
    },
  },
  subnet('public_a', 'subnet-pub-a', '10.0.1.0/24', 'eu-west-1a'),
  subnet('public_b', 'subnet-pub-b', '10.0.2.0/24', 'eu-west-1b'),
  subnet('app_a', 'subnet-app-a', '10.0.11.0/24', 'eu-west-1a'),
  { type: 'aws_internet_gateway', name: 'igw', values: { id: 'igw-01', vpc_id: 'vpc-0a1', tags: { Name: 'shop-igw' } } },
  { type: 'aws_eip', name: 'nat', values: { id: 'eipalloc-01', allocation_id: 'eipalloc-01', public_ip: '203.0.113.10', domain: 'vpc', instance: '', network_interface: '' } },
  {
    type: 'aws_nat_gateway',
    name: 'nat',
    values: { id: 'nat-01', subnet_id: 'subnet-pub-a', allocation_id: 'eipalloc-01', connectivity_type: 'public', private_ip: '10.0.1.50', public_ip: '', network_interface_id: 'eni-nat', tags: { Name: 'shop-nat' } },
  },
  {
    type: 'aws_route_table',
    name: 'public',
    values: { id: 'rtb-pub', vpc_id: 'vpc-0a1', route: [route({ cidr_block: '0.0.0.0/0', gateway_id: 'igw-01' })], tags: { Name: 'public' } },
  },
  {
    type: 'aws_route_table',
    name: 'private',
    // A refreshed state lists the aws_route below in the table's own routes as well.
    values: { id: 'rtb-priv', vpc_id: 'vpc-0a1', route: [route({ cidr_block: '0.0.0.0/0', nat_gateway_id: 'nat-01' })], tags: { Name: 'private' } },
  },
  { type: 'aws_route', name: 'private_nat', values: { id: 'r-rtb-priv1080289494', route_table_id: 'rtb-priv', destination_cidr_block: '0.0.0.0/0', destination_ipv6_cidr_block: '', destination_prefix_list_id: '', gateway_id: '', nat_gateway_id: 'nat-01', state: 'active' } },
  { type: 'aws_route_table_association', name: 'public_a', values: { id: 'rtbassoc-1', subnet_id: 'subnet-pub-a', route_table_id: 'rtb-pub', gateway_id: '' } },
  { type: 'aws_route_table_association', name: 'public_b', values: { id: 'rtbassoc-2', subnet_id: 'subnet-pub-b', route_table_id: 'rtb-pub', gateway_id: '' } },
  { type: 'aws_route_table_association', name: 'app_a', values: { id: 'rtbassoc-3', subnet_id: 'subnet-app-a', route_table_id: 'rtb-priv', gateway_id: '' } },
  {
    type: 'aws_security_group',
    name: 'alb',
    values: {
      id: 'sg-alb',
      arn: `arn:aws:ec2:eu-west-1:${ACCOUNT}:security-group/sg-alb`,
      name: 'web-alb',
      description: 'Load balancer',
      vpc_id: 'vpc-0a1',
      owner_id: ACCOUNT,
      ingress: [rule({ from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'], description: 'HTTPS from anywhere' }), rule({ from_port: 80, to_port: 80, cidr_blocks: ['0.0.0.0/0'] })],
      egress: [rule({ from_port: 8080, to_port: 8080, security_groups: ['sg-app'] })],
      tags: { Name: 'web-alb' },
    },
  },
  {
    type: 'aws_security_group',
    name: 'app',
    values: {
      id: 'sg-app',
      name: 'app',
      description: 'App servers',
      vpc_id: 'vpc-0a1',
      ingress: [rule({ from_port: 8080, to_port: 8080, security_groups: ['sg-alb'] })],
      egress: [rule({ protocol: '-1', cidr_blocks: ['0.0.0.0/0'] })],
    },
  },
  {
    type: 'aws_security_group',
    name: 'fn',
    values: { id: 'sg-fn', name: 'worker', description: 'Worker function', vpc_id: 'vpc-0a1', ingress: [], egress: [rule({ from_port: 5432, to_port: 5432, security_groups: ['sg-db'] })] },
  },
  {
    type: 'aws_lb',
    name: 'web',
    values: { id: ALB_ARN, arn: ALB_ARN, name: 'web', internal: false, load_balancer_type: 'application', security_groups: ['sg-alb'], subnets: ['subnet-pub-a', 'subnet-pub-b'], subnet_mapping: [{ subnet_id: 'subnet-pub-a' }, { subnet_id: 'subnet-pub-b' }], tags: {} },
  },
  {
    type: 'aws_lb_target_group',
    name: 'app',
    values: { id: TG_ARN, arn: TG_ARN, name: 'app', port: 8080, protocol: 'HTTP', target_type: 'instance', vpc_id: 'vpc-0a1', health_check: [{ port: 'traffic-port', protocol: 'HTTP', path: '/health' }] },
  },
  {
    type: 'aws_lb_listener',
    name: 'https',
    values: { id: LISTENER_ARN, arn: LISTENER_ARN, load_balancer_arn: ALB_ARN, port: 443, protocol: 'HTTPS', default_action: [{ type: 'forward', target_group_arn: TG_ARN, order: 1, forward: [] }] },
  },
  { type: 'aws_lb_target_group_attachment', name: 'app', values: { id: `${TG_ARN}-i-app`, target_group_arn: TG_ARN, target_id: 'i-app', port: 8080 } },
  {
    type: 'aws_instance',
    name: 'app',
    values: {
      id: 'i-app',
      subnet_id: 'subnet-app-a',
      private_ip: '10.0.11.10',
      public_ip: '',
      secondary_private_ips: [],
      ipv6_addresses: [],
      primary_network_interface_id: 'eni-app',
      vpc_security_group_ids: ['sg-app'],
      security_groups: [],
      instance_state: 'running',
      network_interface: [],
      tags: { Name: 'app-1' },
    },
  },
  {
    type: 'aws_lambda_function',
    name: 'worker',
    values: {
      id: 'worker',
      function_name: 'worker',
      arn: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:worker`,
      vpc_config: [{ subnet_ids: ['subnet-app-a'], security_group_ids: ['sg-fn'], vpc_id: 'vpc-0a1' }],
      tags: {},
    },
  },
  // The data tier lives in a child module.
  { module: 'module.data', ...subnet('db_a', 'subnet-db-a', '10.0.21.0/24', 'eu-west-1a') },
  { module: 'module.data', ...subnet('db_b', 'subnet-db-b', '10.0.22.0/24', 'eu-west-1b') },
  { module: 'module.data', type: 'aws_route_table_association', name: 'db_a', values: { id: 'rtbassoc-4', subnet_id: 'subnet-db-a', route_table_id: 'rtb-priv', gateway_id: '' } },
  { module: 'module.data', type: 'aws_route_table_association', name: 'db_b', values: { id: 'rtbassoc-5', subnet_id: 'subnet-db-b', route_table_id: 'rtb-priv', gateway_id: '' } },
  {
    module: 'module.data',
    type: 'aws_network_acl',
    name: 'db',
    values: {
      id: 'acl-db',
      vpc_id: 'vpc-0a1',
      subnet_ids: ['subnet-db-a', 'subnet-db-b'],
      ingress: [
        aclEntry({ rule_no: 100, action: 'allow', protocol: 'tcp', from_port: 5432, to_port: 5432, cidr_block: '10.0.11.0/24' }),
        // What the aws_network_acl_rule below created: a refreshed state lists it here too.
        aclEntry({ rule_no: 90, action: 'deny', protocol: '6', from_port: 22, to_port: 22, cidr_block: '10.0.0.0/16' }),
      ],
      egress: [aclEntry({ rule_no: 100, action: 'allow', protocol: 'tcp', from_port: 1024, to_port: 65535, cidr_block: '10.0.11.0/24' })],
      tags: { Name: 'data' },
    },
  },
  {
    module: 'module.data',
    type: 'aws_network_acl_rule',
    name: 'deny_ssh',
    values: { id: 'nacl-1', network_acl_id: 'acl-db', rule_number: 90, egress: false, protocol: '6', rule_action: 'deny', cidr_block: '10.0.0.0/16', ipv6_cidr_block: '', from_port: 22, to_port: 22, icmp_type: null, icmp_code: null },
  },
  {
    module: 'module.data',
    type: 'aws_network_acl_rule',
    name: 'icmp_in',
    values: { id: 'nacl-2', network_acl_id: 'acl-db', rule_number: 110, egress: false, protocol: 'icmp', rule_action: 'allow', cidr_block: '10.0.0.0/16', ipv6_cidr_block: '', from_port: null, to_port: null, icmp_type: 8, icmp_code: -1 },
  },
  {
    module: 'module.data',
    type: 'aws_security_group',
    name: 'db',
    values: { id: 'sg-db', name: 'orders-db', description: 'Database', vpc_id: 'vpc-0a1', ingress: [], egress: [] },
  },
  {
    module: 'module.data',
    type: 'aws_security_group_rule',
    name: 'db_from_app',
    values: { id: 'sgrule-1', type: 'ingress', security_group_id: 'sg-db', protocol: 'tcp', from_port: 5432, to_port: 5432, cidr_blocks: null, ipv6_cidr_blocks: null, prefix_list_ids: [], source_security_group_id: 'sg-app', self: false, description: 'app' },
  },
  {
    module: 'module.data',
    type: 'aws_vpc_security_group_ingress_rule',
    name: 'db_from_worker',
    values: { id: 'sgr-0123', security_group_id: 'sg-db', ip_protocol: 'tcp', from_port: 5432, to_port: 5432, cidr_ipv4: null, cidr_ipv6: null, prefix_list_id: null, referenced_security_group_id: 'sg-fn', description: 'worker' },
  },
  { module: 'module.data', type: 'aws_db_subnet_group', name: 'db', values: { id: 'db-subnets', name: 'db-subnets', subnet_ids: ['subnet-db-a', 'subnet-db-b'] } },
  {
    module: 'module.data',
    type: 'aws_db_instance',
    name: 'orders',
    values: {
      id: 'db-ABCDEFGHIJKL',
      identifier: 'orders',
      arn: `arn:aws:rds:eu-west-1:${ACCOUNT}:db:orders`,
      engine: 'postgres',
      port: 5432,
      publicly_accessible: false,
      multi_az: false,
      availability_zone: 'eu-west-1a',
      db_subnet_group_name: 'db-subnets',
      vpc_security_group_ids: ['sg-db'],
      tags: { Name: 'orders' },
    },
  },
  { type: 'aws_s3_bucket', name: 'logs', values: { id: 'shop-logs', bucket: 'shop-logs' } },
];

/** The resources as Terraform state v4. */
export function asState(resources: InfraResource[]): Record<string, unknown> {
  return {
    version: 4,
    terraform_version: '1.9.5',
    serial: 12,
    lineage: '5a0f5ab3-0000-4000-8000-000000000000',
    outputs: {},
    resources: resources.map((r) => ({
      ...(r.module ? { module: r.module } : {}),
      mode: 'managed',
      type: r.type,
      name: r.name,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ schema_version: 0, attributes: r.values, sensitive_attributes: [] }],
    })),
  };
}

/** The resources as `terraform show -json` prints a state. */
export function asShow(resources: InfraResource[]): Record<string, unknown> {
  const entry = (r: InfraResource) => ({
    address: `${r.module ? `${r.module}.` : ''}${r.type}.${r.name}`,
    mode: 'managed',
    type: r.type,
    name: r.name,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    schema_version: 0,
    values: r.values,
    sensitive_values: {},
  });
  const modules = [...new Set(resources.flatMap((r) => r.module ?? []))];
  return {
    format_version: '1.0',
    terraform_version: '1.9.5',
    values: {
      root_module: {
        resources: resources.filter((r) => !r.module).map(entry),
        child_modules: modules.map((m) => ({ address: m, resources: resources.filter((r) => r.module === m).map(entry) })),
      },
    },
  };
}
