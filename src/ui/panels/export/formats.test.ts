import { describe, expect, it } from 'vitest';
import { exportAwsCli } from '../../../core/export/aws-cli.ts';
import { exportCloudFormationWithNotes } from '../../../core/export/cloudformation/index.ts';
import { exportTerraformWithNotes } from '../../../core/export/terraform/index.ts';
import type { Design } from '../../../core/model/index.ts';
import { readDesign } from '../../../core/model/index.ts';
import { TEMPLATES, templateById } from '../../../core/templates/index.ts';
import { generate } from './generate.ts';
import { designFileText, FORMATS, generateText, groupsOnlyVpc, requestKey } from './formats.ts';

/** The design with its first non-local route turned into a blackhole, which no file can create. */
function withBlackholeRoute(d: Design): Design {
  const table = Object.values(d.routeTables).find((t) => t.routes.some((r) => r.target.kind !== 'local'))!;
  const routes = table.routes.map((r, i) => (i === table.routes.findIndex((x) => x.target.kind !== 'local') ? { ...r, state: 'blackhole' as const } : r));
  return { ...d, routeTables: { ...d.routeTables, [table.id]: { ...table, routes } } };
}

describe('text exports', () => {
  it('are exactly what the core exporters write, with their notes, for every template', () => {
    for (const t of TEMPLATES) {
      const d = t.build();
      const tf = exportTerraformWithNotes(d);
      const cfn = exportCloudFormationWithNotes(d);
      expect(generateText(d, { format: 'terraform' }), t.id).toEqual({ ok: true, text: tf.text, notes: tf.notExported });
      expect(generateText(d, { format: 'cloudformation' }), t.id).toEqual({ ok: true, text: cfn.text, notes: cfn.notExported });
      expect(generateText(d, { format: 'aws-cli' }), t.id).toEqual({ ok: true, text: exportAwsCli(d), notes: [] });
      const vpc = groupsOnlyVpc(d)!;
      const groups = generateText(d, { format: 'aws-cli', groupsOnly: true });
      expect(groups.ok && groups.text, t.id).toBe(exportAwsCli(d, { groupsOnly: true, vpcId: vpc.id }));
    }
  });

  it('writes the design file the CLI writes, and it reads back as the same design', () => {
    const d = templateById('three-tier')!.build();
    const out = generateText(d, { format: 'json' });
    expect(out).toEqual({ ok: true, text: `${JSON.stringify(d, null, 2)}\n`, notes: [] });
    expect(readDesign(JSON.parse(designFileText(d)))).toEqual({ ok: true, value: d });
  });

  it('passes on what Terraform and CloudFormation cannot express', () => {
    const d = withBlackholeRoute(templateById('three-tier')!.build());
    const tf = generateText(d, { format: 'terraform' });
    const cfn = generateText(d, { format: 'cloudformation' });
    expect(tf.ok && tf.notes).toEqual(exportTerraformWithNotes(d).notExported);
    expect(cfn.ok && cfn.notes).toEqual(exportCloudFormationWithNotes(d).notExported);
    expect(tf.ok && tf.notes.some((n) => n.includes('blackhole'))).toBe(true);
    expect(cfn.ok && cfn.notes.length).toBeGreaterThan(0);
  });

  it('writes the groups of the VPC asked for, and says which groups stay out', () => {
    const d = templateById('peered-vpcs')!.build();
    const vpcs = Object.values(d.vpcs);
    expect(vpcs.length).toBe(2);
    const [first, second] = vpcs as [Design['vpcs'][string], Design['vpcs'][string]];
    const out = generateText(d, { format: 'aws-cli', groupsOnly: true, vpcId: second.id });
    expect(out.ok && out.text).toBe(exportAwsCli(d, { groupsOnly: true, vpcId: second.id }));
    expect(out.ok && out.notes).toEqual([
      `Only the security groups of VPC ${second.name} are written; those of ${first.name} are not, and rules that reference them keep their design ids.`,
    ]);
    expect(out.ok && out.text).toContain('VPC_ID');
  });

  it('names the VPC-less case instead of writing an empty script silently', () => {
    const d: Design = { ...templateById('three-tier')!.build(), vpcs: {}, subnets: {}, securityGroups: {}, resources: {}, routeTables: {}, internetGateways: {}, natGateways: {}, networkAcls: {}, layout: {} };
    const out = generateText(d, { format: 'aws-cli', groupsOnly: true });
    expect(out.ok && out.notes).toEqual(['The design has no VPC, so the script only stops with a message.']);
  });

  it('turns an exporter that throws into a message', () => {
    const broken = { ...templateById('three-tier')!.build(), securityGroups: null } as unknown as Design;
    for (const format of ['aws-cli', 'terraform', 'cloudformation'] as const) {
      const out = generateText(broken, { format });
      expect(out.ok, format).toBe(false);
      expect(!out.ok && out.message, format).toMatch(/null/);
    }
  });

  it('keys requests by what changes the text', () => {
    expect(requestKey({ format: 'terraform' })).toBe('terraform');
    expect(requestKey({ format: 'aws-cli' })).toBe('aws-cli');
    expect(requestKey({ format: 'aws-cli', groupsOnly: true, vpcId: 'vpc-1' })).toBe('aws-cli:groups:vpc-1');
    expect(requestKey({ format: 'terraform', groupsOnly: true })).toBe('terraform');
  });

  it('lists every format once, each with its own extension', () => {
    expect(FORMATS.map((f) => [f.id, f.extension])).toEqual([
      ['json', 'json'],
      ['aws-cli', 'sh'],
      ['terraform', 'tf'],
      ['cloudformation', 'yaml'],
      ['png', 'png'],
      ['svg', 'svg'],
    ]);
  });
});

describe('generating on demand', () => {
  it('runs without a worker, and computes each design and request once', async () => {
    const d = templateById('three-tier')!.build();
    const a = generate(d, { format: 'terraform' });
    expect(generate(d, { format: 'terraform' })).toBe(a);
    expect(generate(d, { format: 'cloudformation' })).not.toBe(a);
    expect(await a).toEqual(generateText(d, { format: 'terraform' }));
    const edited = { ...d, name: 'Edited' };
    expect(generate(edited, { format: 'terraform' })).not.toBe(a);
  });
});
