/**
 * Real CloudFormation templates from public repositories (shared/fixtures/aws, see SOURCES.md),
 * read in place from ../shared; skipped with a printed reason when absent. What each template
 * holds is counted from the parsed template here, independently of the importer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { reach } from '../../engine/index.ts';
import type { Design } from '../../model/types.ts';
import { importCloudFormation } from './index.ts';
import type { ImportWarning } from '../aws/warnings.ts';
import { CLOUDFORMATION_TAGS } from './yaml-tags.ts';

const DIR = fileURLToPath(new URL('../../../../../shared/fixtures/aws/', import.meta.url));
const present = existsSync(DIR);
if (!present) console.warn(`[cloudformation fixtures] skipped: ${DIR} does not exist (the shared fixtures live beside the repository).`);

const WORDPRESS = 'aws-refarch-wordpress_02-securitygroups.yaml';
const ECS = 'aws-cloudformation-templates_ECS_EC2LaunchType_clusters_private-vpc.yaml';
const NAT = 'aws-cloudformation-templates_VPC_With_Managed_NAT_And_Private_Subnet.yaml';

type Json = Record<string, any>;
interface Template {
  Parameters?: Json;
  Mappings?: Json;
  Resources: Record<string, { Type: string; Properties?: Json }>;
}

const read = (name: string): string => readFileSync(`${DIR}${name}`, 'utf8');
const template = (name: string): Template => parse(read(name), { customTags: CLOUDFORMATION_TAGS }) as Template;

function load(name: string): { design: Design; warnings: ImportWarning[] } {
  const r = importCloudFormation([{ name, text: read(name) }]);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const ofType = (t: Template, type: string) => Object.entries(t.Resources).filter(([, r]) => r.Type === type);

/** The logical id a `Ref` or `Fn::GetAtt [id, …]` names. */
function target(v: Json | string | undefined): string | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  if (typeof v.Ref === 'string') return v.Ref;
  const att = v['Fn::GetAtt'];
  return Array.isArray(att) ? att[0] : typeof att === 'string' ? att.split('.')[0] : undefined;
}

/** A scalar the way the template gives it: a literal, a parameter's Default, or a Fn::FindInMap. */
function scalar(t: Template, v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  const ref = (v as Json).Ref;
  if (typeof ref === 'string' && t.Parameters?.[ref]) return t.Parameters[ref].Default;
  const map = (v as Json)['Fn::FindInMap'];
  if (Array.isArray(map)) return t.Mappings?.[map[0]]?.[map[1]]?.[map[2]];
  return undefined;
}

const protocolOf = (p: unknown): string | number => {
  const s = String(p).toLowerCase();
  return s === '-1' ? 'all' : s === '6' ? 'tcp' : s === '17' ? 'udp' : /^\d+$/.test(s) ? Number(s) : s;
};

/** The rules a group should have, from its in-line rules and the standalone ones that name it. */
function expectedRules(t: Template, groupId: string, direction: 'ingress' | 'egress'): unknown[] {
  const props = t.Resources[groupId]!.Properties ?? {};
  const inline = (props[direction === 'ingress' ? 'SecurityGroupIngress' : 'SecurityGroupEgress'] ?? []) as Json[];
  const standalone = ofType(t, direction === 'ingress' ? 'AWS::EC2::SecurityGroupIngress' : 'AWS::EC2::SecurityGroupEgress')
    .filter(([, r]) => target(r.Properties?.GroupId) === groupId)
    .map(([, r]) => r.Properties as Json);
  const rules = [...inline, ...standalone];
  // A group that declares no egress keeps AWS's allow-all.
  if (direction === 'egress' && inline.length === 0) rules.unshift({ IpProtocol: '-1', CidrIp: '0.0.0.0/0' });
  return rules.map((r) => {
    const protocol = protocolOf(r.IpProtocol);
    const group = target(r.SourceSecurityGroupId ?? r.DestinationSecurityGroupId);
    return {
      match: protocol === 'all' ? { protocol } : { protocol, ports: { from: Number(r.FromPort), to: Number(r.ToPort) } },
      peer: group ? { kind: 'security-group', groupId: group } : { kind: 'cidr', cidr: scalar(t, r.CidrIp) ?? r.CidrIp },
    };
  });
}

