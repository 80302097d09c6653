/**
 * Property: whatever value replaces whatever field of a realistic bundle, the import returns a
 * valid design or an import/* error with a file and path; never a throw, never a design the
 * importer failed to make valid (import/invalid-design) or an internal error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDescribeBundle } from './index.ts';

const bundle = {
  Region: 'eu-west-1',
  Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', IsDefault: false, Tags: [{ Key: 'Name', Value: 'prod' }] }],
  Subnets: [
    { SubnetId: 'subnet-a', VpcId: 'vpc-1', AvailabilityZone: 'eu-west-1a', CidrBlock: '10.0.1.0/24' },
    { SubnetId: 'subnet-b', VpcId: 'vpc-1', AvailabilityZone: 'eu-west-1b', CidrBlock: '10.0.2.0/24' },
  ],
  RouteTables: [
    {
      RouteTableId: 'rtb-1',
      VpcId: 'vpc-1',
      Associations: [{ Main: true }, { SubnetId: 'subnet-a' }],
      Routes: [
        { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
        { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' },
      ],
    },
  ],
  InternetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-1', State: 'available' }] }],
  NatGateways: [{ NatGatewayId: 'nat-1', SubnetId: 'subnet-a', State: 'available', NatGatewayAddresses: [{ PublicIp: '52.0.0.1', PrivateIp: '10.0.1.9' }] }],
  NetworkAcls: [
    {
      NetworkAclId: 'acl-1',
      VpcId: 'vpc-1',
      IsDefault: true,
      Associations: [{ SubnetId: 'subnet-a' }],
      Entries: [
        { RuleNumber: 100, Egress: false, RuleAction: 'allow', Protocol: '6', CidrBlock: '0.0.0.0/0', PortRange: { From: 443, To: 443 } },
        { RuleNumber: 32767, Egress: false, RuleAction: 'deny', Protocol: '-1', CidrBlock: '0.0.0.0/0' },
      ],
    },
  ],
  SecurityGroups: [
    {
      GroupId: 'sg-1',
      GroupName: 'web',
      Description: 'web',
      VpcId: 'vpc-1',
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }], UserIdGroupPairs: [{ GroupId: 'sg-2' }] }],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    },
    { GroupId: 'sg-2', GroupName: 'alb', Description: 'alb', VpcId: 'vpc-1', IpPermissions: [], IpPermissionsEgress: [] },
  ],
  Reservations: [
    {
      Instances: [
        {
          InstanceId: 'i-1',
          SubnetId: 'subnet-a',
          PrivateIpAddress: '10.0.1.10',
          SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'web' }],
          NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', SubnetId: 'subnet-a', PrivateIpAddress: '10.0.1.10', Groups: [{ GroupId: 'sg-1' }] }],
          Tags: [{ Key: 'Name', Value: 'web-1' }],
        },
      ],
    },
  ],
  NetworkInterfaces: [{ NetworkInterfaceId: 'eni-x', SubnetId: 'subnet-b', Status: 'in-use', Description: 'ELB app/alb/1', PrivateIpAddress: '10.0.2.7', Groups: [{ GroupId: 'sg-2' }] }],
  LoadBalancers: [
    {
      LoadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/alb/1',
      LoadBalancerName: 'alb',
      Type: 'application',
      Scheme: 'internet-facing',
      AvailabilityZones: [{ SubnetId: 'subnet-a' }, { SubnetId: 'subnet-b' }],
      SecurityGroups: ['sg-2'],
    },
  ],
  TargetGroups: [{ TargetGroupArn: 'arn:tg/web/1', TargetGroupName: 'web', Protocol: 'HTTP', Port: 443, LoadBalancerArns: ['arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/alb/1'] }],
  Listeners: [{ ListenerArn: 'arn:l/1', LoadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/alb/1', Port: 443, Protocol: 'HTTPS', DefaultActions: [{ Type: 'forward', TargetGroupArn: 'arn:tg/web/1' }] }],
  DBInstances: [
    {
      DBInstanceIdentifier: 'db',
      Engine: 'postgres',
      Endpoint: { Port: 5432 },
      VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-1' }],
      DBSubnetGroup: { Subnets: [{ SubnetIdentifier: 'subnet-b' }] },
    },
  ],
  Functions: [{ FunctionName: 'fn', VpcConfig: { SubnetIds: ['subnet-b'], SecurityGroupIds: ['sg-2'] } }],
  PrefixLists: [{ PrefixListId: 'pl-1', PrefixListName: 'corp', AddressFamily: 'IPv4', MaxEntries: 5 }],
  VpcPeeringConnections: [{ VpcPeeringConnectionId: 'pcx-1', RequesterVpcInfo: { VpcId: 'vpc-1' }, AccepterVpcInfo: { VpcId: 'vpc-9', CidrBlock: '10.9.0.0/16' }, Status: { Code: 'active' } }],
};

/** Every path to a value in the JSON. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}
const ALL_PATHS = paths(bundle).filter((p) => p.length > 0);

function replaced(path: Array<string | number>, value: unknown): unknown {
  const copy = structuredClone(bundle) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  at[path.at(-1)!] = value;
  return copy;
}

const anyValue = fc.oneof(
  fc.constantFrom(null, undefined, '', '-1', '6', 'abc', '10.0.0.0/8', '10.0.0.5/16', '::/0', 'sg-1', 'subnet-a', 'vpc-1', '__proto__', 0, -1, 65536, 1.5, true, [], {}),
  fc.jsonValue({ maxDepth: 2 }),
);

describe('import robustness', () => {
  it('the untouched bundle imports', () => {
    expect(importDescribeBundle([{ name: 'b.json', json: bundle }]).ok).toBe(true);
  });

  it('any field replaced by any value gives a design or an import error with file and path', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_PATHS), anyValue, (path, value) => {
        const r = importDescribeBundle([{ name: 'b.json', json: replaced(path, value) }]);
        if (r.ok) return;
        expect(r.error.code, `${r.error.code} at ${path.join('.')}: ${r.error.message}`).toMatch(/^import\//);
        expect(['import/internal', 'import/invalid-design']).not.toContain(r.error.code);
        expect(r.error.file).toBe('b.json');
        expect(r.error.path).toBeTruthy();
      }),
      { numRuns: 2000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);
});
