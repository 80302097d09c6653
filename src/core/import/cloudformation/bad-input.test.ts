/**
 * Bad templates: a syntax error names the line and column; a wrong shape is one ModelError naming
 * the file and the template path; a value the templates leave open is a warning naming the field,
 * and only what needs it is left out. Never a throw, never a polluted prototype.
 */
import { describe, expect, it } from 'vitest';
import type { ModelError } from '../../model/errors.ts';
import type { ImportWarning } from '../aws/warnings.ts';
import { importCloudFormation } from './index.ts';
import type { BundleInput, ImportedBundle } from './index.ts';
import { SMALL_YAML, THREE_TIER_YAML } from './test-templates.ts';

function failure(inputs: BundleInput[]): ModelError {
  const r = importCloudFormation(inputs);
  if (r.ok) throw new Error('imported');
  expect(Object.keys(r)).toEqual(['ok', 'error']);
  return r.error;
}

function imported(inputs: BundleInput[]): ImportedBundle {
  const r = importCloudFormation(inputs);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const warning = (ws: ImportWarning[], code: string, path?: string): ImportWarning | undefined => ws.find((w) => w.code === code && (path === undefined || w.path === path));

/** A template with one VPC and one group; `extra` lines are added under Resources. */
const template = (groupProps: string, extra = '', head = ''): string => `AWSTemplateFormatVersion: "2010-09-09"
${head}Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !Ref Vpc
${groupProps}${extra}`;

describe('syntax errors', () => {
  it('truncated YAML: the line and column where it breaks', () => {
    const text = THREE_TIER_YAML.slice(0, THREE_TIER_YAML.indexOf('SecurityGroupIngress:\n        - { IpProtocol: tcp, FromPort: 443') + 60);
    const e = failure([{ name: 'orders.yaml', text }]);
    expect(e).toMatchObject({ code: 'import/cfn-syntax', file: 'orders.yaml', path: '(root)' });
    expect(e.message).toMatch(/^orders\.yaml: not valid YAML or JSON at line \d+, column \d+: .+\.$/);
  });

  it('truncated JSON: the line and column too', () => {
    const e = failure([{ name: 'stack.json', text: '{\n  "Resources": {\n    "Vpc": { "Type": "AWS::EC2::VPC", "Properties": { "CidrBlock": "10.0.0.0/16"' }]);
    expect(e).toMatchObject({ code: 'import/cfn-syntax', file: 'stack.json' });
    expect(e.message).toMatch(/^stack\.json: not valid YAML or JSON at line 3, column \d+/);
  });

  it('a key given twice', () => {
    const e = failure([{ name: 'twice.yaml', text: 'Resources:\n  A:\n    Type: AWS::EC2::VPC\n  A:\n    Type: AWS::EC2::VPC\n' }]);
    expect(e.code).toBe('import/cfn-syntax');
    expect(e.message).toMatch(/^twice\.yaml: not valid YAML or JSON at line 4, column 3: Map keys must be unique\.$/);
  });

  it('an empty file, no files, text that is no string', () => {
    expect(failure([{ name: 'empty.yaml', text: ' \n' }])).toMatchObject({ code: 'import/cfn-syntax', file: 'empty.yaml', message: 'empty.yaml: the file is empty; expected a CloudFormation template (YAML or JSON).' });
    expect(failure([])).toMatchObject({ code: 'import/empty' });
    expect(failure([{ name: 'x.yaml', text: 42 as unknown as string }])).toMatchObject({ code: 'import/shape', file: 'x.yaml' });
  });

  it('an unknown tag is a warning with its line, and the value is read without it', () => {
    const r = imported([{ name: 'tag.yaml', text: template('      GroupName: !Upper web\n') }]);
    expect(warning(r.warnings, 'import/cfn-yaml')?.message).toBe('tag.yaml at line 12, column 18: Unresolved tag: !Upper; the value was read without it.');
    expect(r.design.securityGroups.Web!.name).toBe('web');
  });
});

describe('wrong shapes', () => {
  it('a list instead of a template', () => {
    expect(failure([{ name: 'list.yaml', text: '- a\n- b\n' }])).toEqual({
      code: 'import/cfn-shape',
      message: 'list.yaml: (root) should be a CloudFormation template (a mapping with a Resources section), but it is an array.',
      file: 'list.yaml',
      path: '(root)',
    });
  });

  it('no Resources section; describe output is named for what it is', () => {
    expect(failure([{ name: 'p.yaml', text: 'Parameters:\n  A:\n    Type: String\n' }]).message).toBe('p.yaml: (root) has no Resources section, so it is not a CloudFormation template.');
    expect(failure([{ name: 'sg.json', text: '{"SecurityGroups": []}' }]).message).toBe(
      'sg.json: (root) has no Resources section, so it is not a CloudFormation template. It looks like AWS describe output: import it as an AWS describe bundle.',
    );
  });

  it('a resource without a Type', () => {
    expect(failure([{ name: 't.yaml', text: 'Resources:\n  Vpc:\n    Properties:\n      CidrBlock: 10.0.0.0/16\n' }])).toEqual({
      code: 'import/cfn-shape',
      message: 't.yaml: Resources.Vpc.Type is missing: every resource has a Type such as AWS::EC2::VPC.',
      file: 't.yaml',
      path: 'Resources.Vpc.Type',
    });
  });

  it('in-line rules that are not a list', () => {
    const e = failure([{ name: 'sg.yaml', text: template('      SecurityGroupIngress: tcp 80\n') }]);
    expect(e).toEqual({
      code: 'import/shape',
      message: 'sg.yaml: Resources.Web.Properties.SecurityGroupIngress should be an array, but it is the string "tcp 80".',
      file: 'sg.yaml',
      path: 'Resources.Web.Properties.SecurityGroupIngress',
    });
  });

  it('a port that is no number, named by its place in the template', () => {
    const rules = '      SecurityGroupIngress:\n        - { IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 }\n        - { IpProtocol: tcp, FromPort: https, ToPort: 443, CidrIp: 0.0.0.0/0 }\n';
    expect(failure([{ name: 'sg.yaml', text: template(rules) }])).toEqual({
      code: 'import/shape',
      message: 'sg.yaml: Resources.Web.Properties.SecurityGroupIngress[1].FromPort should be a whole number, but it is the string "https".',
      file: 'sg.yaml',
      path: 'Resources.Web.Properties.SecurityGroupIngress[1].FromPort',
    });
  });

  it('a network ACL entry that neither allows nor denies, and a CIDR that is none', () => {
    const acl = `  Acl:\n    Type: AWS::EC2::NetworkAcl\n    Properties: { VpcId: !Ref Vpc }\n  Entry:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties: { NetworkAclId: !Ref Acl, RuleNumber: "100", Protocol: "-1", RuleAction: maybe, Egress: "false", CidrBlock: 0.0.0.0/0 }\n`;
    expect(failure([{ name: 'acl.yaml', text: template('', acl) }])).toMatchObject({
      message: 'acl.yaml: Resources.Entry.Properties.RuleAction is "maybe"; it must be allow or deny.',
      path: 'Resources.Entry.Properties.RuleAction',
    });
    const subnet = '  Sub:\n    Type: AWS::EC2::Subnet\n    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.300/24 }\n';
    expect(failure([{ name: 'sub.yaml', text: template('', subnet) }])).toMatchObject({ code: 'import/cidr', file: 'sub.yaml', path: 'Resources.Sub.Properties.CidrBlock' });
  });

  it('a malformed intrinsic function', () => {
    const subnet = '  Sub:\n    Type: AWS::EC2::Subnet\n    Properties: { VpcId: !Ref Vpc, CidrBlock: !Select [0] }\n';
    expect(failure([{ name: 'sel.yaml', text: template('', subnet) }])).toEqual({
      code: 'import/cfn-intrinsic',
      message: 'sel.yaml: Resources.Sub.Properties.CidrBlock.Fn::Select is a malformed Fn::Select: it takes [index, [values]].',
      file: 'sel.yaml',
      path: 'Resources.Sub.Properties.CidrBlock.Fn::Select',
    });
  });
});

describe('values the templates leave open', () => {
  it('an !ImportValue no given template exports: the rule is left out, the others stay', () => {
    const rules = '      SecurityGroupIngress:\n        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }\n        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !ImportValue corp-cidr }\n';
    const r = imported([{ name: 'sg.yaml', text: template(rules) }]);
    expect(r.design.securityGroups.Web!.ingress.map((x) => x.id)).toEqual(['Web-ingress-0']);
    expect(warning(r.warnings, 'import/cfn-unresolved')).toEqual({
      code: 'import/cfn-unresolved',
      message: 'sg.yaml: Resources.Web.Properties.SecurityGroupIngress[1].CidrIp: no template given exports "corp-cidr" (Fn::ImportValue reads it from another stack), so ingress rule 2 of Web was left out.',
      file: 'sg.yaml',
      path: 'Resources.Web.Properties.SecurityGroupIngress[1].CidrIp',
      subject: 'Web',
    });
  });

  it('a parameter without a Default used as a CIDR: the subnet is left out, and what sat in it says so', () => {
    const extra = '  Sub:\n    Type: AWS::EC2::Subnet\n    Properties: { VpcId: !Ref Vpc, CidrBlock: !Ref SubnetCidr }\n  Box:\n    Type: AWS::EC2::Instance\n    Properties: { SubnetId: !Ref Sub, SecurityGroupIds: [!Ref Web] }\n';
    const r = imported([{ name: 'p.yaml', text: template('', extra, 'Parameters:\n  SubnetCidr:\n    Type: String\n') }]);
    expect(r.design.subnets).toEqual({});
    expect(warning(r.warnings, 'import/cfn-unresolved')?.message).toBe('p.yaml: Resources.Sub.Properties.CidrBlock: the parameter SubnetCidr has no Default, so subnet Sub was left out.');
    expect(r.design.resources.Box!.enis).toEqual([]);
    expect(warning(r.warnings, 'import/unknown-subnet')?.message).toMatch(/^p\.yaml: Resources\.Box\.Properties: interface Box-eni-0 of Box is in subnet Sub, which the templates do not create; the interface was left out\.$/);
  });

  it('a Ref to a name the template does not declare', () => {
    const r = imported([{ name: 'r.yaml', text: template('      SecurityGroupIngress:\n        - { IpProtocol: tcp, FromPort: 80, ToPort: 80, SourceSecurityGroupId: !Ref Nothing }\n') }]);
    expect(warning(r.warnings, 'import/cfn-unresolved')?.message).toBe('r.yaml: Resources.Web.Properties.SecurityGroupIngress[0].SourceSecurityGroupId: Nothing is neither a parameter nor a resource of r.yaml, so ingress rule 1 of Web was left out.');
  });

  it('attributes that refer to each other', () => {
    const extra = '  A:\n    Type: AWS::EC2::Subnet\n    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: !GetAtt B.AvailabilityZone }\n  B:\n    Type: AWS::EC2::Subnet\n    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: !GetAtt A.AvailabilityZone }\n';
    const r = imported([{ name: 'loop.yaml', text: template('', extra) }]);
    expect(Object.keys(r.design.subnets)).toEqual(['A', 'B']);
    expect(warning(r.warnings, 'import/cfn-unresolved', 'Resources.A.Properties.AvailabilityZone')?.message).toMatch(/refers to itself, so it was ignored\.$/);
  });
});

describe('keys that would reach Object.prototype', () => {
  it('__proto__ and constructor as logical ids, keys and tag keys: left out with a warning, nothing polluted', () => {
    const json = JSON.stringify({
      Parameters: { __proto__: { Type: 'String', Default: 'x' } },
      Mappings: { __proto__: { a: { b: 'c' } } },
      Resources: {
        __proto__: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.9.0.0/16' } },
        constructor: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.8.0.0/16' } },
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', __proto__: { polluted: true }, Tags: [{ Key: '__proto__', Value: 'x' }, { Key: 'Name', Value: 'main' }] } },
      },
    }).replace('"Parameters":{}', '"Parameters":{"__proto__":{"Type":"String","Default":"x"}}');
    const text = json.replace('"Resources":{', '"Resources":{"__proto__":{"Type":"AWS::EC2::VPC","Properties":{"CidrBlock":"10.9.0.0/16"}},');
    const r = imported([{ name: 'proto.json', text }]);
    expect(Object.keys(r.design.vpcs)).toEqual(['Vpc']);
    expect(r.design.vpcs.Vpc!.tags).toEqual({ Name: 'main' });
    expect(r.warnings.filter((w) => w.code === 'import/cfn-logical-id').map((w) => w.message)).toEqual([
      'proto.json: Resources.__proto__: the logical id "__proto__" is a name JavaScript reserves; the resource was left out.',
      'proto.json: Resources.constructor: the logical id "constructor" is a name JavaScript reserves; the resource was left out.',
    ]);
    expect(warning(r.warnings, 'import/tag-dropped')).toMatchObject({ file: 'proto.json' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.design.vpcs)).toBe(Object.prototype);
  });

  it('__proto__ in YAML, and a Ref to it', () => {
    const r = imported([{ name: 'proto.yaml', text: template('      SecurityGroupIngress:\n        - { IpProtocol: tcp, FromPort: 80, ToPort: 80, SourceSecurityGroupId: !Ref __proto__ }\n', '  __proto__:\n    Type: AWS::EC2::SecurityGroup\n    Properties: { GroupDescription: x }\n') }]);
    expect(Object.keys(r.design.securityGroups)).toEqual(['Vpc-default-sg', 'Web']);
    expect(warning(r.warnings, 'import/cfn-unresolved')?.message).toMatch(/the resource __proto__ was left out \(the logical id "__proto__" is a name JavaScript reserves\), so ingress rule 1 of Web was left out\.$/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('several templates', () => {
  it('the same template twice is read once', () => {
    const r = imported([{ name: 'a.yaml', text: SMALL_YAML }, { name: 'b.yaml', text: SMALL_YAML }]);
    expect(warning(r.warnings, 'import/cfn-repeated-template')?.message).toBe('b.yaml is the same template as a.yaml; it was read once.');
    expect(Object.keys(r.design.vpcs)).toEqual(['Net']);
  });
});
