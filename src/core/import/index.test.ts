/**
 * importSources, the one entry point: sources are recognised by content, not by name, go to the
 * importer of their kind, and anything that cannot be read or combined is a clear error naming
 * the files. It never throws.
 */
import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../model/types.ts';
import { importSources } from './index.ts';

const design = (patch: (d: Record<string, unknown>) => void = () => {}) => {
  const d = emptyDesign('Saved') as unknown as Record<string, unknown>;
  patch(d);
  return JSON.stringify(d, null, 2);
};
const VPCS = '{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}]}';
const GROUPS = '{"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "web", "VpcId": "vpc-1", "IpPermissions": []}]}';
const STATE = JSON.stringify({ version: 4, terraform_version: '1.9.0', resources: [{ mode: 'managed', type: 'aws_vpc', name: 'v', instances: [{ attributes: { id: 'vpc-9', cidr_block: '10.9.0.0/16' } }] }] });
const TEMPLATE = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Web:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n';

describe('importSources', () => {
  it('opens one design file as it is', async () => {
    const r = await importSources([{ name: 'saved.json', text: design() }]);
    expect(r).toEqual({ ok: true, value: { design: emptyDesign('Saved'), warnings: [], kind: 'design', files: ['saved.json'] } });
  });

  it('imports describe output given as several files, whatever their names', async () => {
    const r = await importSources([
      { name: 'a.txt', text: VPCS },
      { name: 'b', text: GROUPS },
    ]);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.kind).toBe('describe-bundle');
    expect(r.value.files).toEqual(['a.txt', 'b']);
    expect(Object.keys(r.value.design.vpcs)).toEqual(['vpc-1']);
    expect(Object.keys(r.value.design.securityGroups)).toEqual(['sg-1']);
  });

  it('imports Terraform state and CloudFormation by their content', async () => {
    const tf = await importSources([{ name: 'terraform.tfstate', text: STATE }]);
    expect(tf.ok && [tf.value.kind, Object.keys(tf.value.design.vpcs)]).toEqual(['terraform-state', ['vpc-9']]);
    const cf = await importSources([{ name: 'stack.yaml', text: TEMPLATE }]);
    expect(cf.ok && [cf.value.kind, Object.keys(cf.value.design.securityGroups)]).toEqual(['cloudformation', ['Web']]);
  });

  it('refuses kinds that cannot combine, naming every file and what it is', async () => {
    const r = await importSources([
      { name: 'vpcs.json', text: VPCS },
      { name: 'terraform.tfstate', text: STATE },
      { name: 'saved.json', text: design() },
    ]);
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'import/mixed-kinds',
        message:
          'These files cannot be imported together: vpcs.json is AWS describe output; terraform.tfstate is Terraform state; saved.json is a Tierwise design. A design file opens alone: give one design file, or the files of one input to import.',
      },
    });
    const two = await importSources([
      { name: 'vpcs.json', text: VPCS },
      { name: 'stack.yaml', text: TEMPLATE },
    ]);
    expect(two.ok ? '' : two.error.message).toBe(
      'These files cannot be imported together: vpcs.json is AWS describe output; stack.yaml is a CloudFormation template. Import AWS describe output, Terraform or CloudFormation on its own.',
    );
  });

  it('says what an unrecognised file holds', async () => {
    const r = await importSources([{ name: 'notes.json', text: '{"hello": 1, "world": 2}' }]);
    expect(r).toMatchObject({ ok: false, error: { code: 'import/unrecognised', file: 'notes.json' } });
    expect(r.ok ? '' : r.error.message).toMatch(/^notes\.json: not an input Tierwise reads \(it holds a JSON object with the keys "hello", "world"\)\./);
    const text = await importSources([{ name: 'README.md', text: '# hello\n' }]);
    expect(text.ok ? '' : text.error.message).toContain('README.md: not an input Tierwise reads (it holds text that is neither JSON');
    const empty = await importSources([{ name: 'empty.json', text: '' }]);
    expect(empty.ok ? '' : empty.error.message).toContain('empty.json: not an input Tierwise reads (the file is empty).');
  });

  it('names the file, line and column of a JSON syntax error', async () => {
    const r = await importSources([{ name: 'vpcs.json', text: '{\n  "Vpcs": [\n    {"VpcId": "vpc-1",}\n  ]\n}' }]);
    expect(r).toMatchObject({ ok: false, error: { code: 'import/json-syntax', file: 'vpcs.json' } });
    expect(r.ok ? '' : r.error.message).toMatch(/^vpcs\.json: not valid JSON at line 3, column \d+: /);
  });

  it('refuses a newer design, and keys that would reach Object.prototype, naming the file and path', async () => {
    const newer = await importSources([{ name: 'future.json', text: design((d) => (d.schemaVersion = 99)) }]);
    expect(newer).toMatchObject({ ok: false, error: { code: 'design/schema-too-new', file: 'future.json', path: 'schemaVersion' } });
    expect(newer.ok ? '' : newer.error.message).toContain('schemaVersion 99');
    const proto = await importSources([{ name: 'proto.json', text: design().replace('"securityGroups": {}', '"securityGroups": {"__proto__": {"polluted": true}}') }]);
    expect(proto).toEqual({
      ok: false,
      error: { code: 'design/forbidden-key', message: 'proto.json: The key "__proto__" is not allowed in a design (at securityGroups.__proto__).', path: 'securityGroups.__proto__', file: 'proto.json' },
    });
    const ctor = await importSources([{ name: 'ctor.json', text: design((d) => (d.resources = JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'))) }]);
    expect(ctor.ok ? '' : ctor.error.path).toBe('resources.constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const r = await importSources([{ name: 'big.json', text: `{"Vpcs": [], "pad": "${'x'.repeat(200)}"}` }], { maxChars: 100 });
    expect(r).toMatchObject({ ok: false, error: { code: 'import/too-large', file: 'big.json' } });
    const yaml = await importSources([{ name: 'big.yaml', text: `${TEMPLATE}#${'x'.repeat(200)}` }], { maxChars: 100 });
    expect(yaml).toMatchObject({ ok: false, error: { code: 'import/too-large', file: 'big.yaml' } });
  });

  it('never throws on input that is not sources at all', async () => {
    expect(await importSources([])).toMatchObject({ ok: false, error: { code: 'import/empty' } });
    expect(await importSources([{ name: 'x', text: 5 } as unknown as { name: string; text: string }])).toMatchObject({ ok: false, error: { code: 'import/shape' } });
  });
});
