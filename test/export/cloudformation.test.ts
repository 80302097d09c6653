/**
 * The CloudFormation export: cfn-lint reports no error on any template of the corpus, the YAML
 * reads back, every Ref/GetAtt/DependsOn names something declared, counts follow the design,
 * group cross references are standalone and strings survive unchanged.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportCloudFormation } from '../../src/core/export/cloudformation/index.ts';
import type { Design } from '../../src/core/model/types.ts';
import { corpus, trickyDesign, TRICKY_TAGS_KEYS } from './iac-designs.ts';

type Props = Record<string, unknown>;
interface Resource {
  Type: string;
  Properties: Props;
  DependsOn?: string[];
}
interface Template {
  AWSTemplateFormatVersion: string;
  Description: string;
  Metadata: { Tierwise: { NotExported: string[] } };
  Parameters?: Record<string, { Type: string; NoEcho?: boolean }>;
  Resources: Record<string, Resource>;
}

const PSEUDO = new Set(['AWS::AccountId', 'AWS::Region', 'AWS::StackName', 'AWS::StackId', 'AWS::Partition', 'AWS::URLSuffix', 'AWS::NoValue', 'AWS::NotificationARNs']);

function load(design: Design): { text: string; t: Template } {
  const text = exportCloudFormation(design);
  return { text, t: parse(text) as Template };
}

/** Every { Ref } and { Fn::GetAtt } in a value. */
function intrinsics(v: unknown, acc: Array<{ kind: 'Ref' | 'GetAtt'; target: string }> = []) {
  if (Array.isArray(v)) v.forEach((x) => intrinsics(x, acc));
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.Ref === 'string') acc.push({ kind: 'Ref', target: o.Ref });
    const ga = o['Fn::GetAtt'];
    if (Array.isArray(ga)) acc.push({ kind: 'GetAtt', target: String(ga[0]) });
    Object.values(o).forEach((x) => intrinsics(x, acc));
  }
  return acc;
}

const ofType = (t: Template, type: string) => Object.values(t.Resources).filter((r) => r.Type === `AWS::${type}`);
const refersToGroup = (r: Props) => 'SourceSecurityGroupId' in r || 'DestinationSecurityGroupId' in r;

