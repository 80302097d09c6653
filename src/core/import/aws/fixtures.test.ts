/**
 * Real AWS output from public repositories (shared/fixtures/aws, see its SOURCES.md), read in
 * place from ../shared relative to the repository; skipped with a printed reason when absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Design, Instance, SecurityGroup } from '../../model/types.ts';
import { importDescribeBundle, recogniseJson, recogniseText } from './index.ts';
import type { ImportWarning } from './warnings.ts';

const DIR = fileURLToPath(new URL('../../../../../shared/fixtures/aws/', import.meta.url));
const present = existsSync(DIR);
if (!present) console.warn(`[aws fixtures] skipped: ${DIR} does not exist (the shared fixtures live beside the repository).`);

const read = (name: string): string => readFileSync(`${DIR}${name}`, 'utf8');

function load(...names: string[]): { design: Design; warnings: ImportWarning[] } {
  const r = importDescribeBundle(names.map((name) => ({ name, text: read(name) })));
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const codes = (warnings: ImportWarning[]): string[] => warnings.map((w) => w.code);
const ruleCount = (d: Design): number => Object.values(d.securityGroups).reduce((n, g) => n + g.ingress.length + g.egress.length, 0);
const instances = (d: Design): Instance[] => Object.values(d.resources).filter((r): r is Instance => r.kind === 'instance');
const group = (d: Design, id: string): SecurityGroup => {
  const g = d.securityGroups[id];
  if (!g) throw new Error(`no group ${id}`);
  return g;
};
const peers = (g: SecurityGroup, direction: 'ingress' | 'egress'): unknown[] => g[direction].map((r) => ({ match: r.match, peer: r.peer }));

/** What the raw JSON holds, counted independently of the importer. */
function rawCounts(json: Record<string, unknown[] | undefined>): { groups: number; peers: number; instances: number } {
  const groups = (json.SecurityGroups ?? []) as Array<Record<string, Array<Record<string, unknown[] | undefined>> | undefined>>;
  let n = 0;
  for (const g of groups) {
    for (const p of [...(g.IpPermissions ?? []), ...(g.IpPermissionsEgress ?? [])]) {
      n += (p.IpRanges ?? []).length + (p.Ipv6Ranges ?? []).length + (p.PrefixListIds ?? []).length + (p.UserIdGroupPairs ?? []).length;
    }
  }
  const reservations = (json.Reservations ?? []) as Array<{ Instances?: unknown[] }>;
  return { groups: groups.length, peers: n, instances: reservations.reduce((k, r) => k + (r.Instances ?? []).length, 0) };
}

/** Files that are not describe output: another importer reads them (Terraform, CloudFormation). */
const OTHER_KINDS = new Set(['terraform-state', 'terraform-plan', 'terraform-hcl', 'cloudformation']);

