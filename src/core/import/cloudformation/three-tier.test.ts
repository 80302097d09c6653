/** A hand-written three-tier template: the structure it imports to, and what the engine says about it. */
import { describe, expect, it } from 'vitest';
import { reach } from '../../engine/index.ts';
import type { Endpoint } from '../../engine/index.ts';
import type { Design, SecurityGroup } from '../../model/types.ts';
import { importCloudFormation } from './index.ts';
import { SMALL_JSON, SMALL_YAML, THREE_TIER_YAML } from './test-templates.ts';

function load(text: string, name = 'orders.yaml'): { design: Design; codes: string[] } {
  const r = importCloudFormation([{ name, text }]);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return { design: r.value.design, codes: r.value.warnings.map((w) => w.code) };
}

const rules = (g: SecurityGroup | undefined, direction: 'ingress' | 'egress') =>
  (g?.[direction] ?? []).map((r) => ({ id: r.id, match: r.match, peer: r.peer }));
const internet: Endpoint = { kind: 'internet' };
const res = (resourceId: string): Endpoint => ({ kind: 'resource', resourceId });
const tcp = (port: number) => ({ protocol: 'tcp' as const, port });

describe('a hand-written three-tier template', () => {
  const { design: d, codes } = load(THREE_TIER_YAML);

  it('imports the VPC with the CIDR of its parameter, in the Region of the Region parameter, with AWS defaults', () => {
    expect(d.vpcs).toEqual({
      Vpc: {
        id: 'Vpc',
        name: 'prod-orders',
        region: 'eu-west-1',
        cidrs: ['10.20.0.0/16'],
        ipv6Cidrs: [],
        mainRouteTableId: 'Vpc-main-rt',
        defaultNetworkAclId: 'Vpc-default-acl',
        tags: { Name: 'prod-orders' },
      },
    });
    expect(d.routeTables['Vpc-main-rt']).toEqual({ id: 'Vpc-main-rt', name: 'prod-orders main', vpcId: 'Vpc', routes: [] });
    expect(d.networkAcls['Vpc-default-acl']).toMatchObject({ isDefault: true, entries: [{ ruleNumber: 100, egress: false, action: 'allow', cidr: '0.0.0.0/0' }, { ruleNumber: 100, egress: true }] });
    expect(d.securityGroups['Vpc-default-sg']).toMatchObject({ name: 'default', isDefault: true, vpcId: 'Vpc' });
  });

  it('cuts the subnets with Fn::Cidr and places them in the zones Fn::GetAZs and Fn::GetAtt give', () => {
    const subnets = Object.values(d.subnets).map((s) => [s.id, s.cidr, s.availabilityZone, s.routeTableId ?? 'main', s.networkAclId ?? 'default']);
    expect(subnets).toEqual([
      ['PublicA', '10.20.0.0/24', 'eu-west-1a', 'PublicRoutes', 'default'],
      ['PublicB', '10.20.1.0/24', 'eu-west-1b', 'PublicRoutes', 'default'],
      ['AppA', '10.20.2.0/24', 'eu-west-1a', 'AppRoutes', 'default'],
      ['AppB', '10.20.3.0/24', 'eu-west-1b', 'AppRoutes', 'default'],
      ['DbA', '10.20.4.0/24', 'eu-west-1a', 'main', 'DbAcl'],
      ['DbB', '10.20.5.0/24', 'eu-west-1b', 'main', 'DbAcl'],
    ]);
  });

  it('routes the public subnets to the internet gateway and the app subnets to the NAT gateway', () => {
    expect(d.internetGateways).toEqual({ Igw: { id: 'Igw', name: 'Igw', vpcId: 'Vpc' } });
    expect(d.routeTables.PublicRoutes!.routes).toEqual([{ destination: { cidr: '0.0.0.0/0' }, target: { kind: 'internet-gateway', id: 'Igw' }, state: 'active' }]);
    expect(d.routeTables.AppRoutes!.routes).toEqual([{ destination: { cidr: '0.0.0.0/0' }, target: { kind: 'nat-gateway', id: 'Nat' }, state: 'active' }]);
    expect(d.natGateways).toEqual({ Nat: { id: 'Nat', name: 'Nat', subnetId: 'PublicA', connectivity: 'public', publicIp: '192.0.2.10', state: 'available' } });
    expect(codes).toContain('import/cfn-stand-in-address');
  });

  it('reads NACL entries whether their numbers and flags are quoted or not', () => {
    expect(d.networkAcls.DbAcl).toEqual({
      id: 'DbAcl',
      name: 'db-acl',
      vpcId: 'Vpc',
      isDefault: false,
      entries: [
        { ruleNumber: 100, egress: false, action: 'allow', cidr: '10.20.0.0/16', match: { protocol: 'tcp', ports: { from: 5432, to: 5432 } } },
        { ruleNumber: 100, egress: true, action: 'allow', cidr: '10.20.0.0/16', match: { protocol: 'tcp', ports: { from: 1024, to: 65535 } } },
      ],
      tags: { Name: 'db-acl' },
    });
  });

  it('gives every group its in-line and standalone rules, and AWS allow-all egress only to groups that declare none', () => {
    expect(Object.keys(d.securityGroups)).toEqual(['Vpc-default-sg', 'AlbSG', 'AppSG', 'DbSG']);
    const all = { protocol: 'all' };
    expect(rules(d.securityGroups.AlbSG, 'ingress')).toEqual([
      { id: 'AlbSG-ingress-0', match: { protocol: 'tcp', ports: { from: 443, to: 443 } }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } },
      { id: 'AlbSG-ingress-1', match: { protocol: 'tcp', ports: { from: 80, to: 80 } }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } },
    ]);
    expect(rules(d.securityGroups.AlbSG, 'egress')).toEqual([{ id: 'AlbSG-egress-0', match: { protocol: 'tcp', ports: { from: 8080, to: 8080 } }, peer: { kind: 'security-group', groupId: 'AppSG' } }]);
    expect(rules(d.securityGroups.AppSG, 'ingress')).toEqual([{ id: 'AppFromAlb', match: { protocol: 'tcp', ports: { from: 8080, to: 8080 } }, peer: { kind: 'security-group', groupId: 'AlbSG' } }]);
    expect(rules(d.securityGroups.AppSG, 'egress')).toEqual([{ id: 'AppSG-egress-all', match: all, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } }]);
    expect(rules(d.securityGroups.DbSG, 'ingress')).toEqual([
      { id: 'DbSG-ingress-0', match: { protocol: 'tcp', ports: { from: 22, to: 22 } }, peer: { kind: 'cidr', cidr: '203.0.113.0/24' } },
      { id: 'DbFromApp', match: { protocol: 'tcp', ports: { from: 5432, to: 5432 } }, peer: { kind: 'security-group', groupId: 'AppSG' } },
    ]);
    expect(d.securityGroups.AlbSG).toMatchObject({ name: 'orders-alb', description: 'HTTPS from anywhere', vpcId: 'Vpc', isDefault: false });
    expect(d.securityGroups.AlbSG!.ingress[0]!.description).toBe('HTTPS from anywhere');
  });

  it('leaves out a resource whose condition is false with the defaults, and says so', () => {
    expect(rules(d.securityGroups.AppSG, 'ingress').map((r) => r.id)).not.toContain('DevShell');
    expect(codes).toContain('import/cfn-condition-false');
  });

  it('imports the instance, the load balancer with listener and target group, the database and the function', () => {
    expect(d.resources.App).toEqual({
      id: 'App',
      kind: 'instance',
      name: 'app-1',
      role: 'app',
      platform: 'linux',
      enis: [{ id: 'App-eni-0', subnetId: 'AppA', privateIps: ['10.20.2.10'], ipv6Ips: [], securityGroupIds: ['AppSG'] }],
      tags: { Name: 'app-1' },
    });
    const alb = d.resources.Alb;
    expect(alb).toMatchObject({
      kind: 'load-balancer',
      name: 'orders',
      scheme: 'internet-facing',
      listeners: [{ id: 'HttpsListener', protocol: 'HTTPS', port: 443, targetGroupId: 'AppTargets' }],
      targetGroups: [{ id: 'AppTargets', name: 'orders-app', protocol: 'HTTP', port: 8080, healthCheckPort: 'traffic-port', targets: [{ resourceId: 'App' }] }],
    });
    expect(alb).not.toHaveProperty('arn');
    expect(alb!.enis.map((e) => [e.subnetId, e.securityGroupIds])).toEqual([
      ['PublicA', ['AlbSG']],
      ['PublicB', ['AlbSG']],
    ]);
    expect(d.resources.Db).toMatchObject({ kind: 'database', name: 'orders-db', engine: 'postgres', port: 5432, publiclyAccessible: false, subnetIds: ['DbA', 'DbB'] });
    expect(d.resources.Db!.enis.map((e) => [e.subnetId, e.securityGroupIds])).toEqual([['DbA', ['DbSG']]]);
    expect(d.resources.Worker).toMatchObject({ kind: 'lambda', name: 'orders-worker-prod' });
    expect(d.resources.Worker!.enis.map((e) => [e.subnetId, e.securityGroupIds])).toEqual([
      ['AppA', ['AppSG']],
      ['AppB', ['AppSG']],
    ]);
    expect(Object.keys(d.resources)).toEqual(['App', 'Alb', 'Db', 'Worker']);
  });

  it('lets the Internet reach the load balancer on 443', () => {
    expect(reach(d, internet, res('Alb'), tcp(443))).toMatchObject({ verdict: 'reachable', explanations: [] });
  });

  it('keeps the Internet from the database: it has no public address', () => {
    const r = reach(d, internet, res('Db'), tcp(5432));
    expect(r.verdict).toBe('unreachable');
    expect(r.explanations[0]).toMatchObject({ code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS', componentType: 'internet-gateway', componentId: 'Igw' });
  });

  it('lets the app tier reach the database on 5432, through the standalone rule and the database ACL', () => {
    expect(reach(d, res('App'), res('Db'), tcp(5432))).toMatchObject({ verdict: 'reachable', explanations: [] });
    expect(reach(d, res('Alb'), res('App'), tcp(8080))).toMatchObject({ verdict: 'reachable' });
    // The database is no target of the load balancer, whose group lets out only 8080, and the database admits only the app tier.
    const blocked = reach(d, res('Alb'), res('Db'), tcp(5432));
    expect(blocked.verdict).toBe('unreachable');
    expect(blocked.explanations.map((e) => [e.code, e.componentId, e.direction])).toEqual([
      ['ELB_TARGET_NOT_REGISTERED', 'Alb', undefined],
      ['ENI_SG_RULES_MISMATCH', 'AlbSG', 'egress'],
      ['ENI_SG_RULES_MISMATCH', 'DbSG', 'ingress'],
    ]);
  });
});

