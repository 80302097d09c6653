/**
 * Tags beside their resources: elbv2 describe-tags (TagDescriptions) and lambda list-tags
 * (`{FunctionArn, Tags}`), the only place a design name that AWS would not take as a load
 * balancer or function name survives. Hand-written bundles: applied, absent, and malformed.
 */
import { describe, expect, it } from 'vitest';
import type { ModelError } from '../../model/errors.ts';
import type { Design } from '../../model/types.ts';
import { importDescribeBundle, type BundleInput } from './index.ts';
import type { ImportWarning } from './warnings.ts';

const ALB_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web-alb/abc123';
const OTHER_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/gone/def456';
const FN_ARN = 'arn:aws:lambda:eu-west-1:111111111111:function:worker';
const HOSTILE = `web 'a' "b" $(touch /tmp/pwned) \`id\`\nnext Zürich 🚀`;

const text = (name: string, json: unknown): BundleInput => ({ name, text: JSON.stringify(json) });
const network: BundleInput[] = [
  text('vpcs.json', { Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }] }),
  text('subnets.json', {
    Subnets: [
      { SubnetId: 'subnet-a', VpcId: 'vpc-1', AvailabilityZone: 'eu-west-1a', CidrBlock: '10.0.1.0/24' },
      { SubnetId: 'subnet-b', VpcId: 'vpc-1', AvailabilityZone: 'eu-west-1b', CidrBlock: '10.0.2.0/24' },
    ],
  }),
  text('groups.json', { SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'web', VpcId: 'vpc-1', IpPermissions: [] }] }),
  text('lbs.json', {
    LoadBalancers: [
      { LoadBalancerArn: ALB_ARN, LoadBalancerName: 'web-alb', Type: 'application', Scheme: 'internal', AvailabilityZones: [{ SubnetId: 'subnet-a' }, { SubnetId: 'subnet-b' }], SecurityGroups: ['sg-1'] },
    ],
  }),
  text('functions.json', { Functions: [{ FunctionName: 'worker', FunctionArn: FN_ARN, VpcConfig: { SubnetIds: ['subnet-a'], SecurityGroupIds: ['sg-1'] } }] }),
];

