/**
 * The AWS CLI export deploys exactly what was drawn: each script runs against moto (127.0.0.1),
 * core's collector reads the Region back, and the imported design must match the original by
 * name (groups, rules, subnets, routes, ACL entries, instances, load balancers, databases,
 * functions) with the same reachability verdicts between every pair of resources. Every built-in
 * template is deployed this way. One moto_server serves the file: each deploy gets a fresh
 * Region, and the server is reset when the Regions run out. Needs moto_server and aws: under
 * CI=true their absence fails, elsewhere the file skips with the reason printed.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAwsCli, type AwsCliOptions } from '../../src/core/export/aws-cli.ts';
import type { Design } from '../../src/core/model/types.ts';
import { topologyT } from '../../src/core/model/fixtures/topology-t.ts';
import { TEMPLATES } from '../../src/core/templates/index.ts';
import { MotoServer, motoTools, onCi, run, writeLambdaZip } from '../support/moto.ts';
import { hostileDesign, naclIpv6Design, peeredDesign, PWNED, randomDesign, vpcRecipe } from './designs.ts';
import { summarise } from './summary.ts';

const missing = motoTools();
if (missing && !onCi) console.warn(`[aws-cli.moto] skipped: ${missing}`);
const RANDOM_RUNS = Number(process.env.TIERWISE_EXPORT_RUNS ?? 2);

/** Runs at most `n` of the given jobs at a time (a finished job hands its slot to the next one waiting). */
function limiter(n: number): <T>(job: () => Promise<T>) => Promise<T> {
  let free = n;
  const waiting: Array<() => void> = [];
  return async (job) => {
    if (free > 0) free--;
    else await new Promise<void>((go) => waiting.push(go));
    try {
      return await job();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}

describe.runIf(missing !== undefined && onCi)('AWS CLI export against moto (CI)', () => {
  it('has moto_server and aws', () => {
    throw new Error(`CI=true but ${missing}: install moto[server] and the aws CLI.`);
  });
});

describe.skipIf(missing !== undefined)('AWS CLI export against moto', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-export-'));
  const lambdaZip = join(dir, 'lambda.zip');
  let moto: MotoServer;
  let regionCounter = 0;
  const REGIONS = ['eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1', 'us-west-1', 'us-west-2', 'ap-south-1', 'ap-northeast-1', 'ap-southeast-1', 'ap-southeast-2', 'ca-central-1', 'sa-east-1', 'us-east-2'];
  // One Region per template, none of them in REGIONS: the templates run two at a time, and the
  // serial tests' reset (when REGIONS run out) never happens while a template is deploying.
  const TEMPLATE_REGIONS = ['ap-northeast-2', 'ap-northeast-3', 'ap-southeast-3', 'ap-east-1', 'eu-south-1', 'eu-central-2', 'me-south-1', 'il-central-1', 'ca-west-1'];
  const templateSlots = limiter(2);

  beforeAll(async () => {
    rmSync(PWNED, { force: true });
    writeLambdaZip(lambdaZip);
    moto = await MotoServer.start(dir);
  }, 180_000);

  afterAll(async () => {
    await moto?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Writes the export, checks its syntax, runs it in a fresh Region and reads that Region back. */
  async function deploy(d: Design, options: AwsCliOptions = {}, env: NodeJS.ProcessEnv = {}, fixedRegion?: string): Promise<{ region: string; imported: Design }> {
    let region = fixedRegion;
    if (!region) {
      region = REGIONS[regionCounter++ % REGIONS.length]!;
      if (regionCounter > REGIONS.length) await moto.reset();
    }
    const script = join(dir, `deploy-${region}-${regionCounter}.sh`);
    writeFileSync(script, exportAwsCli(d, options));
    const syntax = await run('bash', ['-n', script], moto.env);
    expect(syntax.stderr).toBe('');
    const kinds = Object.values(d.resources);
    const services: NodeJS.ProcessEnv = {
      ...(kinds.some((r) => r.kind === 'lambda') ? { LAMBDA_ROLE_ARN: await moto.lambdaRole(), LAMBDA_ZIP: lambdaZip } : {}),
      ...(kinds.some((r) => r.kind === 'load-balancer' && r.listeners.some((l) => l.protocol === 'HTTPS')) ? { CERTIFICATE_ARN: await moto.certificate(region) } : {}),
    };
    const r = await moto.bash(script, { AWS_REGION: region, IMAGE_ID: 'ami-12c6146b', ...services, ...env });
    if (r.code !== 0) throw new Error(`deploy script failed (${r.code}):\n${r.stderr.slice(-3000)}`);
    return { region, imported: (await moto.collect(region)).design };
  }

  async function roundTrip(d: Design, region?: string): Promise<void> {
    const { imported } = await deploy(d, {}, {}, region);
    const names = Object.values(d.vpcs).map((v) => v.name);
    const want = summarise(d, names);
    const got = summarise(imported, names);
    expect(got).toEqual(want);
    expect(got.reach).toEqual(want.reach);
  }

  it('deploys topology T as drawn (network, groups, rules, instances, verdicts)', async () => {
    await roundTrip(topologyT().build());
  }, 360_000);

  it.concurrent.each(TEMPLATES.map((t, i) => [t.id, t, TEMPLATE_REGIONS[i]] as const))(
    'deploys the %s template as drawn (network, groups, rules, every resource, verdicts)',
    async (id, template, region) => {
      if (!region) throw new Error(`no Region of its own for the template ${id}: add one to TEMPLATE_REGIONS`);
      await templateSlots(() => roundTrip(template.build(), region));
    },
    360_000,
  );

  it('deploys custom and changed default NACLs and IPv6', async () => {
    await roundTrip(naclIpv6Design());
  }, 360_000);

  it('deploys two peered VPCs with groups that reference each other across the peering', async () => {
    await roundTrip(peeredDesign());
  }, 360_000);

  it('keeps hostile names, descriptions and tags literal and runs nothing they contain', async () => {
    const d = hostileDesign();
    const { imported } = await deploy(d);
    expect(existsSync(PWNED)).toBe(false);
    const vpc = Object.values(imported.vpcs).find((v) => v.tags?.Name === d.vpcs.vh!.name);
    expect(vpc?.tags).toEqual({ ...d.vpcs.vh!.tags, Name: d.vpcs.vh!.name });
    const subnet = Object.values(imported.subnets).find((s) => s.vpcId === vpc!.id)!;
    expect(subnet.tags?.Name).toBe(d.subnets.sh!.name);
    const groups = Object.values(imported.securityGroups).filter((g) => g.vpcId === vpc!.id && !g.isDefault);
    expect(groups.map((g) => [g.name, g.description]).sort()).toEqual(
      [d.securityGroups.g1!, d.securityGroups.g2!].map((g) => [g.name, g.description]).sort(),
    );
    const inst = Object.values(imported.resources).find((r) => r.kind === 'instance' && r.tags?.unicode)!;
    expect(inst.tags).toEqual({ ...d.resources.i1!.tags, Name: d.resources.i1!.name });
    const names = [vpc!.name];
    const want = summarise({ ...d, vpcs: { vh: { ...d.vpcs.vh!, name: vpc!.name } } }, names);
    const got = summarise(imported, names);
    expect(got.groups).toEqual(want.groups);
    expect(got.reach).toEqual(want.reach);
  }, 360_000);

  it('writes only the groups into an existing VPC given by VPC_ID, and refuses to run without it', async () => {
    const d = topologyT().build();
    const script = join(dir, 'groups-only.sh');
    writeFileSync(script, exportAwsCli(d, { groupsOnly: true }));
    expect((await run('bash', ['-n', script], moto.env)).stderr).toBe('');
    const refused = await moto.bash(script, { AWS_REGION: 'us-east-1' });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('VPC_ID');

    const region = 'af-south-1';
    const vpc = ((await moto.aws(region, 'ec2', 'create-vpc', '--cidr-block', '10.0.0.0/16')) as { Vpc: { VpcId: string } }).Vpc.VpcId;
    const r = await moto.bash(script, { AWS_REGION: region, VPC_ID: vpc });
    expect(r.code, r.stderr).toBe(0);
    const imported = (await moto.collect(region)).design;
    const mine = (x: Design, vpcId: string) =>
      summarise({ ...x, vpcs: { [vpcId]: { ...x.vpcs[vpcId]!, name: 'target' } }, securityGroups: Object.fromEntries(Object.entries(x.securityGroups).filter(([, g]) => !g.isDefault)) }, ['target']).groups;
    expect(mine(imported, vpc)).toEqual(mine(d, 'vpc-main'));
  }, 360_000);

  it('deploys random designs as drawn', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(vpcRecipe, { minLength: 3, maxLength: 3 }), async (recipes) => {
        await roundTrip(randomDesign(recipes));
      }),
      { numRuns: RANDOM_RUNS, endOnFailure: true },
    );
  }, 600_000);
});