const importedRules = (d: Design, groupId: string, direction: 'ingress' | 'egress') =>
  (d.securityGroups[groupId]?.[direction] ?? []).map((r) => ({ match: r.match, peer: r.peer }));

describe.skipIf(!present)('CloudFormation fixtures', () => {
  for (const name of [WORDPRESS, ECS, NAT]) {
    describe(name, () => {
      const t = present ? template(name) : ({ Resources: {} } as Template);
      const { design: d, warnings } = present ? load(name) : { design: undefined as unknown as Design, warnings: [] };
      const vpcs = ofType(t, 'AWS::EC2::VPC').map(([id]) => id);

      it('imports every security group (and the default group of each VPC) with all its rules', () => {
        const groups = ofType(t, 'AWS::EC2::SecurityGroup').map(([id]) => id);
        expect(Object.keys(d.securityGroups).sort()).toEqual([...groups, ...vpcs.map((v) => `${v}-default-sg`)].sort());
        for (const g of groups) {
          expect(importedRules(d, g, 'ingress'), `${g} ingress`).toEqual(expectedRules(t, g, 'ingress'));
          expect(importedRules(d, g, 'egress'), `${g} egress`).toEqual(expectedRules(t, g, 'egress'));
        }
      });

      it('imports every subnet with its CIDR', () => {
        const subnets = ofType(t, 'AWS::EC2::Subnet').map(([id, r]) => [id, scalar(t, r.Properties!.CidrBlock)]);
        expect(Object.values(d.subnets).map((s) => [s.id, s.cidr])).toEqual(subnets);
      });

      it('imports every route into its table, and each subnet association', () => {
        for (const [id, r] of ofType(t, 'AWS::EC2::Route')) {
          const p = r.Properties!;
          const table = d.routeTables[target(p.RouteTableId)!];
          const kind = p.GatewayId ? 'internet-gateway' : 'nat-gateway';
          expect(table?.routes, id).toContainEqual({ destination: { cidr: p.DestinationCidrBlock }, target: { kind, id: target(p.GatewayId ?? p.NatGatewayId) }, state: 'active' });
        }
        const routes = Object.values(d.routeTables).reduce((n, rt) => n + rt.routes.length, 0);
        expect(routes).toBe(ofType(t, 'AWS::EC2::Route').length);
        for (const [, a] of ofType(t, 'AWS::EC2::SubnetRouteTableAssociation')) {
          expect(d.subnets[target(a.Properties!.SubnetId)!]?.routeTableId).toBe(target(a.Properties!.RouteTableId));
        }
      });

      it('imports every network ACL entry (quoted numbers and flags included) and association', () => {
        const entries = ofType(t, 'AWS::EC2::NetworkAclEntry');
        for (const [id, e] of entries) {
          const p = e.Properties!;
          expect(d.networkAcls[target(p.NetworkAclId)!]?.entries, id).toContainEqual({
            ruleNumber: Number(p.RuleNumber),
            egress: String(p.Egress) === 'true',
            action: p.RuleAction,
            cidr: p.CidrBlock,
            match: { protocol: protocolOf(p.Protocol) },
          });
        }
        const custom = Object.values(d.networkAcls).filter((a) => !a.isDefault);
        expect(custom.reduce((n, a) => n + a.entries.length, 0)).toBe(entries.length);
        for (const [, a] of ofType(t, 'AWS::EC2::SubnetNetworkAclAssociation')) {
          expect(d.subnets[target(a.Properties!.SubnetId)!]?.networkAclId).toBe(target(a.Properties!.NetworkAclId));
        }
      });

      it('gives every VPC its main route table, default ACL and default group', () => {
        for (const v of vpcs) {
          expect(d.vpcs[v]).toMatchObject({ mainRouteTableId: `${v}-main-rt`, defaultNetworkAclId: `${v}-default-acl` });
          expect(d.securityGroups[`${v}-default-sg`]).toMatchObject({ isDefault: true, name: 'default', vpcId: v });
        }
      });

      it('warns in template terms: file and template path, never describe commands', () => {
        for (const w of warnings) {
          expect(w.message, w.code).not.toMatch(/describe-|\bbundle\b/);
          if (w.path) expect(w.file).toBe(name);
        }
      });
    });
  }

  describe.runIf(present)('what only some fixtures hold', () => {
    it('places groups of a VPC given as a parameter without a Default in a marked stand-in, with a warning naming the field', () => {
      const { design: d, warnings } = load(WORDPRESS);
      expect(new Set(Object.values(d.securityGroups).map((g) => g.vpcId))).toEqual(new Set(['parameter:Vpc']));
      expect(warnings).toContainEqual({
        code: 'import/cfn-placeholder',
        message: `${WORDPRESS}: Resources.WebSecurityGroup.Properties.VpcId: the parameter Vpc has no Default; "parameter:Vpc" stands in for it.`,
        file: WORDPRESS,
        path: 'Resources.WebSecurityGroup.Properties.VpcId',
        subject: 'WebSecurityGroup',
      });
      // SshAccessCidr has a Default: the bastion's rule takes it.
      expect(d.securityGroups.BastionSecurityGroup!.ingress[0]!.peer).toEqual({ kind: 'cidr', cidr: '0.0.0.0/0' });
    });

    it('ECS cluster: the auto scaling group becomes an instance group behind the public load balancer', () => {
      const { design: d, warnings } = load(ECS);
      const hosts = d.resources.ECSAutoScalingGroup;
      expect(hosts).toMatchObject({ kind: 'instance-group', count: 3 });
      expect(hosts!.enis.map((e) => [e.subnetId, e.securityGroupIds])).toEqual([
        ['PrivateSubnetOne', ['EcsHostSecurityGroup']],
        ['PrivateSubnetTwo', ['EcsHostSecurityGroup']],
      ]);
      expect(d.resources.PublicLoadBalancer).toMatchObject({ kind: 'load-balancer', scheme: 'internet-facing', listeners: [{ protocol: 'HTTP', port: 80, targetGroupId: 'DummyTargetGroupPublic' }] });
      expect(d.resources.PrivateLoadBalancer).toMatchObject({ kind: 'load-balancer', scheme: 'internal' });
      const internet = { kind: 'internet' as const };
      expect(reach(d, internet, { kind: 'resource', resourceId: 'PublicLoadBalancer' }, { protocol: 'tcp', port: 80 }).verdict).toBe('reachable');
      expect(reach(d, internet, { kind: 'resource', resourceId: 'PrivateLoadBalancer' }, { protocol: 'tcp', port: 80 }).verdict).toBe('unreachable');
      expect(reach(d, { kind: 'resource', resourceId: 'ECSAutoScalingGroup' }, { kind: 'resource', resourceId: 'PrivateLoadBalancer' }, { protocol: 'tcp', port: 80 }).verdict).toBe('reachable');
      expect(warnings.find((w) => w.code === 'import/cfn-not-modelled')?.message).toBe(
        `${ECS}: resources of types the designer does not model were left out: AWS::EC2::VPCEndpoint, AWS::ECS::Cluster, AWS::IAM::Role ×3, AWS::IAM::InstanceProfile.`,
      );
    });

    it('managed NAT: names from Fn::Join tags, private subnets on the main table routed by their own tables', () => {
      const { design: d } = load(NAT);
      expect(d.vpcs.VPC!.name).toBe('VPC Public and Private with NAT');
      expect(d.subnets.PublicSubnet0!.name).toBe('VPC Public and Private with NAT-public-us-east-1a');
      expect(d.natGateways.NATGateway0).toMatchObject({ subnetId: 'PublicSubnet0', connectivity: 'public' });
      expect(d.subnets.PrivateSubnet0).toMatchObject({ routeTableId: 'PrivateRouteTable0', availabilityZone: 'us-east-1a' });
      expect(d.subnets.PrivateSubnet0!.networkAclId).toBeUndefined();
    });
  });
});
