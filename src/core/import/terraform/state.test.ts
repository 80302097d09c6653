/**
 * A three-tier account as Terraform state v4 and as `terraform show -json`: both import into the
 * same design, with the structure the resources describe, and reach answers on it as AWS would.
 */
import { describe, expect, it } from 'vitest';
import { reach } from '../../engine/index.ts';
import type { Endpoint, Flow } from '../../engine/types.ts';
import type { Design, LoadBalancer } from '../../model/types.ts';
import { importSources, type Imported } from '../index.ts';
import { ALB_ARN, INFRA, TG_ARN, asShow, asState } from './test-infra.ts';

const res = (resourceId: string): Endpoint => ({ kind: 'resource', resourceId });
const tcp = (port: number): Flow => ({ protocol: 'tcp', port });
const internet: Endpoint = { kind: 'internet' };

async function imported(name: string, json: unknown): Promise<Imported> {
  const r = await importSources([{ name, text: JSON.stringify(json, null, 2) }]);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const ALB_ID = 'app/web/50dc6c495c0c9188';

describe('Terraform state v4: a three-tier account', async () => {
  const { design: d, warnings, kind } = await imported('prod.tfstate', asState(INFRA));

  it('is recognised as state', () => {
    expect(kind).toBe('terraform-state');
    expect(d.name).toBe('Terraform prod');
  });

  it('reads the VPC, its subnets (modules included) and the Region from the ARNs', () => {
    expect(d.vpcs['vpc-0a1']).toEqual({
      id: 'vpc-0a1',
      name: 'shop',
      region: 'eu-west-1',
      cidrs: ['10.0.0.0/16'],
      ipv6Cidrs: [],
      ownerId: '111122223333',
      tags: { Name: 'shop', team: 'platform' },
    });
    expect(Object.values(d.subnets).map((s) => [s.id, s.cidr, s.availabilityZone, s.routeTableId, s.networkAclId])).toEqual([
      ['subnet-pub-a', '10.0.1.0/24', 'eu-west-1a', 'rtb-pub', undefined],
      ['subnet-pub-b', '10.0.2.0/24', 'eu-west-1b', 'rtb-pub', undefined],
      ['subnet-app-a', '10.0.11.0/24', 'eu-west-1a', 'rtb-priv', undefined],
      ['subnet-db-a', '10.0.21.0/24', 'eu-west-1a', 'rtb-priv', 'acl-db'],
      ['subnet-db-b', '10.0.22.0/24', 'eu-west-1b', 'rtb-priv', 'acl-db'],
    ]);
  });

  it('reads gateways and routes; an aws_route its table already lists is not doubled', () => {
    expect(d.internetGateways['igw-01']).toEqual({ id: 'igw-01', name: 'shop-igw', vpcId: 'vpc-0a1', tags: { Name: 'shop-igw' } });
    expect(d.natGateways['nat-01']).toMatchObject({ subnetId: 'subnet-pub-a', connectivity: 'public', privateIp: '10.0.1.50', publicIp: '203.0.113.10' });
    expect(d.routeTables['rtb-pub']!.routes).toEqual([{ destination: { cidr: '0.0.0.0/0' }, target: { kind: 'internet-gateway', id: 'igw-01' }, state: 'active' }]);
    expect(d.routeTables['rtb-priv']!.routes).toEqual([{ destination: { cidr: '0.0.0.0/0' }, target: { kind: 'nat-gateway', id: 'nat-01' }, state: 'active' }]);
  });

  it('reads the network ACL with its in-line entries and the standalone rules it lacks', () => {
    expect(d.networkAcls['acl-db']!.entries).toEqual([
      { ruleNumber: 90, egress: false, action: 'deny', cidr: '10.0.0.0/16', match: { protocol: 'tcp', ports: { from: 22, to: 22 } } },
      { ruleNumber: 100, egress: false, action: 'allow', cidr: '10.0.11.0/24', match: { protocol: 'tcp', ports: { from: 5432, to: 5432 } } },
      { ruleNumber: 110, egress: false, action: 'allow', cidr: '10.0.0.0/16', match: { protocol: 'icmp', icmp: { type: 8, code: -1 } } },
      { ruleNumber: 100, egress: true, action: 'allow', cidr: '10.0.11.0/24', match: { protocol: 'tcp', ports: { from: 1024, to: 65535 } } },
    ]);
  });

  it('reads groups with in-line rules, aws_security_group_rule and aws_vpc_security_group_ingress_rule', () => {
    const alb = d.securityGroups['sg-alb']!;
    expect(alb).toMatchObject({ name: 'web-alb', description: 'Load balancer', vpcId: 'vpc-0a1', isDefault: false });
    expect(alb.ingress.map((r) => [r.match, r.peer, r.description])).toEqual([
      [{ protocol: 'tcp', ports: { from: 443, to: 443 } }, { kind: 'cidr', cidr: '0.0.0.0/0' }, 'HTTPS from anywhere'],
      [{ protocol: 'tcp', ports: { from: 80, to: 80 } }, { kind: 'cidr', cidr: '0.0.0.0/0' }, undefined],
    ]);
    expect(alb.egress.map((r) => r.peer)).toEqual([{ kind: 'security-group', groupId: 'sg-app' }]);
    expect(d.securityGroups['sg-app']!.egress.map((r) => [r.match, r.peer])).toEqual([[{ protocol: 'all' }, { kind: 'cidr', cidr: '0.0.0.0/0' }]]);
    expect(d.securityGroups['sg-db']!.ingress.map((r) => [r.match, r.peer, r.description])).toEqual([
      [{ protocol: 'tcp', ports: { from: 5432, to: 5432 } }, { kind: 'security-group', groupId: 'sg-app' }, 'app'],
      [{ protocol: 'tcp', ports: { from: 5432, to: 5432 } }, { kind: 'security-group', groupId: 'sg-fn' }, 'worker'],
    ]);
    expect(d.securityGroups['sg-db']!.egress).toEqual([]);
  });

  it('reads the instance, the ALB with listener and targets, the database and the function', () => {
    expect(d.resources['i-app']).toMatchObject({
      kind: 'instance',
      name: 'app-1',
      role: 'app',
      enis: [{ id: 'eni-app', subnetId: 'subnet-app-a', privateIps: ['10.0.11.10'], securityGroupIds: ['sg-app'] }],
    });
    const alb = d.resources[ALB_ID] as LoadBalancer;
    expect(alb).toMatchObject({ kind: 'load-balancer', name: 'web', arn: ALB_ARN, scheme: 'internet-facing' });
    expect(alb.enis.map((e) => [e.subnetId, e.securityGroupIds])).toEqual([
      ['subnet-pub-a', ['sg-alb']],
      ['subnet-pub-b', ['sg-alb']],
    ]);
    expect(alb.listeners).toEqual([{ id: 'listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2', protocol: 'HTTPS', port: 443, targetGroupId: 'targetgroup/app/73e2d6bc24d8a067' }]);
    expect(alb.targetGroups).toEqual([
      { id: TG_ARN.split(':').at(-1), name: 'app', protocol: 'HTTP', port: 8080, healthCheckPort: 'traffic-port', targets: [{ resourceId: 'i-app' }] },
    ]);
    expect(d.resources.orders).toMatchObject({ kind: 'database', engine: 'postgres', port: 5432, publiclyAccessible: false, subnetIds: ['subnet-db-a', 'subnet-db-b'] });
    expect(d.resources.orders!.enis.map((e) => [e.subnetId, e.securityGroupIds])).toEqual([['subnet-db-a', ['sg-db']]]);
    expect(d.resources.worker).toMatchObject({ kind: 'lambda' });
    expect(d.resources.worker!.enis.map((e) => [e.subnetId, e.securityGroupIds])).toEqual([['subnet-app-a', ['sg-fn']]]);
  });

  it('warns once about the type it does not model, and about what it had to make up', () => {
    expect(warnings.filter((w) => w.code === 'import/terraform-unknown-type').map((w) => w.message)).toEqual([
      'aws_s3_bucket (1 resource, first aws_s3_bucket.logs) is not part of the network Tierwise models; left out.',
    ]);
    // ALB nodes, the database and the function have no interface in the state: each is synthesised.
    expect(warnings.filter((w) => w.code === 'import/synthesised-interface').map((w) => w.subject)).toEqual([ALB_ID, ALB_ID, 'orders', 'worker']);
    const synthesised = warnings.find((w) => w.subject === 'orders' && w.code === 'import/synthesised-interface')!;
    expect(synthesised.file).toBe('prod.tfstate');
    expect(synthesised.path).toMatch(/^resources\[\d+\]\.instances\[0\]\.attributes$/);
    expect(warnings.map((w) => w.message).join('\n')).not.toMatch(/describe-|bundle/);
  });

  it('gives reach the answers AWS would', () => {
    expect(reach(d, internet, res(ALB_ID), tcp(443)).verdict).toBe('reachable');
    const codes = (from: Endpoint, to: Endpoint, flow: Flow) => reach(d, from, to, flow).explanations.map((e) => e.code);
    // Port 22: no listener, and the ALB's group does not admit it; port 80: admitted, but nothing listens.
    expect(codes(internet, res(ALB_ID), tcp(22))).toEqual(['ELBV2_LISTENERS_MISMATCH', 'ENI_SG_RULES_MISMATCH']);
    expect(codes(internet, res(ALB_ID), tcp(80))).toEqual(['ELBV2_LISTENERS_MISMATCH']);
    // SSH to the database: the data subnets' ACL denies it (rule 90), and its group admits only 5432.
    expect(codes(res('i-app'), res('orders'), tcp(22))).toEqual(['SUBNET_ACL_RESTRICTION', 'ENI_SG_RULES_MISMATCH']);
    expect(reach(d, res(ALB_ID), res('i-app'), tcp(8080)).verdict).toBe('reachable');
    expect(reach(d, internet, res('i-app'), tcp(8080)).verdict).toBe('unreachable');
    expect(reach(d, res('i-app'), res('orders'), tcp(5432)).verdict).toBe('reachable');
    expect(reach(d, res('worker'), res('orders'), tcp(5432)).verdict).toBe('reachable');
    expect(reach(d, res('i-app'), internet, tcp(443)).verdict).toBe('reachable');
    expect(reach(d, res('orders'), internet, tcp(443)).verdict).toBe('unreachable');
  });
});

describe('terraform show -json of the same account', async () => {
  const fromState = (await imported('prod.tfstate', asState(INFRA))).design;
  const shown = await imported('show.json', asShow(INFRA));

  it('is recognised as show output and imports into the same design', () => {
    expect(shown.kind).toBe('terraform-plan');
    const same = (x: Design) => ({ ...x, name: '' });
    expect(same(shown.design)).toEqual(same(fromState));
  });

  it('reads resources of nested child modules', async () => {
    const nested = asShow(INFRA) as { values: { root_module: { child_modules: Array<Record<string, unknown>> } } };
    const [data] = nested.values.root_module.child_modules;
    nested.values.root_module.child_modules = [{ address: 'module.outer', resources: [], child_modules: [data] }];
    const again = await imported('nested.json', nested);
    expect(Object.keys(again.design.subnets)).toEqual(Object.keys(fromState.subnets));
    expect(again.design.resources.orders).toEqual(fromState.resources.orders);
  });

  it('reads a plan: planned_values, with addresses for ids still unknown', async () => {
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            { address: 'aws_vpc.new', mode: 'managed', type: 'aws_vpc', name: 'new', values: { cidr_block: '10.9.0.0/16', tags: { Name: 'planned' } } },
            { address: 'aws_security_group.web', mode: 'managed', type: 'aws_security_group', name: 'web', values: { name: 'web', description: 'w', vpc_id: 'vpc-0a1', ingress: [{ protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] }], egress: [] } },
          ],
        },
      },
    };
    const p = await imported('plan.json', plan);
    expect(p.kind).toBe('terraform-plan');
    expect(p.design.vpcs['aws_vpc.new']).toMatchObject({ name: 'planned', cidrs: ['10.9.0.0/16'] });
    expect(p.design.securityGroups['aws_security_group.web']!.ingress.map((r) => r.peer)).toEqual([{ kind: 'cidr', cidr: '0.0.0.0/0' }]);
  });

  it('reads a plan whose ids are unknown until apply through its configuration references, modules included', async () => {
    const refs = (address: string) => ({ references: [`${address}.id`, address] });
    const rule = { description: '', ipv6_cidr_blocks: [], prefix_list_ids: [], self: false };
    const plan = {
      format_version: '1.2',
      terraform_version: '1.9.5',
      planned_values: {
        root_module: {
          resources: [
            { address: 'aws_vpc.main', mode: 'managed', type: 'aws_vpc', name: 'main', values: { cidr_block: '10.50.0.0/16', tags: { Name: 'next' } } },
            { address: 'aws_security_group.lb', mode: 'managed', type: 'aws_security_group', name: 'lb', values: { name: 'lb', description: 'lb', egress: [], ingress: [{ ...rule, from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], security_groups: [] }] } },
            // ingress holds a group id still unknown: the whole set is unknown, so values leave it out.
            { address: 'aws_security_group.web', mode: 'managed', type: 'aws_security_group', name: 'web', values: { name: 'web', description: 'web', egress: [] } },
            { address: 'aws_instance.web', mode: 'managed', type: 'aws_instance', name: 'web', values: { instance_type: 't3.micro', tags: { Name: 'web-1' } } },
          ],
          child_modules: [
            {
              address: 'module.net',
              resources: [{ address: 'module.net.aws_subnet.a', mode: 'managed', type: 'aws_subnet', name: 'a', values: { cidr_block: '10.50.1.0/24', availability_zone: 'eu-west-1a' } }],
            },
          ],
        },
      },
      configuration: {
        root_module: {
          resources: [
            { address: 'aws_vpc.main', expressions: { cidr_block: { constant_value: '10.50.0.0/16' } } },
            { address: 'aws_security_group.lb', expressions: { vpc_id: refs('aws_vpc.main') } },
            {
              address: 'aws_security_group.web',
              expressions: { vpc_id: refs('aws_vpc.main'), ingress: [{ from_port: { constant_value: 80 }, to_port: { constant_value: 80 }, protocol: { constant_value: 'tcp' }, security_groups: refs('aws_security_group.lb') }] },
            },
            { address: 'aws_instance.web', expressions: { subnet_id: { references: ['module.net.subnet_id', 'module.net'] }, vpc_security_group_ids: refs('aws_security_group.web') } },
          ],
          module_calls: {
            net: {
              expressions: { vpc_id: refs('aws_vpc.main') },
              module: { resources: [{ address: 'aws_subnet.a', expressions: { vpc_id: { references: ['var.vpc_id'] } } }] },
            },
          },
        },
      },
    };
    const p = await imported('plan.json', plan);
    const d = p.design;
    expect(d.subnets['module.net.aws_subnet.a']).toMatchObject({ vpcId: 'aws_vpc.main', cidr: '10.50.1.0/24' });
    expect(d.securityGroups['aws_security_group.web']).toMatchObject({
      vpcId: 'aws_vpc.main',
      ingress: [{ match: { protocol: 'tcp', ports: { from: 80, to: 80 } }, peer: { kind: 'security-group', groupId: 'aws_security_group.lb' } }],
    });
    // A module output is not followed: the instance's subnet stays unknown, and the warning says so.
    expect(d.resources['aws_instance.web']).toMatchObject({ name: 'web-1', enis: [] });
    expect(p.warnings.map((w) => w.code)).toContain('import/instance-without-subnet');
  });
});
