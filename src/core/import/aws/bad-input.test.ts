/** Bad input: every case is one ModelError naming the file and the JSON path, never a throw, never half a design. */
import { describe, expect, it } from 'vitest';
import type { ModelError } from '../../model/errors.ts';
import { importDescribeBundle, type BundleInput } from './index.ts';
import { MAX_LIST_LENGTH } from './cursor.ts';

function failure(inputs: BundleInput[], options = {}): ModelError {
  const r = importDescribeBundle(inputs, options);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('imported');
  expect(Object.keys(r)).toEqual(['ok', 'error']); // the error alone: no design comes back
  return r.error;
}

const group = (over: Record<string, unknown> = {}, perm: Record<string, unknown> = {}) => ({
  GroupId: 'sg-1',
  GroupName: 'web',
  VpcId: 'vpc-1',
  IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }], ...perm }],
  ...over,
});
const text = (name: string, json: unknown): BundleInput => ({ name, text: JSON.stringify(json) });

describe('bad describe input', () => {
  it('truncated JSON: json-syntax with the file and where the text ends', () => {
    const full = JSON.stringify({ SecurityGroups: [group()] }, null, 2);
    const e = failure([text('ok.json', { Vpcs: [] }), { name: 'sg.json', text: full.slice(0, full.length - 20) }]);
    expect(e).toMatchObject({ code: 'import/json-syntax', file: 'sg.json', path: '(root)' });
    expect(e.message).toMatch(/^sg\.json: not valid JSON at line \d+, column \d+/);
  });

  it('an empty file', () => {
    expect(failure([{ name: 'empty.json', text: '  \n' }])).toMatchObject({ code: 'import/json-syntax', file: 'empty.json' });
  });

  it('SecurityGroups not an array', () => {
    const e = failure([text('sg.json', { SecurityGroups: { GroupId: 'sg-1' } })]);
    expect(e).toEqual({
      code: 'import/shape',
      file: 'sg.json',
      path: 'SecurityGroups',
      message: 'sg.json: SecurityGroups should be an array, but it is an object.',
    });
  });

  it('IpPermissions an object', () => {
    const e = failure([text('sg.json', { SecurityGroups: [group({ IpPermissions: { IpProtocol: 'tcp' } })] })]);
    expect(e).toMatchObject({ code: 'import/shape', file: 'sg.json', path: 'SecurityGroups[0].IpPermissions' });
  });

  it('FromPort "abc"', () => {
    const e = failure([text('sg.json', { SecurityGroups: [group({}, { FromPort: 'abc' })] })]);
    expect(e).toEqual({
      code: 'import/shape',
      file: 'sg.json',
      path: 'SecurityGroups[0].IpPermissions[0].FromPort',
      message: 'sg.json: SecurityGroups[0].IpPermissions[0].FromPort should be a whole number, but it is the string "abc".',
    });
  });

  it('a port out of range, a backwards range, an unknown protocol', () => {
    expect(failure([text('a.json', { SecurityGroups: [group({}, { ToPort: 70000 })] })])).toMatchObject({ path: 'SecurityGroups[0].IpPermissions[0].ToPort' });
    expect(failure([text('b.json', { SecurityGroups: [group({}, { FromPort: 90, ToPort: 80 })] })])).toMatchObject({ path: 'SecurityGroups[0].IpPermissions[0].ToPort' });
    const e = failure([text('c.json', { SecurityGroups: [group({}, { IpProtocol: 'bogus' })] })]);
    expect(e).toMatchObject({ code: 'import/shape', path: 'SecurityGroups[0].IpPermissions[0].IpProtocol' });
    expect(e.message).toContain('bogus');
  });

  it('a CIDR that is no CIDR', () => {
    const e = failure([text('sg.json', { SecurityGroups: [group({}, { IpRanges: [{ CidrIp: '10.0.0.0/33' }] })] })]);
    expect(e).toMatchObject({ code: 'import/cidr', file: 'sg.json', path: 'SecurityGroups[0].IpPermissions[0].IpRanges[0].CidrIp' });
  });

  it('a list item that is not an object, and one without its id', () => {
    expect(failure([text('s.json', { Subnets: ['subnet-1'] })])).toMatchObject({ code: 'import/shape', path: 'Subnets[0]' });
    const e = failure([text('s.json', { SecurityGroups: [group({ GroupId: undefined })] })]);
    expect(e).toMatchObject({ code: 'import/shape', path: 'SecurityGroups[0].GroupId' });
    expect(e.message).toContain('missing');
  });

  it('a NACL entry with a rule number out of range or an odd action', () => {
    const acl = (entry: Record<string, unknown>) => ({ NetworkAcls: [{ NetworkAclId: 'acl-1', VpcId: 'vpc-1', Entries: [{ RuleNumber: 100, Egress: false, RuleAction: 'allow', Protocol: '-1', CidrBlock: '0.0.0.0/0', ...entry }] }] });
    expect(failure([text('n.json', acl({ RuleNumber: 0 }))])).toMatchObject({ path: 'NetworkAcls[0].Entries[0].RuleNumber' });
    expect(failure([text('n.json', acl({ RuleAction: 'maybe' }))])).toMatchObject({ path: 'NetworkAcls[0].Entries[0].RuleAction' });
    expect(failure([text('n.json', acl({ Egress: 'sometimes' }))])).toMatchObject({ path: 'NetworkAcls[0].Entries[0].Egress' });
  });

  it('unknown top-level keys only: names the file and the keys it has', () => {
    const e = failure([text('ok.json', { Vpcs: [] }), text('mystery.json', { Foo: [], Bar: 1 })]);
    expect(e).toMatchObject({ code: 'import/unrecognised', file: 'mystery.json', path: '(root)' });
    expect(e.message).toContain('"Foo", "Bar"');
    expect(e.message).toContain('SecurityGroups');
  });

  it('other inputs: not an object, Terraform state, a design file, entries without their list, nothing at all', () => {
    expect(failure([text('list.json', [1, 2])])).toMatchObject({ code: 'import/unrecognised', file: 'list.json' });
    const tf = failure([text('state.json', { version: 4, terraform_version: '1.5.0', resources: [] })]);
    expect(tf.message).toContain('Terraform');
    expect(failure([text('design.json', { schemaVersion: 1, name: 'x' })])).toMatchObject({ code: 'import/design-file', file: 'design.json' });
    expect(failure([text('entries.json', { Entries: [{ Cidr: '10.0.0.0/8' }] })]).message).toContain('PrefixListId');
    expect(failure([])).toMatchObject({ code: 'import/empty' });
    expect(failure([text('a.json', { Vpcs: [] })], { region: 'moon-1' })).toMatchObject({ code: 'import/region' });
  });

  describe('keys that could reach Object.prototype', () => {
    const hostile = `{
      "__proto__": { "polluted": "top" },
      "constructor": { "prototype": { "polluted": "ctor" } },
      "SecurityGroups": [{
        "__proto__": { "polluted": "group", "GroupId": "sg-evil" },
        "GroupId": "sg-1", "GroupName": "web", "VpcId": "vpc-1",
        "IpPermissions": [{ "__proto__": { "polluted": "perm" }, "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
          "IpRanges": [{ "CidrIp": "10.0.0.0/8", "__proto__": { "polluted": "range" } }] }],
        "Tags": [{ "Key": "__proto__", "Value": "x" }, { "Key": "constructor", "Value": "y" }, { "Key": "team", "Value": "a" }]
      }]
    }`;

    it('are ignored as data and pollute nothing, from text or from parsed JSON', () => {
      for (const input of [{ name: 'evil.json', text: hostile }, { name: 'evil.json', json: JSON.parse(hostile) as unknown }]) {
        const r = importDescribeBundle([input]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
        if (!r.ok) throw new Error(r.error.message);
        const g = r.value.design.securityGroups['sg-1']!;
        expect(Object.keys(r.value.design.securityGroups)).toEqual(['sg-1']);
        expect(g.tags).toEqual({ team: 'a' });
        expect(g.ingress).toHaveLength(1);
        expect(r.value.warnings.filter((w) => w.code === 'import/tag-dropped')).toHaveLength(2);
      }
    });

    it('as ids are refused with their path', () => {
      for (const id of ['__proto__', 'constructor', 'prototype']) {
        const e = failure([{ name: 'evil.json', text: `{"SecurityGroups":[{"GroupId":"${id}","VpcId":"vpc-1"}]}` }]);
        expect(e).toMatchObject({ code: 'import/shape', file: 'evil.json', path: 'SecurityGroups[0].GroupId' });
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('alone make an unrecognised file', () => {
      const e = failure([{ name: 'evil.json', text: '{"__proto__": {"SecurityGroups": []}}' }]);
      expect(e).toMatchObject({ code: 'import/unrecognised', file: 'evil.json' });
      expect(e.message).toContain('"__proto__"');
    });
  });

  describe('huge input', () => {
    it('text beyond the size limit is refused before parsing', () => {
      const big = `{"SecurityGroups": [${'{"GroupId":"sg-1"},'.repeat(200)}{"GroupId":"sg-1"}]}`;
      const e = failure([{ name: 'big.json', text: big }], { maxChars: 1000 });
      expect(e).toMatchObject({ code: 'import/too-large', file: 'big.json', path: '(root)' });
      expect(e.message).toContain('1000');
    });

    it('the default limit holds for a 65 MB file', () => {
      const e = failure([{ name: 'huge.json', text: ' '.repeat(65 * 1024 * 1024) }]);
      expect(e).toMatchObject({ code: 'import/too-large', file: 'huge.json' });
    });

    it('a list longer than any account has is refused with its path', () => {
      const e = failure([{ name: 'many.json', json: { SecurityGroups: new Array(MAX_LIST_LENGTH + 1).fill(null) } }]);
      expect(e).toMatchObject({ code: 'import/too-large', file: 'many.json', path: 'SecurityGroups' });
    });

    it('deeply nested arrays are a shape error, not a stack overflow', () => {
      const depth = 100_000;
      const e = failure([{ name: 'deep.json', text: `{"SecurityGroups":${'['.repeat(depth)}${']'.repeat(depth)}}` }]);
      expect(e).toMatchObject({ code: 'import/shape', file: 'deep.json', path: 'SecurityGroups[0]' });
    });

    it('thousands of groups import in reasonable time', () => {
      const groups = Array.from({ length: 5000 }, (_, i) => group({ GroupId: `sg-${i}`, GroupName: `g${i}` }));
      const started = Date.now();
      const r = importDescribeBundle([{ name: 'many.json', json: { SecurityGroups: groups } }]);
      expect(r.ok && Object.keys(r.value.design.securityGroups)).toHaveLength(5000);
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });

  it('a text input that is not a string is a shape error, not a crash', () => {
    const e = failure([{ name: 'odd.json', text: 42 as unknown as string }]);
    expect(e).toMatchObject({ code: 'import/shape', file: 'odd.json' });
  });
});