function imported(extra: BundleInput[]): { design: Design; warnings: ImportWarning[] } {
  const r = importDescribeBundle([...network, ...extra]);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
function failure(extra: BundleInput[]): ModelError {
  const r = importDescribeBundle([...network, ...extra]);
  if (r.ok) throw new Error('imported');
  return r.error;
}
const alb = (d: Design) => Object.values(d.resources).find((r) => r.kind === 'load-balancer')!;
const fn = (d: Design) => Object.values(d.resources).find((r) => r.kind === 'lambda')!;

describe('tags of load balancers and functions', () => {
  it('names the load balancer and the function after their Name tags, kept literally, with the other tags', () => {
    const { design, warnings } = imported([
      text('elbv2-describe-tags-1.json', {
        TagDescriptions: [
          { ResourceArn: ALB_ARN, Tags: [{ Key: 'Name', Value: HOSTILE }, { Key: 'team', Value: '$(id)' }] },
          // A load balancer the bundle does not hold (deleted between the calls): ignored.
          { ResourceArn: OTHER_ARN, Tags: [{ Key: 'Name', Value: 'gone' }] },
        ],
      }),
      text('lambda-list-tags-1.json', { FunctionArn: FN_ARN, Tags: { Name: `fn ${HOSTILE}`, empty: null, cost: 'x' } }),
    ]);
    expect(alb(design)).toMatchObject({ id: 'app/web-alb/abc123', name: HOSTILE, tags: { Name: HOSTILE, team: '$(id)' } });
    expect(fn(design)).toMatchObject({ id: 'worker', name: `fn ${HOSTILE}`, tags: { Name: `fn ${HOSTILE}`, empty: '', cost: 'x' } });
    expect(warnings.filter((w) => w.code.startsWith('import/tag'))).toEqual([]);
  });

  it('reads the tags from one merged object too', () => {
    const { design } = imported([text('merged.json', { TagDescriptions: [{ ResourceArn: ALB_ARN, Tags: [{ Key: 'Name', Value: 'front door' }] }] })]);
    expect(alb(design).name).toBe('front door');
  });

  it('keeps AWS names when there are no tag files, or they hold nothing', () => {
    expect([alb(imported([]).design).name, fn(imported([]).design).name]).toEqual(['web-alb', 'worker']);
    const { design, warnings } = imported([
      text('t1.json', { TagDescriptions: null }),
      text('t2.json', { TagDescriptions: [null, { ResourceArn: ALB_ARN }, { ResourceArn: ALB_ARN, Tags: null }, { ResourceArn: ALB_ARN, Tags: [{ Key: 'Name', Value: '  ' }] }] }),
      text('t3.json', { FunctionArn: FN_ARN, Tags: null }),
      text('t4.json', { FunctionArn: FN_ARN, Tags: {} }),
    ]);
    expect(alb(design)).toMatchObject({ name: 'web-alb', tags: { Name: '  ' } });
    expect(fn(design).name).toBe('worker');
    expect(fn(design).tags).toBeUndefined();
    expect(warnings.filter((w) => w.code === 'import/tags-unattached')).toEqual([]);
  });

  it('warns about tags that name no resource, and leaves them out', () => {
    const { design, warnings } = imported([
      text('lb-tags.json', { TagDescriptions: [{ Tags: [{ Key: 'Name', Value: 'whose?' }] }] }),
      text('list-tags.json', { Tags: { Name: 'whose function?' } }),
    ]);
    expect([alb(design).name, fn(design).name]).toEqual(['web-alb', 'worker']);
    expect(warnings.filter((w) => w.code === 'import/tags-unattached').map((w) => [w.file, w.path])).toEqual([
      ['lb-tags.json', 'TagDescriptions[0]'],
      ['list-tags.json', 'Tags'],
    ]);
  });

  it('does not take an ec2 describe-tags list for lambda tags', () => {
    expect(failure([text('ec2-tags.json', { Tags: [{ Key: 'Name', ResourceId: 'i-1', Value: 'x' }] })])).toMatchObject({ code: 'import/unrecognised', file: 'ec2-tags.json' });
  });

  it('refuses bad shapes, naming the file and the JSON path', () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ TagDescriptions: { ResourceArn: ALB_ARN } }, 'TagDescriptions', /should be an array, but it is an object/],
      [{ TagDescriptions: ['x'] }, 'TagDescriptions[0]', /should be an object, but it is the string "x"/],
      [{ TagDescriptions: [{ ResourceArn: ALB_ARN, Tags: { Name: 'x' } }] }, 'TagDescriptions[0].Tags', /should be an array/],
      [{ TagDescriptions: [{ ResourceArn: 7, Tags: [{ Key: 'Name', Value: ['x'] }] }] }, 'TagDescriptions[0].Tags[0].Value', /should be a string, but it is an array/],
      [{ FunctionArn: FN_ARN, Tags: [{ Key: 'Name', Value: 'x' }] }, 'Tags', /should be an object of tag keys and values \(what lambda list-tags prints\), but it is an array/],
      [{ FunctionArn: FN_ARN, Tags: 'Name=x' }, 'Tags', /should be an object of tag keys and values .*the string "Name=x"/],
      [{ FunctionArn: FN_ARN, Tags: { Name: { v: 1 } } }, 'Tags.Name', /should be a string, but it is an object/],
      [{ FunctionArn: ['x'], Tags: { Name: 'x' } }, 'FunctionArn', /should be a string, but it is an array/],
    ];
    for (const [json, path, message] of cases) {
      const e = failure([text('bad.json', json)]);
      expect(e, JSON.stringify(json)).toMatchObject({ code: 'import/shape', file: 'bad.json', path });
      expect(e.message).toMatch(new RegExp(`^bad\\.json: ${path.replace(/[.[\]]/g, '\\$&')} `));
      expect(e.message).toMatch(message);
    }
  });
});
