/** The bundle writer remembers, for every path it writes, the input place the value came from. */
import { describe, expect, it } from 'vitest';
import { Cursor } from '../aws/cursor.ts';
import { modelError } from '../../model/errors.ts';
import { Retracer } from './retrace.ts';
import { BundleWriter, made, originOf, traced } from './writer.ts';

const state = new Cursor({ resources: [{ attributes: { id: 'sg-1', ingress: [{ from_port: 'x', cidr_blocks: ['10.0.0.0/8'] }], tags: { a: { b: 1 } } } }] }, 'main.tfstate');
const attrs = state.at('resources').at(0).at('attributes');

describe('BundleWriter', () => {
  const w = new BundleWriter('main.tfstate');
  const rule = attrs.at('ingress').at(0);
  const group = w.add(
    'SecurityGroups',
    {
      GroupId: traced(attrs.at('id')),
      GroupName: traced(attrs.at('name')), // missing: left out, but its place is kept
      Tags: traced(attrs.at('tags')),
      IpPermissions: [{ FromPort: traced(rule.at('from_port')), IpRanges: [{ CidrIp: traced(rule.at('cidr_blocks').at(0)) }], IpProtocol: 'tcp' }],
    },
    originOf(attrs),
  );

  it('writes plain JSON, leaving out what is unset', () => {
    expect(w.json()).toEqual({ SecurityGroups: [{ GroupId: 'sg-1', Tags: { a: { b: 1 } }, IpPermissions: [{ FromPort: 'x', IpRanges: [{ CidrIp: '10.0.0.0/8' }], IpProtocol: 'tcp' }] }] });
  });

  it('maps each bundle path to its input path', () => {
    const at = (p: string) => w.origin(p)?.path;
    expect(at('SecurityGroups[0].GroupId')).toBe('resources[0].attributes.id');
    expect(at('SecurityGroups[0].GroupName')).toBe('resources[0].attributes.name');
    expect(at('SecurityGroups[0].IpPermissions[0].FromPort')).toBe('resources[0].attributes.ingress[0].from_port');
    expect(at('SecurityGroups[0].IpPermissions[0].IpRanges[0].CidrIp')).toBe('resources[0].attributes.ingress[0].cidr_blocks[0]');
    // Below a value copied as it is, the same path below its origin.
    expect(at('SecurityGroups[0].Tags.a.b')).toBe('resources[0].attributes.tags.a.b');
    // A field the translation made itself stands for the item it belongs to.
    expect(at('SecurityGroups[0].IpPermissions[0].IpProtocol')).toBe('resources[0].attributes');
    expect(at('Vpcs[0]')).toBeUndefined();
  });

  it('traces what another resource appends to an item to that resource', () => {
    const other = new Cursor({ rule: { port: 5 } }, 'rules.tfstate').at('rule');
    w.append(group, 'IpPermissions', { FromPort: traced(other.at('port')), IpProtocol: made('tcp', other) }, originOf(other));
    expect(w.origin('SecurityGroups[0].IpPermissions[1].FromPort')).toEqual({ file: 'rules.tfstate', path: 'rule.port' });
    expect(w.origin('SecurityGroups[0].IpPermissions[1].IpProtocol')).toEqual({ file: 'rules.tfstate', path: 'rule' });
  });

  it('restates the bundle importer’s errors about the input file and path', () => {
    const retracer = new Retracer([w], { input: 'the Terraform input' });
    const bundleError = modelError('import/shape', 'main.tfstate: SecurityGroups[0].IpPermissions[0].FromPort should be a whole number, which the bundle does not hold.', {
      file: 'main.tfstate',
      path: 'SecurityGroups[0].IpPermissions[0].FromPort',
    });
    expect(retracer.error(bundleError)).toEqual({
      code: 'import/shape',
      message: 'main.tfstate: resources[0].attributes.ingress[0].from_port should be a whole number, which the Terraform input does not hold.',
      file: 'main.tfstate',
      path: 'resources[0].attributes.ingress[0].from_port',
    });
    expect(retracer.warning({ code: 'w', message: 'subnet s is in subnet x, which describe-subnets does not list.' }).message).toBe('subnet s is in subnet x, which is not in the Terraform input.');
  });
});
