/**
 * Bad Terraform input: every error names the file and the path in it (the Terraform path, never
 * the describe bundle it was translated into), and nothing reaches Object.prototype.
 */
import { describe, expect, it } from 'vitest';
import { importSources } from '../index.ts';
import { INFRA, asState } from './test-infra.ts';

const stateText = (mutate: (state: { resources: Array<{ type: string; name: string; instances: Array<{ attributes: Record<string, unknown> }> }> }) => void) => {
  const state = JSON.parse(JSON.stringify(asState(INFRA))) as Parameters<typeof mutate>[0];
  mutate(state);
  return JSON.stringify(state, null, 2);
};
const indexOf = (state: Parameters<Parameters<typeof stateText>[0]>[0], type: string, name: string) => state.resources.findIndex((r) => r.type === type && r.name === name);

async function failure(name: string, text: string) {
  const r = await importSources([{ name, text }]);
  if (r.ok) throw new Error('expected the import to fail');
  return r.error;
}

describe('bad Terraform state', () => {
  it('truncated JSON: the file, line and column', async () => {
    const text = stateText(() => {});
    const e = await failure('prod.tfstate', text.slice(0, 2000));
    expect(e.code).toBe('import/json-syntax');
    expect(e.file).toBe('prod.tfstate');
    expect(e.message).toMatch(/^prod\.tfstate: not valid JSON at line \d+, column \d+: /);
  });

  it('a port that is no number: the attribute in the state', async () => {
    let at = -1;
    const text = stateText((s) => {
      at = indexOf(s, 'aws_security_group', 'alb');
      (s.resources[at]!.instances[0]!.attributes.ingress as Array<Record<string, unknown>>)[1]!.from_port = 'eighty';
    });
    const e = await failure('prod.tfstate', text);
    expect(e).toEqual({
      code: 'import/shape',
      message: `prod.tfstate: resources[${at}].instances[0].attributes.ingress[1].from_port should be a whole number, but it is the string "eighty".`,
      file: 'prod.tfstate',
      path: `resources[${at}].instances[0].attributes.ingress[1].from_port`,
    });
  });

  it('a CIDR that is no CIDR, in an aws_security_group_rule: that rule resource', async () => {
    let at = -1;
    const text = stateText((s) => {
      at = indexOf(s, 'aws_security_group_rule', 'db_from_app');
      Object.assign(s.resources[at]!.instances[0]!.attributes, { source_security_group_id: null, cidr_blocks: ['10.0.0.0/33'] });
    });
    const e = await failure('prod.tfstate', text);
    expect(e.code).toBe('import/cidr');
    expect(e.path).toBe(`resources[${at}].instances[0].attributes.cidr_blocks[0]`);
    expect(e.message).toMatch(new RegExp(`^prod\\.tfstate: resources\\[${at}\\]\\.instances\\[0\\]\\.attributes\\.cidr_blocks\\[0\\] is not a CIDR: `));
  });

  it('a missing VPC CIDR: the missing attribute', async () => {
    let at = -1;
    const text = stateText((s) => {
      at = indexOf(s, 'aws_vpc', 'main');
      s.resources[at]!.instances[0]!.attributes.cidr_block = '';
    });
    const e = await failure('prod.tfstate', text);
    expect(e).toMatchObject({ path: `resources[${at}].instances[0].attributes.cidr_block`, message: `prod.tfstate: resources[${at}].instances[0].attributes.cidr_block is missing: a VPC has an IPv4 CIDR.` });
  });

  it('a wrong shape: resources that is not a list', async () => {
    const e = await failure('s.tfstate', '{"version": 4, "terraform_version": "1.9.0", "resources": [{"type": "aws_vpc", "name": "v", "mode": "managed", "instances": {"attributes": {}}}]}');
    expect(e).toMatchObject({ file: 's.tfstate', path: 'resources[0].instances', message: 's.tfstate: resources[0].instances should be an array, but it is an object.' });
  });

  it('an older state version is refused with what to do', async () => {
    const e = await failure('old.tfstate', '{"version": 3, "terraform_version": "0.11.14", "resources": []}');
    expect(e).toMatchObject({ code: 'import/terraform-version', path: 'version' });
    expect(e.message).toContain('Terraform state version 4');
  });

  it('a state with nothing the designer reads says what it found', async () => {
    const e = await failure('s3.tfstate', JSON.stringify(asState([{ type: 'aws_s3_bucket', name: 'a', values: { id: 'a' } }, { type: 'aws_s3_bucket', name: 'b', values: { id: 'b' } }])));
    expect(e.code).toBe('import/terraform-empty');
    expect(e.message).toContain('found aws_s3_bucket ×2');
  });

  it('__proto__ as an id or a tag key reaches no prototype', async () => {
    const text = stateText((s) => {
      const vpc = s.resources[indexOf(s, 'aws_vpc', 'main')]!.instances[0]!.attributes;
      vpc.tags_all = JSON.parse('{"__proto__": {"polluted": true}, "Name": "shop"}');
    });
    const r = await importSources([{ name: 'p.tfstate', text }]);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.design.vpcs['vpc-0a1']!.tags).toEqual({ Name: 'shop' });
      expect(r.value.warnings.map((w) => w.code)).toContain('import/tag-dropped');
    }
    const e = await failure('q.tfstate', stateText((s) => (s.resources[indexOf(s, 'aws_security_group', 'app')]!.instances[0]!.attributes.id = '__proto__')));
    expect(e.message).toMatch(/^q\.tfstate: resources\[\d+\]\.instances\[0\]\.attributes\.id is "__proto__", which is not a valid id\.$/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a standalone rule whose group is not in the input is left out with a warning naming it', async () => {
    const text = JSON.stringify(asState([{ type: 'aws_security_group_rule', name: 'r', values: { type: 'ingress', security_group_id: 'sg-gone', protocol: 'tcp', from_port: 1, to_port: 1, cidr_blocks: ['10.0.0.0/8'] } }, ...INFRA]));
    const r = await importSources([{ name: 'x.tfstate', text }]);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.warnings.find((w) => w.code === 'import/terraform-owner-missing')).toMatchObject({
      file: 'x.tfstate',
      path: 'resources[0].instances[0]',
      message: 'x.tfstate: resources[0].instances[0]: aws_security_group_rule.r is a rule of security group sg-gone, which is not in the Terraform input; it was left out.',
    });
  });
});