describe.each(corpus())('CloudFormation export of $id', ({ design }) => {
  it('reads back, and every Ref, GetAtt and DependsOn names something declared', () => {
    const { t } = load(design);
    expect(t.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(typeof t.Description).toBe('string');
    const resources = new Set(Object.keys(t.Resources));
    const parameters = new Set(Object.keys(t.Parameters ?? {}));
    for (const [id, r] of Object.entries(t.Resources)) {
      expect(id).toMatch(/^[A-Za-z0-9]{1,255}$/);
      expect(parameters.has(id)).toBe(false);
      for (const x of intrinsics(r.Properties)) {
        if (x.kind === 'GetAtt') expect(resources, `${id} GetAtt ${x.target}`).toContain(x.target);
        else expect(resources.has(x.target) || parameters.has(x.target) || PSEUDO.has(x.target), `${id} Ref ${x.target}`).toBe(true);
      }
      for (const dep of r.DependsOn ?? []) expect(resources, `${id} DependsOn ${dep}`).toContain(dep);
    }
  });

  it('keeps group cross references out of the groups and writes egress explicitly', () => {
    const { t } = load(design);
    const groups = Object.values(design.securityGroups);
    const sgs = ofType(t, 'EC2::SecurityGroup');
    expect(sgs).toHaveLength(groups.filter((g) => !g.isDefault).length);
    for (const g of sgs) {
      expect(typeof g.Properties.GroupDescription).toBe('string');
      expect(intrinsics(g.Properties).every((x) => x.kind === 'Ref' || x.target.startsWith('PrefixList'))).toBe(true);
      const inline = [...((g.Properties.SecurityGroupIngress as Props[]) ?? []), ...(g.Properties.SecurityGroupEgress as Props[])];
      expect(inline.some(refersToGroup)).toBe(false);
      expect((g.Properties.SecurityGroupEgress as Props[]).length).toBeGreaterThan(0);
      for (const r of inline) if (r.IpProtocol === '-1') expect(r).not.toHaveProperty('FromPort');
    }
    const plain = groups.filter((g) => !g.isDefault);
    const crossIn = plain.reduce((n, g) => n + g.ingress.filter((r) => r.peer.kind === 'security-group').length, 0);
    const crossOut = plain.reduce((n, g) => n + g.egress.filter((r) => r.peer.kind === 'security-group').length, 0);
    const standaloneIn = ofType(t, 'EC2::SecurityGroupIngress');
    const standaloneOut = ofType(t, 'EC2::SecurityGroupEgress');
    const onDefault = (r: Resource) => JSON.stringify(r.Properties.GroupId).includes('DefaultSecurityGroup');
    expect(standaloneIn.filter((r) => !onDefault(r))).toHaveLength(crossIn);
    expect(standaloneOut.filter((r) => !onDefault(r))).toHaveLength(crossOut);
    // In-line rules of each group: exactly its CIDR and prefix-list rules (or the no-egress placeholder).
    const inlineIn = sgs.reduce((n, g) => n + ((g.Properties.SecurityGroupIngress as Props[]) ?? []).length, 0);
    expect(inlineIn).toBe(plain.reduce((n, g) => n + g.ingress.filter((r) => r.peer.kind !== 'security-group').length, 0));
    for (const g of plain) {
      const sg = sgs.find((x) => x.Properties.GroupName === g.name)!;
      const egress = sg.Properties.SecurityGroupEgress as Props[];
      const own = g.egress.filter((r) => r.peer.kind !== 'security-group').length;
      expect(egress).toHaveLength(Math.max(1, own));
      if (own === 0) expect(egress[0]).toMatchObject({ IpProtocol: '-1', CidrIp: '127.0.0.1/32' });
    }
  });

  it('writes one resource per design entity', () => {
    const { t } = load(design);
    const n = (type: string) => ofType(t, type).length;
    expect(n('EC2::VPC')).toBe(Object.keys(design.vpcs).length);
    expect(n('EC2::Subnet')).toBe(Object.keys(design.subnets).length);
    expect(n('EC2::RouteTable')).toBe(Object.keys(design.routeTables).length);
    expect(n('EC2::SubnetRouteTableAssociation')).toBe(Object.keys(design.subnets).length);
    const routes = Object.values(design.routeTables).flatMap((x) => x.routes.filter((r) => r.state === 'active' && r.target.kind !== 'local'));
    expect(n('EC2::Route')).toBe(routes.length);
    expect(n('EC2::InternetGateway')).toBe(Object.keys(design.internetGateways).length);
    expect(n('EC2::NatGateway')).toBe(Object.keys(design.natGateways).length);
    expect(n('EC2::VPCPeeringConnection')).toBe(Object.keys(design.peerings).length);
    const custom = Object.values(design.networkAcls).filter((a) => !a.isDefault);
    expect(n('EC2::NetworkAcl')).toBeGreaterThanOrEqual(custom.length);
    expect(n('EC2::NetworkAclEntry')).toBeGreaterThanOrEqual(custom.reduce((k, a) => k + a.entries.length, 0));
    const kinds = Object.values(design.resources);
    expect(n('EC2::Instance')).toBe(kinds.filter((r) => r.kind === 'instance').length);
    expect(n('ElasticLoadBalancingV2::LoadBalancer')).toBe(kinds.filter((r) => r.kind === 'load-balancer').length);
    expect(n('RDS::DBInstance')).toBe(kinds.filter((r) => r.kind === 'database').length);
    expect(n('Lambda::Function')).toBe(kinds.filter((r) => r.kind === 'lambda').length);
    for (const route of ofType(t, 'EC2::Route')) {
      if ('GatewayId' in route.Properties && typeof route.Properties.GatewayId === 'object') {
        expect(route.DependsOn?.some((d) => t.Resources[d]?.Type === 'AWS::EC2::VPCGatewayAttachment')).toBe(true);
      }
    }
    if (t.Parameters?.DbPassword) expect(t.Parameters.DbPassword.NoEcho).toBe(true);
  });

  it('is deterministic', () => {
    expect(exportCloudFormation(design)).toBe(exportCloudFormation(design));
  });
});

describe('CloudFormation strings and limits', () => {
  it('keep quotes, backslashes, template sequences, newlines and unicode', () => {
    const d = trickyDesign();
    const { t } = load(d);
    const vpc = ofType(t, 'EC2::VPC')[0]!;
    const tags = Object.fromEntries((vpc.Properties.Tags as Array<{ Key: string; Value: string }>).map((x) => [x.Key, x.Value]));
    expect(tags.Name).toBe(d.vpcs.vt!.name);
    for (const k of TRICKY_TAGS_KEYS) expect(tags[k], k).toBe(d.vpcs.vt!.tags![k]);
    expect(ofType(t, 'EC2::SecurityGroup').map((g) => g.Properties.GroupName).sort()).toEqual(['--dry-run', 'web ${HOME} $(id) & {y}; !*']);
    expect(t.Description).toContain('Tricky "design"');
  });

  it('lists what a stack cannot express', () => {
    const v6 = corpus().find((c) => c.id === 'ipv6-nacl')!.design;
    const notes = load(v6).t.Metadata.Tierwise.NotExported.join('\n');
    expect(notes).toMatch(/default security group of six: a stack cannot remove its rule egress to 0\.0\.0\.0\/0/);
    expect(notes).toMatch(/default network ACL/);
    expect(notes).toMatch(/main route table/);
  });
});

describe('cfn-lint', () => {
  const probe = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  const available = probe.status === 0;
  if (!available) {
    if (process.env.CI === 'true') throw new Error('cfn-lint is required under CI=true (pip install cfn-lint)');
    console.log('cfn-lint is not installed: skipping the CloudFormation lint (pip install cfn-lint)');
  }

  it.skipIf(!available)('reports no error on any template of the corpus', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-cfn-'));
    const files = corpus().map(({ id, design }) => {
      const file = join(dir, `${id.replace(/[^a-z0-9-]/gi, '_')}.yaml`);
      writeFileSync(file, exportCloudFormation(design));
      return file;
    });
    const r = spawnSync('cfn-lint', ['--format', 'json', '--', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const findings = JSON.parse(r.stdout || '[]') as Array<{ Level: string; Rule: { Id: string }; Message: string; Filename: string; Location: { Start: { LineNumber: number } } }>;
    const errors = findings.filter((f) => f.Level === 'Error');
    const warnings = findings.filter((f) => f.Level !== 'Error');
    const summary = [...new Set(warnings.map((w) => `${w.Rule.Id} ${w.Message.replace(/'us-east-1[a-z]'/, "'<az>'")}`))];
    console.log(`cfn-lint ${probe.stdout.trim()}: ${files.length} templates, ${errors.length} errors, ${warnings.length} warnings:\n  ${summary.join('\n  ')}`);
    expect(errors.map((e) => `${e.Filename}:${e.Location.Start.LineNumber} ${e.Rule.Id} ${e.Message}`)).toEqual([]);
  }, 180_000);
});
