/**
 * The public Terraform files of ../shared/fixtures/aws (inframap's test data): each imports
 * without error and yields exactly the security groups and rules it holds, counted here from the
 * raw file, not written down.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Design, SecurityGroupRule } from '../../model/types.ts';
import { parseHcl } from '../../../../test/support/hcl.ts';
import { importSources } from '../index.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures', 'aws');
const present = existsSync(FIXTURES);
if (!present) console.log(`[terraform fixtures] skipped: ${FIXTURES} does not exist (the shared fixtures live beside the repository).`);

const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

type Json = Record<string, unknown>;
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

/** Peers of one Terraform rule block: each CIDR, prefix list, group and `self` is one rule of the model. */
function peersOf(block: Json): string[] {
  const strings = (k: string) => (Array.isArray(block[k]) ? (block[k] as string[]) : []);
  return [
    ...strings('cidr_blocks').map((c) => `cidr:${c}`),
    ...strings('ipv6_cidr_blocks').map((c) => `cidr:${c}`),
    ...strings('prefix_list_ids').map((p) => `pl:${p}`),
    ...strings('security_groups').map((g) => `sg:${g}`),
    ...(block.self === true ? ['self'] : []),
  ];
}

interface Expected {
  /** Group id (state) or address (HCL) to [ingress, egress] rule counts. */
  groups: Map<string, [number, number]>;
  /** aws_security_group_rule resources without type or protocol (inframap trims them). */
  trimmedRules: number;
}

function fromState(name: string): Expected {
  const state = JSON.parse(read(name)) as Json;
  const groups = new Map<string, [number, number]>();
  let trimmedRules = 0;
  for (const r of list(state.resources)) {
    for (const instance of list(r.instances)) {
      const a = instance.attributes as Json;
      if (r.type === 'aws_security_group') {
        groups.set(a.id as string, [list(a.ingress).flatMap(peersOf).length, list(a.egress).flatMap(peersOf).length]);
      }
      if (r.type === 'aws_security_group_rule' && (a.type === undefined || a.protocol === undefined)) trimmedRules++;
    }
  }
  return { groups, trimmedRules };
}

function fromHcl(hcl: Json): Expected {
  const groups = new Map<string, [number, number]>();
  const resources = (hcl.resource ?? {}) as Record<string, Record<string, Json[]>>;
  for (const [name, blocks] of Object.entries(resources.aws_security_group ?? {})) {
    const b = blocks[0]!;
    groups.set(`aws_security_group.${name}`, [list(b.ingress).flatMap(peersOf).length, list(b.egress).flatMap(peersOf).length]);
  }
  return { groups, trimmedRules: 0 };
}

function rulesOf(d: Design): Map<string, [number, number]> {
  return new Map(Object.values(d.securityGroups).map((g) => [g.id, [g.ingress.length, g.egress.length]]));
}

const STATES = ['inframap_testdata_aws_state_sg.json', 'inframap_testdata_aws_state_sgr.json', 'inframap_testdata_aws_state_cyclic.json'];

