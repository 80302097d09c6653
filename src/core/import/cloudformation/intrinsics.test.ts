/** Intrinsic functions, parameters, mappings and conditions, and several templates read together. */
import { describe, expect, it } from 'vitest';
import type { ImportWarning } from '../aws/warnings.ts';
import { importCloudFormation, type BundleInput, type ImportedBundle } from './index.ts';
import { base64Text, subParts } from './functions.ts';

function imported(inputs: BundleInput[]): ImportedBundle {
  const r = importCloudFormation(inputs);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const one = (text: string, name = 't.yaml'): ImportedBundle => imported([{ name, text }]);
const codes = (ws: ImportWarning[]): string[] => ws.map((w) => w.code);

/** A VPC whose Name tag is `value`, to see what an expression evaluates to. */
const named = (value: string, head = ''): string => `${head}Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
      Tags:
        - Key: Name
          Value: ${value}
`;

const nameOf = (text: string): string | undefined => one(text).design.vpcs.Vpc?.name;

describe('intrinsic functions', () => {
  it('Fn::Sub with pseudo parameters, variables, attributes and ${!Literal}', () => {
    expect(nameOf(named('!Sub "${AWS::Region}/${AWS::StackName}/${AWS::Partition}/${AWS::URLSuffix}"'))).toBe('us-east-1/t/aws/amazonaws.com');
    expect(nameOf(named('!Sub ["${Env}-${!Keep}-${Vpc.CidrBlock}", { Env: prod }]'))).toBe('prod-${Keep}-10.0.0.0/16');
  });

  it('Fn::Join, Fn::Split, Fn::Select and Fn::Base64', () => {
    expect(nameOf(named('!Join [":", [a, 1, true]]'))).toBe('a:1:true');
    expect(nameOf(named('!Select [2, !Split [",", "x,y,z"]]'))).toBe('z');
    expect(nameOf(named('!Base64 "héllo"'))).toBe('aMOpbGxv');
    expect(base64Text('ab')).toBe('YWI=');
    expect(base64Text('')).toBe('');
  });

  it('Fn::FindInMap, with DefaultValue for a missing key', () => {
    const head = 'Mappings:\n  Env:\n    prod: { Name: production }\n';
    expect(nameOf(named('!FindInMap [Env, prod, Name]', head))).toBe('production');
    expect(nameOf(named('!FindInMap [Env, dev, Name, { DefaultValue: fallback }]', head))).toBe('fallback');
  });

  it('Fn::If with conditions built of Fn::Equals, Fn::And, Fn::Or, Fn::Not and Condition', () => {
    const head = `Parameters:
  Env: { Type: String, Default: prod }
  Tier: { Type: Number, Default: 2 }
Conditions:
  Prod: !Equals [!Ref Env, prod]
  Big: !Equals [!Ref Tier, "2"]
  ProdAndBig: !And [!Condition Prod, !Condition Big]
  Either: !Or [!Not [!Condition Prod], !Condition Big]
`;
    expect(nameOf(named('!If [ProdAndBig, yes, no]', head))).toBe('yes');
    expect(nameOf(named('!If [Either, yes, no]', head))).toBe('yes');
    expect(nameOf(named('!Join ["", [a, !If [Prod, !Ref AWS::NoValue, b]]]', head))).toBe('a');
  });

  it('a condition on a parameter without a Default: the resource is imported, with a warning', () => {
    const r = one(`Parameters:
  Env: { Type: String }
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Condition: Prod
    Properties: { CidrBlock: 10.0.0.0/16 }
`);
    expect(Object.keys(r.design.vpcs)).toEqual(['Vpc']);
    expect(r.warnings.find((w) => w.code === 'import/cfn-condition-unknown')?.message).toBe(
      "t.yaml: Resources.Vpc.Condition: whether Vpc is created depends on its condition Prod, which cannot be decided (the parameter Env has no Default); it was imported.",
    );
  });

  it('list parameters split at commas; Systems Manager parameters are left open', () => {
    const r = one(`Parameters:
  Cidrs: { Type: CommaDelimitedList, Default: "10.1.0.0/16, 10.2.0.0/16" }
  Image: { Type: "AWS::SSM::Parameter::Value<String>", Default: /corp/cidr }
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: !Select [1, !Ref Cidrs] }
  Other:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: !Ref Image }
`);
    expect(r.design.vpcs.Vpc!.cidrs).toEqual(['10.2.0.0/16']);
    expect(r.design.vpcs.Other).toBeUndefined();
    expect(r.warnings.find((w) => w.path === 'Resources.Other.Properties.CidrBlock')?.message).toBe(
      't.yaml: Resources.Other.Properties.CidrBlock: the parameter Image is read from Systems Manager ("/corp/cidr") when the stack is created, so VPC Other was left out.',
    );
  });

  it('Fn::Cidr refuses more blocks than fit', () => {
    const r = importCloudFormation([{ name: 'c.yaml', text: named('!Select [0, !Cidr [10.0.0.0/24, 4, 7]]') }]);
    expect(r.ok ? undefined : r.error).toMatchObject({ code: 'import/cfn-intrinsic', message: 'c.yaml: Resources.Vpc.Properties.Tags[0].Value.Fn::Select[1].Fn::Cidr is a malformed Fn::Cidr: 10.0.0.0/24 holds 2 blocks of 7 host bits, not 4.' });
  });

  it('attributes known only after deployment leave the field open', () => {
    const r = one(named('!GetAtt Vpc.CidrBlockAssociations'));
    expect(r.design.vpcs.Vpc!.name).toBe('Vpc');
    expect(r.warnings.find((w) => w.code === 'import/cfn-unresolved')?.message).toBe('t.yaml: Resources.Vpc.Properties.Tags[0]: Vpc.CidrBlockAssociations is known only when the stack is created, so this tag was left out.');
  });

  it('splits Fn::Sub strings into text and references', () => {
    expect(subParts('a${B}c${D.E}${!F}${AWS::Region}')).toEqual([{ text: 'a' }, { ref: 'B' }, { text: 'c' }, { ref: 'D', attribute: 'E' }, { text: '${F}' }, { ref: 'AWS::Region' }]);
  });
});

describe('the Region', () => {
  it('comes from a Region parameter, else us-east-1; templates that disagree are warned about', () => {
    expect(one(named('x')).design.vpcs.Vpc!.region).toBe('us-east-1');
    const r = imported([
      { name: 'a.yaml', text: named('a', 'Parameters:\n  Region: { Type: String, Default: eu-central-1 }\n') },
      { name: 'b.yaml', text: named('b', 'Parameters:\n  AWSRegion: { Type: String, Default: ap-south-1 }\n').replace('Vpc:', 'Net:') },
    ]);
    expect(Object.values(r.design.vpcs).map((v) => v.region)).toEqual(['eu-central-1', 'eu-central-1']);
    expect(r.warnings.find((w) => w.code === 'import/cfn-regions')?.message).toBe('the templates name different Regions (eu-central-1 in a.yaml, ap-south-1 in b.yaml); the design uses eu-central-1.');
  });
});

const NETWORK = `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.50.0.0/16 }
  Private:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.50.1.0/24, AvailabilityZone: us-east-1a }
  Shared:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: shared, VpcId: !Ref Vpc }
Outputs:
  VpcId:
    Value: !Ref Vpc
    Export: { Name: !Sub "\${AWS::StackName}-VpcId" }
  SubnetId:
    Value: !Ref Private
    Export: { Name: network-private-subnet }
`;

const APP = `Parameters:
  NetworkStack: { Type: String, Default: network }
Resources:
  Shared:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: the app's own group, named like the network's
      VpcId: { "Fn::ImportValue": !Sub "\${NetworkStack}-VpcId" }
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.50.0.0/16 }
  App:
    Type: AWS::EC2::Instance
    Properties:
      SubnetId: !ImportValue network-private-subnet
      SecurityGroupIds: [!Ref Shared]
`;

describe('several templates together', () => {
  it('resolve Fn::ImportValue against the exports of the others', () => {
    const r = imported([
      { name: 'network.yaml', text: NETWORK },
      { name: 'app.yaml', text: APP },
    ]);
    const d = r.design;
    expect(Object.keys(d.vpcs)).toEqual(['Vpc']);
    expect(d.securityGroups['app/Shared']).toMatchObject({ vpcId: 'Vpc', description: "the app's own group, named like the network's" });
    expect(d.securityGroups['network/Shared']).toMatchObject({ vpcId: 'Vpc' });
    expect(d.resources.App!.enis).toMatchObject([{ subnetId: 'Private', securityGroupIds: ['app/Shared'] }]);
  });

  it('tell clashing logical ids apart by file, and say so', () => {
    const r = imported([
      { name: 'stacks/network.yaml', text: NETWORK },
      { name: 'stacks/app.yaml', text: APP },
    ]);
    expect(r.warnings.find((w) => w.code === 'import/cfn-clashing-ids')?.message).toBe(
      'the logical ids Shared are declared by more than one template; in stacks/network.yaml, stacks/app.yaml they were given ids of the form <file>/<logical id> to tell them apart.',
    );
    expect(Object.keys(r.design.securityGroups)).toEqual(['Vpc-default-sg', 'network/Shared', 'app/Shared']);
  });

  it('an export no template gives stays open, with the name it was looked up by', () => {
    const r = imported([{ name: 'app.yaml', text: APP }]);
    expect(codes(r.warnings)).toContain('import/cfn-unresolved');
    expect(r.warnings.find((w) => w.path === 'Resources.Shared.Properties.VpcId')?.message).toBe(
      'app.yaml: Resources.Shared.Properties.VpcId: no template given exports "network-VpcId" (Fn::ImportValue reads it from another stack), so security group Shared was left out.',
    );
  });
});
