import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../../bench/generate-design.ts';
import { importDescribeBundle } from '../import/aws/index.ts';
import { isPublicSubnet, type Design } from '../model/index.ts';
import { TEMPLATES } from '../templates/index.ts';
import { autoLayout, canvasParents, layoutViolations } from './index.ts';
import { GATEWAY, PAD, VPC_HEADER } from './sizes.ts';

const bare = (d: Design): Design => ({ ...d, layout: {} });

const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/aws/', import.meta.url));
const fixturesPresent = existsSync(FIXTURES);
if (!fixturesPresent) console.warn(`[layout fixtures] skipped: ${FIXTURES} does not exist (the shared fixtures live beside the repository).`);

function imported(names: string[]): Design {
  const r = importDescribeBundle(names.map((name) => ({ name, text: readFileSync(`${FIXTURES}${name}`, 'utf8') })));
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value.design;
}

const BUNDLES: Record<string, string[]> = {
  'cloudmapper demo (5 files)': [
    'cloudmapper_demo_ec2-describe-vpcs.json',
    'cloudmapper_demo_ec2-describe-subnets.json',
    'cloudmapper_demo_ec2-describe-security-groups.json',
    'cloudmapper_demo_ec2-describe-instances.json',
    'cloudmapper_demo_ec2-describe-network-interfaces.json',
  ],
  'awscli v2 examples': [
    'awscli-v2-examples_describe-vpcs.json',
    'awscli-v2-examples_describe-security-groups.json',
    'awscli-v2-examples_describe-instances.json',
    'awscli-v2-examples_describe-network-interfaces.json',
    'awscli-v2-examples_describe-route-tables.json',
    'awscli-v2-examples_describe-network-acls.json',
  ],
  'cartography tests': ['cartography_tests_describe-security-groups.json', 'cartography_tests_describe-route-tables.json', 'cartography_tests_describe-network-acls.json'],
};

describe('autoLayout invariants', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('lays out template %s, its layout removed, with every entity placed and nothing overlapping', async (_id, t) => {
    const d = bare(t.build());
    const laid = await autoLayout(d);
    expect(layoutViolations(laid)).toEqual([]);
    expect(Object.keys(laid.layout).sort()).toEqual([...canvasParents(d).keys()].sort());
    // The network itself is untouched: layout is the only thing that changes.
    expect({ ...laid, layout: {} }).toEqual(d);
  });

  it.skipIf(!fixturesPresent).each(Object.entries(BUNDLES))('lays out the imported %s', async (_name, files) => {
    const d = imported(files);
    expect(Object.keys(d.resources).length + Object.keys(d.subnets).length + Object.keys(d.vpcs).length).toBeGreaterThan(0);
    const laid = await autoLayout(d);
    expect(layoutViolations(laid)).toEqual([]);
    expect(Object.keys(laid.layout).sort()).toEqual([...canvasParents(d).keys()].sort());
  });

  it('is deterministic', async () => {
    const d = bare(TEMPLATES[0]!.build());
    expect(await autoLayout(d)).toEqual(await autoLayout(structuredClone(d)));
  });
});