describe('YAML short forms and JSON long forms', () => {
  it('give the same design', () => {
    const yaml = load(SMALL_YAML, 'edge.yaml').design;
    const json = load(SMALL_JSON, 'edge.json').design;
    expect(json).toEqual(yaml);
    expect(yaml.vpcs.Net!.name).toBe('edge-net');
    expect(yaml.subnets.Front).toMatchObject({ cidr: '172.16.4.0/22', availabilityZone: 'us-east-1c', networkAclId: 'FrontAcl' });
    expect(yaml.securityGroups.Web).toMatchObject({
      description: 'edge web in us-east-1',
      ingress: [
        { id: 'Web-ingress-0', match: { protocol: 'icmp', icmp: { type: 8, code: -1 } }, peer: { kind: 'cidr', cidr: '10.0.0.0/8' } },
        { id: 'Web-ingress-1', match: { protocol: 'all' }, peer: { kind: 'security-group', groupId: 'Web' } },
      ],
    });
    expect(yaml.networkAcls.FrontAcl!.entries).toEqual([
      { ruleNumber: 90, egress: false, action: 'deny', cidr: '0.0.0.0/0', match: { protocol: 'tcp', ports: { from: 22, to: 22 } } },
      { ruleNumber: 100, egress: false, action: 'allow', cidr: '0.0.0.0/0', match: { protocol: 'all' } },
    ]);
  });
});