describe.skipIf(!present)('inframap Terraform fixtures', () => {
  for (const name of STATES) {
    it(`${name} imports every security group with exactly its rules`, async () => {
      const expected = fromState(name);
      const r = await importSources([{ name, text: read(name) }]);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.kind).toBe('terraform-state');
      expect(r.value.files).toEqual([name]);
      expect(rulesOf(r.value.design)).toEqual(expected.groups);
      expect(expected.groups.size).toBeGreaterThan(0);
      // The trimmed standalone rules cannot be read on their own: each is named in a warning.
      const trimmed = r.value.warnings.filter((w) => w.code === 'import/terraform-rule-incomplete');
      expect(trimmed).toHaveLength(expected.trimmedRules);
      for (const w of trimmed) expect(w.file).toBe(name);
    });
  }

  it('the cyclic state keeps the groups referencing each other, and self references', async () => {
    const name = 'inframap_testdata_aws_state_cyclic.json';
    const r = await importSources([{ name, text: read(name) }]);
    if (!r.ok) throw new Error(r.error.message);
    const d = r.value.design;
    const infra = d.securityGroups['sg-093aebd858af57fa8']!;
    const peers = (rules: SecurityGroupRule[]) => rules.map((x) => (x.peer.kind === 'security-group' ? x.peer.groupId : x.peer.kind === 'cidr' ? x.peer.cidr : x.peer.prefixListId));
    expect(peers(infra.ingress)).toEqual(['0.0.0.0/0', '0.0.0.0/0', 'sg-060a06fcbcfdd24d3', 'sg-093aebd858af57fa8']);
    expect(infra.ingress.map((x) => x.match)).toEqual([
      { protocol: 'tcp', ports: { from: 443, to: 443 } },
      { protocol: 'tcp', ports: { from: 80, to: 80 } },
      { protocol: 'tcp', ports: { from: 22, to: 22 } },
      { protocol: 'tcp', ports: { from: 9100, to: 9100 } },
    ]);
    // The three allow-metrics groups admit the Prometheus group, which admits itself: the cycle.
    for (const id of ['sg-0bf6977585401273d', 'sg-012afeabb7f063269', 'sg-024718a65a57ab65c']) {
      expect(new Set(peers(d.securityGroups[id]!.ingress))).toEqual(new Set(['sg-093aebd858af57fa8']));
    }
    // Instances the state trims to an id stay in the design, without interfaces.
    expect(Object.values(d.resources).map((x) => [x.id, x.kind, x.enis.length])).toEqual([
      ['i-00eab1355727cfb44', 'instance', 0],
      ['i-04c8b20a499d12182', 'instance', 0],
    ]);
    expect(r.value.warnings.map((w) => w.code)).toContain('import/unknown-group-reference');
  });

  it('unknown resource types are left out with one warning per type', async () => {
    const name = 'inframap_testdata_aws_state_sgr.json';
    const r = await importSources([{ name, text: read(name) }]);
    if (!r.ok) throw new Error(r.error.message);
    const unknown = r.value.warnings.filter((w) => w.code === 'import/terraform-unknown-type').map((w) => w.subject);
    expect(unknown).toEqual(['aws_elasticache_cluster', 'aws_elb']);
  });

  it('inframap_testdata_aws_hcl_sg.tf imports its groups, with references resolved to addresses', async () => {
    const name = 'inframap_testdata_aws_hcl_sg.tf';
    const text = read(name);
    const expected = fromHcl((await parseHcl(name, text)) as Json);
    const r = await importSources([{ name, text }], { parseHcl });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.kind).toBe('terraform-hcl');
    const d = r.value.design;
    expect(rulesOf(d)).toEqual(expected.groups);
    expect(d.securityGroups['aws_security_group.front']!.ingress).toEqual([
      { id: 'aws_security_group.front-ingress-0-0', match: { protocol: 'tcp', ports: { from: 80, to: 80 } }, peer: { kind: 'security-group', groupId: 'aws_security_group.lb-front' } },
    ]);
    expect(d.securityGroups['aws_security_group.rds']!.ingress.map((x) => x.peer)).toEqual([{ kind: 'security-group', groupId: 'aws_security_group.front' }]);
    // No egress block: Terraform removes AWS's default allow-all egress.
    expect(d.securityGroups['aws_security_group.rds']!.egress).toEqual([]);
    expect(d.securityGroups['aws_security_group.lb-front']).toMatchObject({ name: 'some name', description: 'Front ', vpcId: 'default-vpc' });
    expect(d.resources['aws_lb.front']).toMatchObject({ kind: 'load-balancer', name: 'name', scheme: 'internet-facing', enis: [] });
    expect(d.resources['aws_lb.front']).not.toHaveProperty('arn');
    expect(d.resources.rds).toMatchObject({ kind: 'database', name: 'name', enis: [] });
    expect(r.value.warnings.filter((w) => w.code === 'import/terraform-unknown-type').map((w) => w.subject)).toEqual(['aws_elasticache_cluster', 'aws_launch_template']);
  });
});