describe.skipIf(!present)('AWS describe fixtures', () => {
  const files = present ? readdirSync(DIR).filter((f) => f !== 'SOURCES.md').sort() : [];

  it('recognises every fixture by content: describe output to import, the rest skipped by kind', () => {
    const kinds = Object.fromEntries(files.map((f) => [f, recogniseText(read(f)).kind]));
    for (const [file, kind] of Object.entries(kinds)) {
      expect(kind === 'describe-bundle' || OTHER_KINDS.has(kind), `${file} is ${kind}`).toBe(true);
    }
    expect(kinds['inframap_testdata_aws_state_sg.json']).toBe('terraform-state');
    expect(kinds['inframap_testdata_aws_hcl_sg.tf']).toBe('terraform-hcl');
    expect(kinds['aws-refarch-wordpress_02-securitygroups.yaml']).toBe('cloudformation');
    expect(Object.values(kinds).filter((k) => k === 'describe-bundle')).toHaveLength(17);
  });

  describe('every describe file imports alone and keeps what it holds', () => {
    for (const file of files) {
      if (!file.endsWith('.json')) continue;
      const json = JSON.parse(read(file)) as Record<string, unknown[] | undefined>;
      const kind = recogniseJson(json).kind;
      // Terraform state and the like are recognised (asserted above) and read by their own importers.
      if (kind !== 'describe-bundle') continue;
      it(file, () => {
        const { design } = load(file);
        const raw = rawCounts(json);
        expect(Object.keys(design.securityGroups)).toHaveLength(raw.groups);
        expect(ruleCount(design)).toBe(raw.peers);
        expect(instances(design)).toHaveLength(raw.instances + (file.includes('network-interfaces') ? json.NetworkInterfaces!.length : 0));
        expect(Object.keys(design.subnets)).toHaveLength((json.Subnets ?? []).length);
        expect(Object.keys(design.vpcs).length).toBeGreaterThanOrEqual((json.Vpcs ?? []).length);
        expect(Object.keys(design.routeTables)).toHaveLength((json.RouteTables ?? []).length);
      });
    }
  });

  it('cloudmapper security groups: the 3-tier graph of vpc-12345678', () => {
    const { design: d, warnings } = load('cloudmapper_demo_ec2-describe-security-groups.json');
    const groups = Object.values(d.securityGroups);
    expect(groups).toHaveLength(8);
    expect(new Set(groups.map((g) => g.vpcId))).toEqual(new Set(['vpc-12345678']));
    expect(groups.map((g) => g.name).sort()).toEqual(
      ['Bastion', 'Bastion access', 'Database', 'Endpoint', 'Internal web', 'Public', 'Public web', 'default'].sort(),
    );
    // Bastion: SSH from the two office ranges; 2.2.2.2/28 is stored the way AWS stores it.
    expect(peers(group(d, 'sg-00000002'), 'ingress')).toEqual([
      { match: { protocol: 'tcp', ports: { from: 22, to: 22 } }, peer: { kind: 'cidr', cidr: '1.1.1.1/32' } },
      { match: { protocol: 'tcp', ports: { from: 22, to: 22 } }, peer: { kind: 'cidr', cidr: '2.2.2.0/28' } },
    ]);
    expect(warnings).toContainEqual(
      expect.objectContaining({
        code: 'import/cidr-canonicalised',
        file: 'cloudmapper_demo_ec2-describe-security-groups.json',
        path: 'SecurityGroups[6].IpPermissions[0].IpRanges[1].CidrIp',
      }),
    );
    // Internal web: 8000 from Public web and from Bastion, one rule per peer, deterministic ids.
    expect(group(d, 'sg-00000004').ingress).toEqual([
      { id: 'sg-00000004-ingress-0-0', match: { protocol: 'tcp', ports: { from: 8000, to: 8000 } }, peer: { kind: 'security-group', groupId: 'sg-00000003' } },
      { id: 'sg-00000004-ingress-0-1', match: { protocol: 'tcp', ports: { from: 8000, to: 8000 } }, peer: { kind: 'security-group', groupId: 'sg-00000002' } },
    ]);
    expect(d.securityGroups['sg-00000003']!.name).toBe('Public web');
    expect(peers(group(d, 'sg-00000005'), 'ingress')).toEqual([
      { match: { protocol: 'tcp', ports: { from: 5432, to: 5432 } }, peer: { kind: 'security-group', groupId: 'sg-00000004' } },
    ]);
    const dflt = group(d, 'sg-00000001');
    expect(dflt.isDefault).toBe(true);
    expect(peers(dflt, 'ingress')).toEqual([{ match: { protocol: 'all' }, peer: { kind: 'security-group', groupId: 'sg-00000001' } }]);
    for (const g of groups) expect(peers(g, 'egress')).toEqual([{ match: { protocol: 'all' }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } }]);
  });

  it('cloudmapper instances alone: 3 instances with roles, their interfaces left out for want of subnets', () => {
    const { design: d, warnings } = load('cloudmapper_demo_ec2-describe-instances.json');
    expect(instances(d).map((i) => [i.id, i.name, i.role, i.enis.length])).toEqual([
      ['i-00000000000000000', 'Bastion', 'bastion', 0],
      ['i-00000000000000001', 'Web1', 'web', 0],
      ['i-00000000000000002', 'Web2', 'web', 0],
    ]);
    expect(codes(warnings).filter((c) => c === 'import/unknown-subnet')).toHaveLength(3);
  });

  it('cloudmapper subnets alone: 4 subnets in a stand-in VPC made from their CIDRs', () => {
    const { design: d, warnings } = load('cloudmapper_demo_ec2-describe-subnets.json');
    expect(Object.values(d.subnets).map((s) => [s.id, s.name, s.availabilityZone, s.cidr])).toEqual([
      ['subnet-00000001', 'Public 1a', 'us-east-1a', '10.0.0.0/24'],
      ['subnet-00000002', 'Public 1b', 'us-east-1b', '10.0.1.0/24'],
      ['subnet-00000003', 'Private 1a', 'us-east-1a', '10.0.2.0/24'],
      ['subnet-00000004', 'Private 1b', 'us-east-1b', '10.0.3.0/24'],
    ]);
    expect(d.vpcs['vpc-12345678']).toMatchObject({ region: 'us-east-1', cidrs: ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'] });
    expect(codes(warnings)).toContain('import/stand-in-vpc');
  });

  it('cloudmapper VPC alone: the default VPC is kept, with a warning that it is empty', () => {
    const { design: d, warnings } = load('cloudmapper_demo_ec2-describe-vpcs.json');
    expect(d.vpcs['vpc-12345678']).toMatchObject({ name: 'Prod', cidrs: ['10.0.0.0/16'], tags: { Name: 'Prod' } });
    expect(codes(warnings)).toEqual(expect.arrayContaining(['import/empty-default-vpc', 'import/unknown-region']));
  });

  it('the cloudmapper set as one bundle: VPC, subnets, groups and instances fit together', () => {
    const { design: d, warnings } = load(
      'cloudmapper_demo_ec2-describe-vpcs.json',
      'cloudmapper_demo_ec2-describe-subnets.json',
      'cloudmapper_demo_ec2-describe-security-groups.json',
      'cloudmapper_demo_ec2-describe-instances.json',
      'cloudmapper_demo_ec2-describe-network-interfaces.json',
    );
    expect(d.name).toBe('AWS us-east-1');
    expect(Object.keys(d.vpcs)).toEqual(['vpc-12345678']);
    expect(d.vpcs['vpc-12345678']!.region).toBe('us-east-1');
    expect(Object.keys(d.subnets)).toHaveLength(4);
    expect(Object.keys(d.securityGroups)).toHaveLength(8);
    const byName = Object.fromEntries(instances(d).map((i) => [i.name, i]));
    expect(byName.Bastion).toMatchObject({
      role: 'bastion',
      enis: [{ id: 'eni-00000000', subnetId: 'subnet-00000001', privateIps: ['10.0.0.1'], publicIp: '1.2.3.4', securityGroupIds: ['sg-00000002'] }],
    });
    expect(byName.Web1).toMatchObject({ role: 'web', enis: [{ subnetId: 'subnet-00000003', privateIps: ['10.0.2.1'], securityGroupIds: ['sg-00000004'] }] });
    expect(byName.Web2).toMatchObject({ role: 'web', enis: [{ subnetId: 'subnet-00000004', privateIps: ['10.0.3.1'], securityGroupIds: ['sg-00000004'] }] });
    expect(byName.Web1!.enis[0]!.publicIp).toBeUndefined();
    // The demo reuses eni-00000000 on all three instances: ids are made unique, with a warning.
    expect(new Set(instances(d).flatMap((i) => i.enis.map((e) => e.id))).size).toBe(4);
    expect(codes(warnings).filter((c) => c === 'import/duplicate-interface')).toHaveLength(2);
    // The ECS task's interface belongs to nothing described: an instance of role other, in group Public.
    expect(d.resources['eni-00000001']).toMatchObject({ kind: 'instance', role: 'other', enis: [{ securityGroupIds: ['sg-00000008'], publicIp: '3.80.3.41' }] });
    expect(codes(warnings)).toEqual(expect.arrayContaining(['import/standalone-interface', 'import/address-outside-subnet']));
    expect(codes(warnings)).not.toContain('import/empty-default-vpc');
  });

  it('aws-security-viz dummy: EC2-Classic shapes (no VpcId, amazon-elb pairs, names beside ids)', () => {
    const { design: d, warnings } = load('aws-security-viz_spec_integration_dummy.json');
    expect(Object.keys(d.securityGroups)).toEqual(['sg-appgrp', 'sg-dbgrp']);
    const app = group(d, 'sg-appgrp');
    expect(app).toMatchObject({ name: 'app', description: 'app', vpcId: 'ec2-classic', ownerId: 'owner1', egress: [] });
    expect(peers(app, 'ingress')).toEqual([
      { match: { protocol: 'tcp', ports: { from: 80, to: 80 } }, peer: { kind: 'cidr', cidr: '8.8.8.8/32' } },
      { match: { protocol: 'tcp', ports: { from: 80, to: 80 } }, peer: { kind: 'security-group', groupId: 'sg-amzelb', ownerId: 'amazon-elb', groupName: 'amazon-elb-sg' } },
      { match: { protocol: 'tcp', ports: { from: 22, to: 22 } }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } },
    ]);
    expect(peers(group(d, 'sg-dbgrp'), 'ingress')).toEqual([
      { match: { protocol: 'tcp', ports: { from: 5984, to: 5984 } }, peer: { kind: 'security-group', groupId: 'sg-appgrp', groupName: 'app' } },
    ]);
    expect(codes(warnings)).toEqual(['import/ec2-classic', 'import/unknown-group-reference']);
  });

  it('sgviz sample: descriptions, IPv6 ranges, prefix lists, udp and port 0', () => {
    const { design: d, warnings } = load('sgviz_sample.json');
    expect(Object.keys(d.securityGroups)).toHaveLength(4);
    expect(group(d, 'sg-09fd25fe9c1abaea3').ingress[0]).toMatchObject({ peer: { kind: 'cidr', cidr: '8.8.8.8/32' }, description: 'Dummy IP' });
    const v6 = group(d, 'sg-058de1ab2168c9bb6');
    expect(v6.ingress[0]).toMatchObject({ peer: { kind: 'cidr', cidr: '2001:4860:4860::8888/128' }, description: 'Dummy IP' });
    expect(v6.egress[0]!.match).toEqual({ protocol: 'tcp', ports: { from: 0, to: 0 } });
    const two = group(d, 'sg-0a86b346f3fc18b8a');
    expect(peers(two, 'ingress')).toContainEqual({ match: { protocol: 'tcp', ports: { from: 0, to: 65535 } }, peer: { kind: 'security-group', groupId: 'sg-09fd25fe9c1abaea3' } });
    expect(two.ingress.find((r) => r.peer.kind === 'prefix-list')).toMatchObject({
      match: { protocol: 'udp', ports: { from: 53, to: 53 } },
      peer: { prefixListId: 'pl-00ee65e523c87193e' },
      description: 'Dummy Prefix List',
    });
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'import/unknown-prefix-list', subject: 'pl-00ee65e523c87193e' }));
  });

  it('sgviz agg2: one rule per CIDR, and the SSH reference between groups', () => {
    const { design: d } = load('sgviz_e2e_agg2_data.json');
    expect(group(d, 'sg-05f4eff8b1fe3b305').ingress.map((r) => r.peer)).toEqual([
      { kind: 'cidr', cidr: '8.8.8.8/32' },
      { kind: 'cidr', cidr: '10.10.10.10/32' },
    ]);
    expect(peers(group(d, 'sg-0e1113eaf4236d35f'), 'ingress')).toContainEqual({
      match: { protocol: 'tcp', ports: { from: 22, to: 22 } },
      peer: { kind: 'security-group', groupId: 'sg-05f4eff8b1fe3b305' },
    });
  });

  it('cartography groups: two VPCs, two default groups, egress -1 without ports', () => {
    const { design: d } = load('cartography_tests_describe-security-groups.json');
    const groups = Object.values(d.securityGroups);
    expect(groups).toHaveLength(5);
    expect(new Set(groups.map((g) => g.vpcId))).toEqual(new Set(['vpc-05326141848d1c681', 'vpc-025873e026b9e8ee6']));
    expect(groups.filter((g) => g.isDefault).map((g) => g.id).sort()).toEqual(['sg-053dba35430032a0d', 'sg-0fd4fff275d63600f']);
    expect(peers(group(d, 'sg-028e2522c72719996'), 'egress')).toContainEqual({ match: { protocol: 'all' }, peer: { kind: 'cidr', cidr: '8.8.8.8/32' } });
    expect(peers(group(d, 'sg-web-server-12345'), 'ingress')).toEqual([
      { match: { protocol: 'tcp', ports: { from: 22, to: 22 } }, peer: { kind: 'cidr', cidr: '10.0.0.0/8' } },
      { match: { protocol: 'tcp', ports: { from: 22, to: 22 } }, peer: { kind: 'security-group', groupId: 'sg-028e2522c72719996' } },
      { match: { protocol: 'tcp', ports: { from: 80, to: 80 } }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } },
    ]);
  });

  it('cartography route tables: main association without SubnetId, prefix-list and endpoint routes', () => {
    const { design: d, warnings } = load('cartography_tests_describe-route-tables.json');
    expect(d.routeTables['rtb-aaaaaaaaaaaaaaaaa']!.routes).toEqual([
      { destination: { cidr: '172.31.0.0/16' }, target: { kind: 'local' }, state: 'active' },
      { destination: { cidr: '0.0.0.0/0' }, target: { kind: 'internet-gateway', id: 'igw-0387' }, state: 'active' },
      { destination: { prefixListId: 'pl-63a5400a' }, target: { kind: 'other', id: 'vpce-gateway123' }, state: 'active' },
    ]);
    // The VPCs are not in the file; their local routes tell their CIDRs.
    expect(d.vpcs['vpc-038cf']).toMatchObject({ cidrs: ['172.31.0.0/16'], mainRouteTableId: 'rtb-aaaaaaaaaaaaaaaaa' });
    expect(d.vpcs['vpc-0f510']).toMatchObject({ cidrs: ['10.1.0.0/16'] });
    expect(d.vpcs['vpc-0f510']!.mainRouteTableId).toBeUndefined();
    expect(codes(warnings).filter((c) => c === 'import/unknown-subnet')).toHaveLength(2);
  });

  it('cartography NACL alone: dropped for want of its VPC, implicit denies and the repeated number reported', () => {
    const { design: d, warnings } = load('cartography_tests_describe-network-acls.json');
    expect(d.networkAcls).toEqual({});
    expect(codes(warnings)).toEqual(['import/duplicate-rule-number', 'import/unknown-vpc']);
  });

  it('AWS CLI examples: group with a Name tag and a described rule', () => {
    const { design: d } = load('awscli-v2-examples_describe-security-groups.json');
    const g = group(d, 'sg-903004f8');
    expect(g).toMatchObject({ name: 'MySecurityGroup', description: 'My security group', vpcId: 'vpc-1a2b3c4d', tags: { Name: 'SG1' } });
    expect(g.ingress).toEqual([
      { id: 'sg-903004f8-ingress-0-0', match: { protocol: 'all' }, peer: { kind: 'security-group', groupId: 'sg-903004f8' } },
      {
        id: 'sg-903004f8-ingress-1-0',
        match: { protocol: 'tcp', ports: { from: 22, to: 22 } },
        peer: { kind: 'cidr', cidr: '203.0.113.0/24' },
        description: 'Access from NY office',
      },
    ]);
  });

  it('AWS CLI examples: the instance, with its "10-0-0-157" address repaired', () => {
    const { design: d, warnings } = load('awscli-v2-examples_describe-instances.json');
    expect(d.resources['i-1234567890abcdef0']).toMatchObject({ kind: 'instance', name: 'my-instance', role: 'other', platform: 'linux' });
    expect(warnings).toContainEqual(
      expect.objectContaining({ code: 'import/address-repaired', path: 'Reservations[0].Instances[0].NetworkInterfaces[0].PrivateIpAddresses[0].PrivateIpAddress' }),
    );
  });

  it('AWS CLI examples: route tables with a blackhole NAT route', () => {
    const { design: d } = load('awscli-v2-examples_describe-route-tables.json');
    expect(Object.keys(d.routeTables)).toHaveLength(3);
    expect(d.routeTables['rtb-09ba434c1bEXAMPLE']!.routes[1]).toEqual({
      destination: { cidr: '0.0.0.0/0' },
      target: { kind: 'nat-gateway', id: 'nat-06c018cbd8EXAMPLE' },
      state: 'blackhole',
    });
    expect(d.vpcs['vpc-0065acced4EXAMPLE']!.mainRouteTableId).toBe('rtb-09ba434c1bEXAMPLE');
  });

  it('AWS CLI examples: VPCs and NACLs together keep the NACL whose VPC is known, without implicit denies', () => {
    const { design: d, warnings } = load('awscli-v2-examples_describe-vpcs.json', 'awscli-v2-examples_describe-network-acls.json');
    expect(Object.values(d.vpcs).map((v) => [v.id, v.name, v.ownerId])).toEqual([
      ['vpc-0e9801d129EXAMPLE', 'Not Shared', '111122223333'],
      ['vpc-06e4ab6c6cEXAMPLE', 'Shared VPC', '222222222222'],
    ]);
    expect(d.networkAcls['acl-0ea1f54ca7EXAMPLE']).toMatchObject({
      vpcId: 'vpc-06e4ab6c6cEXAMPLE',
      isDefault: true,
      entries: [
        { ruleNumber: 100, egress: false, action: 'allow', cidr: '0.0.0.0/0', match: { protocol: 'all' } },
        { ruleNumber: 100, egress: true, action: 'allow', cidr: '0.0.0.0/0', match: { protocol: 'all' } },
      ],
    });
    expect(d.vpcs['vpc-06e4ab6c6cEXAMPLE']!.defaultNetworkAclId).toBe('acl-0ea1f54ca7EXAMPLE');
    expect(d.networkAcls['acl-0e2a78e4e2EXAMPLE']).toBeUndefined();
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'import/unknown-vpc', subject: 'vpc-03914afb3eEXAMPLE' }));
  });

  it('AWS CLI examples: interfaces attached to undescribed instances become those instances', () => {
    const { design: d } = load('awscli-v2-examples_describe-network-interfaces.json');
    expect(Object.keys(d.resources).sort()).toEqual(['i-0598c7d356eba48d7', 'i-1234567890abcdef0']);
  });

  it('every describe fixture together is one valid bundle', () => {
    const all = files.filter((f) => f.endsWith('.json') && recogniseText(read(f)).kind === 'describe-bundle');
    const { design: d } = load(...all);
    expect(Object.keys(d.securityGroups).length).toBe(8 + 2 + 4 + 3 + 5 + 1);
  });
});
