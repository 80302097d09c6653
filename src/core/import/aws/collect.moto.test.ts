/**
 * The collector end to end against moto (a local AWS mock on 127.0.0.1): build a small network
 * with the aws CLI, run the generated script, import the folder it writes. Needs moto_server and
 * aws; under CI=true their absence fails the run, elsewhere it skips with the reason printed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance, LoadBalancer } from '../../model/types.ts';
import { collectScript, importDescribeBundle, type ImportedBundle } from './index.ts';

const which = (cmd: string): string => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim();
const tools = { moto_server: which('moto_server'), aws: which('aws'), bash: which('bash') };
const missing = Object.entries(tools).filter(([, path]) => !path).map(([name]) => name);
const onCi = process.env.CI === 'true' || process.env.CI === '1';
if (missing.length > 0 && !onCi) console.warn(`[collect.moto] skipped: ${missing.join(', ')} not found on PATH.`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

describe.runIf(missing.length > 0 && onCi)('collector against moto (CI)', () => {
  it('has moto_server, aws and bash', () => {
    throw new Error(`CI=true but ${missing.join(', ')} not found on PATH: install moto[server] and the aws CLI.`);
  });
});

describe.skipIf(missing.length > 0)('collector against moto', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-moto-'));
  let moto: ChildProcess | undefined;
  let log = '';
  let endpoint = '';
  let env: Record<string, string> = {};
  const ids: Record<string, string> = {};

  /** Runs aws against moto and returns its parsed JSON output. */
  function aws(...args: string[]): Record<string, unknown> {
    const r = spawnSync(tools.aws, [...args, '--endpoint-url', endpoint, '--output', 'json'], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`aws ${args.slice(0, 2).join(' ')} failed: ${r.stderr}`);
    return r.stdout.trim() ? (JSON.parse(r.stdout) as Record<string, unknown>) : {};
  }
  const pick = (o: unknown, ...path: Array<string | number>): string =>
    String(path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], o));

  beforeAll(async () => {
    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    // Only what the CLI needs: dummy credentials, no profile or config of the person running the tests.
    env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: dir,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: join(dir, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
      AWS_PAGER: '',
    };
    for (const key of ['PYENV_ROOT', 'PYENV_VERSION', 'LANG']) if (process.env[key]) env[key] = process.env[key]!;
    moto = spawn(tools.moto_server, ['-H', '127.0.0.1', '-p', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    moto.stdout?.on('data', (b: Buffer) => (log += b.toString()));
    moto.stderr?.on('data', (b: Buffer) => (log += b.toString()));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (moto.exitCode !== null) throw new Error(`moto_server exited (${moto.exitCode}): ${log}`);
      try {
        if ((await fetch(`${endpoint}/moto-api/`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`moto_server did not answer on ${endpoint} within 30 s: ${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }

    const tag = (type: string, name: string) => ['--tag-specifications', `ResourceType=${type},Tags=[{Key=Name,Value=${name}}]`];
    ids.vpc = pick(aws('ec2', 'create-vpc', '--cidr-block', '10.20.0.0/16', ...tag('vpc', 'prod')), 'Vpc', 'VpcId');
    ids.subnetA = pick(aws('ec2', 'create-subnet', '--vpc-id', ids.vpc, '--cidr-block', '10.20.1.0/24', '--availability-zone', 'us-east-1a', ...tag('subnet', 'public-a')), 'Subnet', 'SubnetId');
    ids.subnetB = pick(aws('ec2', 'create-subnet', '--vpc-id', ids.vpc, '--cidr-block', '10.20.2.0/24', '--availability-zone', 'us-east-1b'), 'Subnet', 'SubnetId');
    ids.igw = pick(aws('ec2', 'create-internet-gateway'), 'InternetGateway', 'InternetGatewayId');
    aws('ec2', 'attach-internet-gateway', '--internet-gateway-id', ids.igw, '--vpc-id', ids.vpc);
    ids.rtb = pick(aws('ec2', 'create-route-table', '--vpc-id', ids.vpc), 'RouteTable', 'RouteTableId');
    aws('ec2', 'create-route', '--route-table-id', ids.rtb, '--destination-cidr-block', '0.0.0.0/0', '--gateway-id', ids.igw);
    aws('ec2', 'associate-route-table', '--route-table-id', ids.rtb, '--subnet-id', ids.subnetA);
    ids.acl = pick(aws('ec2', 'create-network-acl', '--vpc-id', ids.vpc), 'NetworkAcl', 'NetworkAclId');
    aws('ec2', 'create-network-acl-entry', '--network-acl-id', ids.acl, '--ingress', '--rule-number', '100', '--protocol', '6', '--port-range', 'From=443,To=443', '--cidr-block', '0.0.0.0/0', '--rule-action', 'allow');
    ids.albSg = pick(aws('ec2', 'create-security-group', '--group-name', 'alb', '--description', 'load balancer', '--vpc-id', ids.vpc), 'GroupId');
    ids.webSg = pick(aws('ec2', 'create-security-group', '--group-name', 'web', '--description', 'web tier', '--vpc-id', ids.vpc), 'GroupId');
    aws('ec2', 'authorize-security-group-ingress', '--group-id', ids.albSg, '--ip-permissions', JSON.stringify([{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'anyone' }] }]));
    aws('ec2', 'authorize-security-group-ingress', '--group-id', ids.webSg, '--ip-permissions', JSON.stringify([{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, UserIdGroupPairs: [{ GroupId: ids.albSg }] }]));
    ids.instance = pick(
      aws('ec2', 'run-instances', '--image-id', 'ami-12c6146b', '--instance-type', 't3.micro', '--subnet-id', ids.subnetA, '--security-group-ids', ids.webSg, ...tag('instance', 'web-1')),
      'Instances', 0, 'InstanceId',
    );
    ids.alb = pick(aws('elbv2', 'create-load-balancer', '--name', 'web-alb', '--subnets', ids.subnetA, ids.subnetB, '--security-groups', ids.albSg), 'LoadBalancers', 0, 'LoadBalancerArn');
    ids.tg = pick(aws('elbv2', 'create-target-group', '--name', 'web-tg', '--protocol', 'HTTP', '--port', '8080', '--vpc-id', ids.vpc), 'TargetGroups', 0, 'TargetGroupArn');
    aws('elbv2', 'register-targets', '--target-group-arn', ids.tg, '--targets', `Id=${ids.instance}`);
    aws('elbv2', 'create-listener', '--load-balancer-arn', ids.alb, '--protocol', 'HTTP', '--port', '80', '--default-actions', `Type=forward,TargetGroupArn=${ids.tg}`);
  }, 120_000);

  afterAll(async () => {
    if (moto && moto.exitCode === null) {
      const exited = new Promise((resolve) => moto!.once('exit', resolve));
      moto.kill('SIGTERM');
      const timer = setTimeout(() => moto?.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  let bundle: ImportedBundle;
  let files: string[] = [];

  it('collects the Region into a bundle folder (Region, folder and endpoint from the environment)', () => {
    const script = join(dir, 'collect.sh');
    writeFileSync(script, collectScript({ region: 'eu-west-3' }));
    const out = join(dir, 'bundle with space');
    const r = spawnSync(tools.bash, [script], { env: { ...env, REGION: 'us-east-1', OUT: out, AWS_ENDPOINT_URL: endpoint }, encoding: 'utf8', timeout: 170_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(out);
    files = readdirSync(out).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'ec2-describe-vpcs.json',
        'ec2-describe-subnets.json',
        'ec2-describe-security-groups.json',
        'ec2-describe-instances.json',
        'elbv2-describe-load-balancers.json',
        'elbv2-describe-listeners-1.json',
        'elbv2-describe-target-groups.json',
        'elbv2-describe-target-health-1.json',
        'rds-describe-db-instances.json',
        'lambda-list-functions.json',
      ]),
    );
    expect(files.filter((f) => !f.endsWith('.json'))).toEqual([]);
    const health = JSON.parse(readFileSync(join(out, 'elbv2-describe-target-health-1.json'), 'utf8')) as Record<string, unknown>;
    expect(health.TargetGroupArn).toBe(ids.tg);

    const result = importDescribeBundle(files.map((name) => ({ name, text: readFileSync(join(out, name), 'utf8') })));
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    bundle = result.value;
  }, 180_000);

  it('imports the network it collected', () => {
    const d = bundle.design;
    expect(d.name).toBe('AWS us-east-1');
    expect(d.vpcs[ids.vpc!]).toMatchObject({ name: 'prod', region: 'us-east-1', cidrs: ['10.20.0.0/16'] });
    expect(d.subnets[ids.subnetA!]).toMatchObject({ name: 'public-a', vpcId: ids.vpc, availabilityZone: 'us-east-1a', cidr: '10.20.1.0/24', routeTableId: ids.rtb });
    expect(d.routeTables[ids.rtb!]!.routes).toContainEqual({ destination: { cidr: '0.0.0.0/0' }, target: { kind: 'internet-gateway', id: ids.igw }, state: 'active' });
    expect(d.internetGateways[ids.igw!]).toMatchObject({ vpcId: ids.vpc });
    expect(d.networkAcls[ids.acl!]!.entries).toContainEqual({ ruleNumber: 100, egress: false, action: 'allow', cidr: '0.0.0.0/0', match: { protocol: 'tcp', ports: { from: 443, to: 443 } } });
    expect(d.securityGroups[ids.albSg!]!.ingress.map((r) => [r.match, r.peer])).toEqual([[{ protocol: 'tcp', ports: { from: 443, to: 443 } }, { kind: 'cidr', cidr: '0.0.0.0/0' }]]);
    expect(d.securityGroups[ids.webSg!]!.ingress.map((r) => [r.match, r.peer])).toEqual([[{ protocol: 'tcp', ports: { from: 8080, to: 8080 } }, { kind: 'security-group', groupId: ids.albSg }]]);

    const web = d.resources[ids.instance!] as Instance;
    expect(web).toMatchObject({ kind: 'instance', name: 'web-1', role: 'web' });
    expect(web.enis).toHaveLength(1);
    expect(web.enis[0]).toMatchObject({ subnetId: ids.subnetA, securityGroupIds: [ids.webSg] });

    const alb = Object.values(d.resources).find((r): r is LoadBalancer => r.kind === 'load-balancer')!;
    expect(alb).toMatchObject({ name: 'web-alb', arn: ids.alb, scheme: 'internet-facing' });
    expect(alb.enis.map((e) => [e.subnetId, e.securityGroupIds])).toEqual([
      [ids.subnetA, [ids.albSg]],
      [ids.subnetB, [ids.albSg]],
    ]);
    expect(alb.listeners).toEqual([expect.objectContaining({ protocol: 'HTTP', port: 80, targetGroupId: alb.targetGroups[0]!.id })]);
    expect(alb.targetGroups[0]).toMatchObject({ name: 'web-tg', protocol: 'HTTP', port: 8080, targets: [{ resourceId: ids.instance }] });
    // moto creates the Region's default VPC, empty here: kept, with a warning.
    expect(bundle.warnings.map((w) => w.code)).toContain('import/empty-default-vpc');
  });
});
