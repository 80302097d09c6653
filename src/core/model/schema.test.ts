import { describe, expect, it } from 'vitest';
import { emptyDesign, SCHEMA_VERSION } from './types.ts';
import { unwrap } from './result.ts';
import { addResource, addSecurityGroup, addSubnet, addVpc } from './commands/index.ts';
import { readDesign, validateDesign } from './schema.ts';

function small() {
  let d = unwrap(addVpc(emptyDesign('small'), { id: 'vpc-1', name: 'main', cidr: '10.0.0.0/16' }));
  d = unwrap(addSubnet(d, { id: 'sub-1', vpcId: 'vpc-1', name: 'a', cidr: '10.0.1.0/24', availabilityZone: 'us-east-1a' }));
  d = unwrap(addSecurityGroup(d, { id: 'sg-1', vpcId: 'vpc-1', name: 'web' }));
  return unwrap(addResource(d, { id: 'i-1', kind: 'instance', name: 'web-1', subnetIds: ['sub-1'], securityGroupIds: ['sg-1'] }));
}

const failure = (r: ReturnType<typeof readDesign>) => (r.ok ? undefined : { code: r.error.code, path: r.error.path, message: r.error.message });

describe('readDesign', () => {
  it('round-trips a design through JSON unchanged', () => {
    const d = small();
    const back = readDesign(JSON.parse(JSON.stringify(d)), 'small.json');
    expect(back).toEqual({ ok: true, value: d });
  });

  it('refuses a newer schemaVersion with a message that says what to do', () => {
    expect(failure(readDesign({ ...small(), schemaVersion: SCHEMA_VERSION + 1 }, 'future.json'))).toEqual({
      code: 'design/schema-too-new',
      path: 'schemaVersion',
      message: `The design in future.json has schemaVersion ${SCHEMA_VERSION + 1}, newer than this Tierwise understands (${SCHEMA_VERSION}). Update Tierwise to open it.`,
    });
  });

  it('refuses a missing schemaVersion and a non-object', () => {
    expect(failure(readDesign({ name: 'x' }))?.code).toBe('design/schema-version');
    expect(failure(readDesign([1, 2]))?.code).toBe('design/not-object');
  });

  it('names the path of a wrong shape', () => {
    const raw = JSON.parse(JSON.stringify(small()));
    raw.securityGroups['sg-1'].ingress = [{ id: 'r', match: { protocol: 'tcp', ports: { from: 'abc', to: 80 } }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } }];
    const f = failure(readDesign(raw));
    expect(f?.code).toBe('design/shape');
    expect(f?.path).toBe('securityGroups.sg-1.ingress[0].match.ports.from');
  });

  it('refuses __proto__ and constructor keys anywhere without polluting prototypes', () => {
    const text = `{"schemaVersion":1,"vpcs":{},"resources":{"__proto__":{"polluted":true}}}`;
    const f = failure(readDesign(JSON.parse(text)));
    expect(f).toMatchObject({ code: 'design/forbidden-key', path: 'resources.__proto__' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(failure(readDesign(JSON.parse('{"schemaVersion":1,"layout":{"constructor":{"x":1,"y":2}}}')))?.path).toBe('layout.constructor');
  });
});

describe('validateDesign references', () => {
  it('names a dangling subnet of a network interface', () => {
    const d = small();
    const bad = { ...d, resources: { 'i-1': { ...d.resources['i-1']!, enis: [{ ...d.resources['i-1']!.enis[0]!, subnetId: 'subnet-gone' }] } } };
    const r = validateDesign(bad);
    expect(r.ok ? undefined : [r.error.code, r.error.path, r.error.message]).toEqual([
      'design/dangling-reference',
      'resources.i-1.enis[0].subnetId',
      'resources.i-1.enis[0].subnetId refers to subnet "subnet-gone", which is not in the design.',
    ]);
  });

  it('refuses a record whose key is not its id, and a non-canonical CIDR', () => {
    const d = small();
    expect(validateDesign({ ...d, subnets: { other: d.subnets['sub-1'] } }).ok).toBe(false);
    const r = validateDesign({ ...d, subnets: { 'sub-1': { ...d.subnets['sub-1']!, cidr: '10.0.1.7/24' } } });
    expect(r.ok ? undefined : [r.error.code, r.error.path]).toEqual(['cidr/not-canonical', 'subnets.sub-1.cidr']);
  });

  it('accepts a rule that names a group the design does not hold (a stale reference the linter reports)', () => {
    const d = small();
    const g = d.securityGroups['sg-1']!;
    const stale = { ...g, ingress: [{ id: 'r', match: { protocol: 'tcp' as const, ports: { from: 22, to: 22 } }, peer: { kind: 'security-group' as const, groupId: 'sg-deleted' } }] };
    expect(validateDesign({ ...d, securityGroups: { ...d.securityGroups, 'sg-1': stale } }).ok).toBe(true);
  });
});