describe('autoLayout placement', () => {
  it('puts public subnets in the first band, internet gateways at the VPC edge, external networks above the VPCs', async () => {
    const d = await autoLayout(bare(TEMPLATES.find((t) => t.id === 'three-tier')!.build()));
    const vpc = d.layout['vpc-prod']!;
    const subnets = Object.values(d.subnets);
    const topBand = Math.min(...subnets.map((s) => d.layout[s.id]!.y));
    for (const s of subnets) expect(d.layout[s.id]!.y === topBand).toBe(isPublicSubnet(d, s));
    // Two AZs: a-column left of b-column in every band.
    expect(d.layout['subnet-web-a']!.x).toBeLessThan(d.layout['subnet-web-b']!.x);
    expect(d.layout['subnet-db-a']!.x).toBe(d.layout['subnet-web-a']!.x);
    expect(d.layout['igw-prod']).toEqual({ x: vpc.width! - PAD - GATEWAY.width, y: 4, ...GATEWAY });
    expect(d.layout['igw-prod']!.y + GATEWAY.height).toBeLessThanOrEqual(VPC_HEADER);
    for (const e of Object.keys(d.externalNetworks)) expect(d.layout[e]!.y + d.layout[e]!.height!).toBeLessThan(vpc.y);
    // The NAT gateway sits in its public subnet, after the web server.
    expect(d.layout['nat-a']!.x).toBeGreaterThan(d.layout['web-1']!.x);
  });

  it('sizes subnets to their content: a grid of at most four columns', async () => {
    const d = await autoLayout(bare(generateDesign({ enis: 120, seed: 7 })));
    expect(layoutViolations(d)).toEqual([]);
    const parents = canvasParents(d);
    for (const s of Object.keys(d.subnets)) {
      const xs = new Set([...parents].filter(([, p]) => p === s).map(([id]) => d.layout[id]!.x));
      expect(xs.size).toBeLessThanOrEqual(4);
    }
  });

  it('keeps existing layout entries and places only what is missing, clear of them', async () => {
    const t = TEMPLATES.find((x) => x.id === 'three-tier')!.build();
    const { ['web-2']: _dropped, ...rest } = t.layout;
    const partial = { ...t, layout: { ...rest, 'web-1': { x: 32, y: 64 } } };
    const kept = await autoLayout(partial);
    expect(kept.layout['web-1']).toMatchObject({ x: 32, y: 64 });
    expect(kept.layout['vpc-prod']).toMatchObject({ x: t.layout['vpc-prod']!.x, y: t.layout['vpc-prod']!.y });
    expect(kept.layout['web-2']).toBeDefined();
    expect(layoutViolations(kept)).toEqual([]);
    const fresh = await autoLayout(partial, { keep: false });
    expect(fresh).toEqual(await autoLayout(bare(t)));
  });

  it('drops a new resource below a kept one that holds its slot', async () => {
    const t = bare(TEMPLATES.find((x) => x.id === 'three-tier')!.build());
    const first = await autoLayout(t);
    // web-1 is kept; a second instance in its subnet would take the slot beside or below it.
    const withKept = { ...t, layout: { 'web-1': first.layout['nat-a']! } };
    const d = await autoLayout(withKept);
    expect(d.layout['web-1']).toMatchObject({ x: first.layout['nat-a']!.x, y: first.layout['nat-a']!.y });
    expect(layoutViolations(d)).toEqual([]);
  });
});

describe('autoLayout edge cases', () => {
  it('places what has no container at the top level: a subnet whose VPC is gone, a resource without a subnet; skips a detached gateway', async () => {
    const t = bare(TEMPLATES.find((x) => x.id === 'three-tier')!.build());
    const web1 = t.resources['web-1']!;
    const d: Design = {
      ...t,
      subnets: { ...t.subnets, 'subnet-orphan': { ...t.subnets['subnet-web-a']!, id: 'subnet-orphan', vpcId: 'vpc-gone' } },
      resources: { ...t.resources, loose: { ...web1, id: 'loose', name: 'loose', enis: web1.enis.map((e) => ({ ...e, id: 'eni-loose', subnetId: 'subnet-missing' })) } },
      internetGateways: { ...t.internetGateways, 'igw-detached': { id: 'igw-detached', name: 'spare' } },
    };
    const laid = await autoLayout(d);
    expect(layoutViolations(laid)).toEqual([]);
    expect(laid.layout['subnet-orphan']).toMatchObject({ y: 0 });
    expect(laid.layout['loose']).toMatchObject({ y: 0 });
    expect(laid.layout['igw-detached']).toBeUndefined();
  });

  it('lays out a design with only external networks', async () => {
    const empty = { ...bare(TEMPLATES[0]!.build()), vpcs: {}, subnets: {}, resources: {}, natGateways: {}, internetGateways: {}, routeTables: {}, networkAcls: {}, securityGroups: {}, peerings: {} };
    const laid = await autoLayout(empty);
    expect(Object.keys(laid.layout).sort()).toEqual(Object.keys(empty.externalNetworks).sort());
    expect(layoutViolations(laid)).toEqual([]);
  });
});

describe('autoLayout speed', () => {
  it('lays out 300 resources in reasonable time', async () => {
    const d = bare(generateDesign({ enis: 560, seed: 3 }));
    const resources = Object.keys(d.resources).length;
    expect(resources).toBeGreaterThanOrEqual(300);
    const started = performance.now();
    const laid = await autoLayout(d);
    const ms = performance.now() - started;
    console.log(`[layout] ${resources} resources, ${Object.keys(d.subnets).length} subnets: ${ms.toFixed(0)} ms`);
    expect(layoutViolations(laid)).toEqual([]);
    // Generous for a shared 2-core machine; typically well under a second.
    expect(ms).toBeLessThan(5000);
  });
});
