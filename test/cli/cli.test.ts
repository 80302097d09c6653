/**
 * The command line as a subprocess, on designs written to a temporary folder: answers (text and
 * JSON), exposure, import, collect, help, every kind of REF, and every error path (exit 2, one
 * message on stderr, never a stack trace).
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tcp } from '../../src/core/model/builder.ts';
import { T, topologyT } from '../../src/core/model/fixtures/topology-t.ts';
import { readDesign } from '../../src/core/model/schema.ts';
import { runCli, runProcess, ROOT, type CliRun } from './run-cli.ts';

const ALB_ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web-alb/0123456789abcdef';
const TIMEOUT = 60_000;

let dir: string;
const file = (name: string): string => join(dir, name);

/** T with more to point at: an IPv6 host, two instances sharing a name, CorpNet, and the ALB's ARN and a Name tag unlike its own name. */
function richDesign() {
  return topologyT({ ipv6: true })
    .sg('sg-web6', { name: 'Web6SG', ingress: [tcp(443, '::/0')] })
    .instance('i-0web6', { name: 'web6', subnet: T.publicA, groups: ['sg-web6'], ipv6: '2600:1f18:aa00:1::10' })
    .instance('i-0twin1', { name: 'twin', subnet: T.appB })
    .instance('i-0twin2', { name: 'twin', subnet: T.appB })
    .external('corp', ['172.20.0.0/16'], { name: 'CorpNet' })
    .edit((d) => {
      const alb = d.resources[T.alb];
      if (alb?.kind === 'load-balancer') {
        alb.arn = ALB_ARN;
        alb.name = 'public-entry';
      }
    })
    .build();
}

/** A describe bundle as the aws CLI prints it, one file per command, with one instance. */
const BUNDLE = {
  'vpcs.json': { Vpcs: [{ VpcId: 'vpc-0b1', CidrBlock: '10.9.0.0/16', IsDefault: false, Tags: [{ Key: 'Name', Value: 'lab' }] }] },
  'subnets.json': { Subnets: [{ SubnetId: 'subnet-0b1', VpcId: 'vpc-0b1', CidrBlock: '10.9.1.0/24', AvailabilityZone: 'eu-west-1a' }] },
  'groups.json': {
    SecurityGroups: [
      {
        GroupId: 'sg-0b1',
        GroupName: 'web',
        Description: 'web',
        VpcId: 'vpc-0b1',
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '10.9.0.0/16' }] }],
        IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      },
    ],
  },
  'instances.json': {
    Reservations: [
      {
        Instances: [
          {
            InstanceId: 'i-0b1',
            SubnetId: 'subnet-0b1',
            VpcId: 'vpc-0b1',
            PrivateIpAddress: '10.9.1.10',
            Tags: [{ Key: 'Name', Value: 'lab-web' }],
            NetworkInterfaces: [
              {
                NetworkInterfaceId: 'eni-0b1',
                SubnetId: 'subnet-0b1',
                PrivateIpAddress: '10.9.1.10',
                PrivateIpAddresses: [{ PrivateIpAddress: '10.9.1.10', Primary: true }],
                Groups: [{ GroupId: 'sg-0b1', GroupName: 'web' }],
              },
            ],
          },
        ],
      },
    ],
  },
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-cli-'));
  writeFileSync(file('t.json'), JSON.stringify(topologyT().build()));
  writeFileSync(file('rich.json'), JSON.stringify(richDesign()));
  mkdirSync(file('bundle'));
  for (const [name, json] of Object.entries(BUNDLE)) writeFileSync(join(dir, 'bundle', name), JSON.stringify(json));
  mkdirSync(file('empty'));
  writeFileSync(file('broken.json'), '{"Vpcs": [\n  {"VpcId": "vpc-1",\n');
  writeFileSync(file('unknown.json'), '{"hello": "world"}');
  writeFileSync(file('bad-shape-bundle.json'), '{"Vpcs": 5}');
  const badDesign = JSON.parse(readFileSync(file('t.json'), 'utf8')) as { subnets: Record<string, { cidr: unknown }> };
  badDesign.subnets[T.appA]!.cidr = 42;
  writeFileSync(file('bad-design.json'), JSON.stringify(badDesign));
  writeFileSync(file('future.json'), JSON.stringify({ schemaVersion: 99, name: 'from the future' }));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Exit 2, one message on stderr naming what is wrong, nothing on stdout, no stack trace. */
function expectUsageError(run: CliRun, ...needles: Array<string | RegExp>): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(/\n\s+at /);
  for (const needle of needles) expect(run.stderr).toMatch(needle);
}

async function reachJson(design: string, ...args: string[]): Promise<{ verdict: string; explanations: Array<{ code: string }> }> {
  const run = await runCli(['reach', file(design), '--format', 'json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { verdict: string; explanations: Array<{ code: string }> };
}

describe.concurrent('tierwise reach', () => {
  it('answers a reachable flow in JSON: verdict, the full path, no explanations', { timeout: TIMEOUT }, async () => {
    const run = await runCli(['reach', file('t.json'), '--from', '203.0.113.9', '--to', 'web-alb', '--port', '443', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      verdict: 'reachable',
      path: [
        { component: 'internet', type: 'internet', name: 'Internet', detail: '203.0.113.9' },
        { component: 'alb-listener-443', type: 'listener', name: 'HTTPS 443' },
        { component: 'igw-main', type: 'internet-gateway', name: 'main-igw' },
        {
          component: 'vpc-main-default-acl',
          type: 'network-acl',
          name: 'main default',
          direction: 'inbound',
          detail: 'rule 100 allows tcp 443 from Internet host 203.0.113.9',
        },
        { component: 'sg-alb', type: 'security-group', name: 'AlbSG', direction: 'ingress', detail: 'AlbSG (sg-alb): tcp 443 from 0.0.0.0/0' },
        { component: 'eni-alb-P-a', type: 'network-interface', name: 'eni-alb-P-a', detail: '192.0.2.11' },
        { component: 'alb', type: 'load-balancer', name: 'web-alb' },
      ],
      explanations: [],
    });
  });

  it('answers a blocked flow in JSON: the first blocker, then every other one', { timeout: TIMEOUT }, async () => {
    const run = await runCli(['reach', file('t.json'), '--from', 'internet', '--to', 'app-1', '--port', '8080', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    // Every atom of public space (internet-space.ts) is blocked alike, so the messages name the Internet as a whole.
    const internet = 'the Internet';
    expect(JSON.parse(run.stdout)).toEqual({
      verdict: 'unreachable',
      path: [
        { component: 'internet', type: 'internet', name: 'Internet' },
        { component: 'igw-main', type: 'internet-gateway', name: 'main-igw' },
      ],
      explanations: [
        {
          code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS',
          component: 'igw-main',
          type: 'internet-gateway',
          name: 'main-igw',
          leg: 'forward',
          message: `app-1 (app) has no public IPv4 address, so internet gateway main-igw cannot deliver traffic from ${internet} to it.`,
        },
        {
          code: 'ENI_SG_RULES_MISMATCH',
          component: 'sg-app',
          type: 'security-group',
          name: 'AppSG (sg-app)',
          direction: 'ingress',
          leg: 'forward',
          groups: ['sg-app'],
          field: 'source',
          message: `Security group AppSG (sg-app) on app-1 (app) admits tcp 8080 only from AlbSG (sg-alb); ${internet} is not a member.`,
        },
        {
          code: 'NO_ROUTE_TO_DESTINATION',
          component: 'rt-app',
          type: 'route-table',
          name: 'app',
          leg: 'return',
          message: `The reply from app-1 (app, 10.0.2.4) to ${internet} must leave through the internet gateway, but route table app (rt-app) of subnet A-a sends it to 0.0.0.0/0 -> NAT gateway nat-a.`,
        },
      ],
    });
  });

  it('prints text for people: the question, one line per hop with names before ids', { timeout: TIMEOUT }, async () => {
    const run = await runCli(['reach', file('t.json'), '--from', '203.0.113.9', '--to', 'web-alb', '--port', '443']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'reachable: Internet host 203.0.113.9 -> web-alb (alb), tcp 443',
      'path:',
      '  1. Internet [Internet]: 203.0.113.9',
      '  2. HTTPS 443 (alb-listener-443) [listener]',
      '  3. main-igw (igw-main) [internet gateway]',
      '  4. main default (vpc-main-default-acl) [network ACL, inbound]: rule 100 allows tcp 443 from Internet host 203.0.113.9',
      '  5. AlbSG (sg-alb) [security group, ingress]: AlbSG (sg-alb): tcp 443 from 0.0.0.0/0',
      '  6. eni-alb-P-a [network interface]: 192.0.2.11',
      '  7. web-alb (alb) [load balancer]',
      '',
    ]);
  });

  it('prints what blocks a flow in text, first blocker first', { timeout: TIMEOUT }, async () => {
    const run = await runCli(['reach', file('t.json'), '--from', '198.51.100.7', '--to', 'app-1', '--port', '22']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('unreachable: Internet host 198.51.100.7 -> app-1 (app), tcp 22');
    expect(lines).toContain('  2. main-igw (igw-main) [internet gateway]');
    const blocked = lines.filter((l) => /blocked by/.test(l));
    expect(blocked[0]).toMatch(/^blocked by main-igw \(igw-main\) \[internet gateway\]: IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS: /);
    expect(blocked.slice(1).every((l) => l.startsWith('also blocked by '))).toBe(true);
  });

  it('says which sources get through when only some do', { timeout: TIMEOUT }, async () => {
    const run = await runCli(['reach', file('t.json'), '--from', 'internet', '--to', 'bastion', '--port', '22']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^reachable: Internet -> bastion, tcp 22\n/);
    expect(run.stdout).toContain('only from: 198.51.100.7/32');
  });

  it('takes the traffic options: udp, icmp type/code, all, protocol numbers', { timeout: TIMEOUT }, async () => {
    const [icmpEcho, all, number, udp] = await Promise.all([
      reachJson('t.json', '--from', 'bastion', '--to', 'app-1', '--protocol', 'icmp', '--icmp-type', '8', '--icmp-code', '0'),
      reachJson('t.json', '--from', 'app-1', '--to', 'worker-fn', '--protocol', 'all'),
      reachJson('t.json', '--from', 'app-1', '--to', 'orders-db', '--protocol', '6', '--port', '5432'),
      reachJson('t.json', '--from', 'bastion', '--to', 'internet', '--protocol', 'udp', '--port', '53'),
    ]);
    expect(icmpEcho.explanations[0]?.code).toBe('ENI_SG_RULES_MISMATCH');
    expect([all.verdict, all.explanations[0]?.code]).toEqual(['unreachable', 'LAMBDA_NO_INBOUND']);
    expect(number.verdict).toBe('reachable');
    expect(udp.verdict).toBe('reachable');
  });
});

describe.concurrent('REF kinds', () => {
  const cases: Array<[string, string[], string, RegExp]> = [
    ['resource ids', ['--from', 'i-0twin1', '--to', 'i-0twin2', '--protocol', 'all'], 'reachable', /^reachable: twin \(i-0twin1\) -> twin \(i-0twin2\), all traffic/],
    ['a Name', ['--from', 'app-1', '--to', 'orders-db', '--port', '5432'], 'reachable', /^reachable: app-1 \(app\) -> orders-db \(rds\)/],
    ['an ALB name (from its ARN) and an ALB ARN', ['--from', ALB_ARN, '--to', 'app-1', '--port', '8080'], 'reachable', /^reachable: public-entry \(alb\) -> app-1/],
    ['an RDS DBInstanceIdentifier (its id)', ['--from', 'app', '--to', 'rds', '--port', '5432'], 'reachable', /-> orders-db \(rds\)/],
    ['a Lambda FunctionName', ['--from', 'worker-fn', '--to', 'rds', '--port', '5432'], 'unreachable', /^unreachable: worker-fn \(fn\) ->/],
    ['an ENI id', ['--from', 'eni-bastion', '--to', 'eni-app', '--port', '22'], 'unreachable', /^unreachable: bastion at eni-bastion -> app-1 \(app\) at eni-app/],
    ['the IPv4 address of a resource', ['--from', '10.0.2.4', '--to', '10.0.3.4', '--port', '5432'], 'reachable', /^reachable: app-1 \(app\) at 10\.0\.2\.4 -> orders-db \(rds\) at 10\.0\.3\.4/],
    ['the public IPv4 address of a resource', ['--from', '198.51.100.7', '--to', '192.0.2.13', '--port', '22'], 'reachable', /-> bastion at 192\.0\.2\.13/],
    ['the IPv4 address of an outside host', ['--from', '198.51.100.8', '--to', 'bastion', '--port', '22'], 'unreachable', /^unreachable: Internet host 198\.51\.100\.8 -> bastion/],
    ['IPv6 addresses (an outside client, and a resource)', ['--from', '2a00:1450::1', '--to', '2600:1f18:aa00:1::10', '--port', '443'], 'reachable', /^reachable: Internet host 2a00:1450::1 -> web6 \(i-0web6\) at 2600:1f18:aa00:1::10/],
    ['internet', ['--from', 'app-1', '--to', 'internet', '--port', '443'], 'reachable', /-> Internet, tcp 443/],
    ['an external network by name', ['--from', 'CorpNet', '--to', 'web-alb', '--port', '443'], 'reachable', /^reachable: CorpNet -> public-entry \(alb\)/],
    ['an address in an external network', ['--from', '172.20.1.5', '--to', 'web-alb', '--port', '443'], 'reachable', /^reachable: CorpNet host 172\.20\.1\.5 ->/],
  ];
  it.each(cases)('resolves %s', { timeout: TIMEOUT }, async (_, args, verdict, header) => {
    const run = await runCli(['reach', file('rich.json'), ...args]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(header);
    expect(run.stdout.startsWith(`${verdict}:`)).toBe(true);
  });
});

describe.concurrent('tierwise exposure', () => {
  it('lists what the Internet reaches on T, with chains through the ALB and the app', { timeout: TIMEOUT }, async () => {
    const run = await runCli(['exposure', file('t.json'), '--from', 'internet', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { entries: Array<{ resourceId: string; traffic: string; sources?: string[]; chain: Array<{ from: string; to: string; traffic: string }> }> };
    const summary = result.entries.map((e) => [e.resourceId, e.traffic, e.sources ?? null, e.chain.map((h) => `${h.from}>${h.to} ${h.traffic}`)]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['alb', 'tcp 443', null, ['internet>alb tcp 443']],
        ['app', 'tcp 8080', null, ['internet>alb tcp 443', 'alb>app tcp 8080']],
        ['rds', 'tcp 5432', null, ['internet>alb tcp 443', 'alb>app tcp 8080', 'app>rds tcp 5432']],
        ['bastion', 'tcp 22', ['198.51.100.7/32'], ['internet>bastion tcp 22']],
      ]),
    );
    expect(result.entries).toHaveLength(4);
  });

  it('prints exposure as text, chains by name', { timeout: TIMEOUT }, async () => {
    const run = await runCli(['exposure', file('t.json'), '--from', 'internet']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Internet reaches 4 resources:');
    expect(lines).toContain('  bastion: tcp 22 (only from 198.51.100.7/32)');
    expect(lines).toContain('  web-alb (alb): tcp 443');
    expect(lines).toContain('    through: Internet -> web-alb tcp 443 (listener HTTPS 443); web-alb -> app-1 tcp 8080 (target group app-tg); app-1 -> orders-db tcp 5432');
  });
});

describe.concurrent('tierwise import and collect', () => {
  it('imports a describe bundle folder to a design file that reach then reads', { timeout: TIMEOUT }, async () => {
    const out = file('imported.json');
    const run = await runCli(['import', file('bundle'), '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^wrote .*imported\.json: 1 VPC, 1 subnet, 1 security group, 1 resource from 4 files/m);
    const read = readDesign(JSON.parse(readFileSync(out, 'utf8')) as unknown);
    expect(read.ok && Object.keys(read.value.resources)).toEqual(['i-0b1']);
    const reach = await runCli(['reach', out, '--from', 'internet', '--to', 'lab-web', '--port', '80']);
    expect(reach.code, reach.stderr).toBe(0);
    expect(reach.stdout).toMatch(/^unreachable: Internet -> lab-web \(i-0b1\), tcp 80\n/);
  });

  it('prints the design on stdout without -o, and reads a design file as input too', { timeout: TIMEOUT }, async () => {
    const run = await runCli(['import', file('t.json')]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync(file('t.json'), 'utf8')));
  });

  it('answers reach straight from the bundle files, given one by one', { timeout: TIMEOUT }, async () => {
    const files = Object.keys(BUNDLE).map((name) => join(dir, 'bundle', name));
    const run = await runCli(['reach', ...files, '--from', '10.9.1.10', '--to', 'internet', '--port', '443']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^unreachable: lab-web \(i-0b1\) at 10\.9\.1\.10 -> Internet, tcp 443/);
  });

  it('prints the collector script for a Region', { timeout: TIMEOUT }, async () => {
    const run = await runCli(['collect', '--region', 'eu-west-1']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^#!\/usr\/bin\/env bash\n/);
    expect(run.stdout).toContain("BAKED_REGION='eu-west-1'");
    expect(run.stdout).toContain('aws "$@" --region "$REGION" --output json');
  });

  it('works through npm run cli, with no build step', { timeout: TIMEOUT }, async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = await runProcess(npm, ['run', '--silent', 'cli', '--', 'collect', '--help'], { cwd: ROOT });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Usage: tierwise collect \[options\]/);
  });
});

describe.concurrent('help', () => {
  it('describes the whole CLI', { timeout: TIMEOUT }, async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: tierwise <command> \[options\]/);
    for (const command of ['import', 'collect', 'reach', 'exposure']) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it.each([
    ['reach', /--from REF[\s\S]*--to REF[\s\S]*--protocol P[\s\S]*--port N[\s\S]*--icmp-type T[\s\S]*--icmp-code C[\s\S]*--format F/],
    ['exposure', /--from REF[\s\S]*--format F/],
    ['import', /-o, --output FILE/],
    ['collect', /--region R/],
  ])('describes %s', { timeout: TIMEOUT }, async (command, options) => {
    const run = await runCli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: tierwise ${command} `));
    expect(run.stdout).toMatch(options);
  });
});

describe.concurrent('bad input: exit 2 and one clear message', () => {
  const t = (): string => file('t.json');
  const cases: Array<[string, () => string[], Array<string | RegExp>]> = [
    ['no command', () => [], ['missing command', '--help']],
    ['an unknown command', () => ['frobnicate'], ['unknown command "frobnicate"', '`tierwise --help`']],
    ['an unknown option', () => ['reach', t(), '--frm', 'app', '--to', 'rds'], ['unknown option --frm', '`tierwise reach --help`']],
    ['an unknown option of import', () => ['import', t(), '--bogus'], ['unknown option --bogus', '`tierwise import --help`']],
    ['an option without its value', () => ['reach', t(), '--to', 'rds', '--from'], ['option --from needs a value']],
    ['a missing --from', () => ['reach', t(), '--to', 'rds'], ['--from is required']],
    ['a missing --from on exposure', () => ['exposure', t()], ['--from is required']],
    ['no inputs', () => ['reach', '--from', 'app', '--to', 'rds'], ['missing <inputs...>']],
    ['an unknown --format', () => ['reach', t(), '--from', 'app', '--to', 'rds', '--format', 'yaml'], ['--format must be one of text, json (got "yaml")']],
    ['an unknown protocol', () => ['reach', t(), '--from', 'app', '--to', 'rds', '--protocol', 'tcpp'], ['"tcpp" is not a protocol']],
    ['a port out of range', () => ['reach', t(), '--from', 'app', '--to', 'rds', '--port', '70000'], ['--port must be a whole number from 0 to 65535']],
    ['a port on icmp', () => ['reach', t(), '--from', 'app', '--to', 'rds', '--protocol', 'icmp', '--port', '1'], ['--port applies to tcp and udp only']],
    ['an icmp type on tcp', () => ['reach', t(), '--from', 'app', '--to', 'rds', '--icmp-type', '8'], ['apply to icmp and icmpv6 only']],
    ['a missing file', () => ['reach', file('nope.json'), '--from', 'app', '--to', 'rds'], [/nope\.json: no such file or folder/]],
    ['a folder without input files', () => ['reach', file('empty'), '--from', 'app', '--to', 'rds'], [/empty: the folder holds no input files \(\.json, \.yaml, \.yml, \.template, \.tf, \.tfstate\)/]],
    ['invalid JSON', () => ['reach', file('broken.json'), '--from', 'app', '--to', 'rds'], [/broken\.json: not valid JSON at line 3/]],
    ['JSON that is no input Tierwise reads', () => ['import', file('unknown.json')], [/unknown\.json: not an input Tierwise reads \(it holds a JSON object with the keys "hello"/]],
    ['describe output of the wrong shape', () => ['import', file('bad-shape-bundle.json')], [/bad-shape-bundle\.json: Vpcs should be an array, but it is the number 5/]],
    ['a design of the wrong shape', () => ['reach', file('bad-design.json'), '--from', 'app', '--to', 'rds'], [/bad-design\.json/, /subnets\.A-a\.cidr/]],
    ['a design from a newer Tierwise', () => ['import', file('future.json')], [/future\.json has schemaVersion 99, newer than this Tierwise understands/]],
    ['a design file mixed with bundle files', () => ['import', t(), join(dir, 'bundle', 'vpcs.json')], [/cannot be imported together: .*t\.json is a Tierwise design; .*vpcs\.json is AWS describe output\. A design file opens alone/]],
    ['an unknown REF', () => ['reach', t(), '--from', 'nobody', '--to', 'rds'], ['--from "nobody" matches no resource', 'Known: app-1']],
    ['a REF that names a subnet', () => ['reach', t(), '--from', 'A-a', '--to', 'rds'], ['--from A-a is a subnet (A-a)']],
    ['a private address nobody has', () => ['reach', t(), '--from', '10.0.2.99', '--to', 'rds'], ['10.0.2.99 is inside VPC main (vpc-main), but no network interface in the design has that address']],
    ['a malformed address', () => ['reach', t(), '--from', '10.0.300.1', '--to', 'rds'], [/--from: 10\.0\.300\.1 is not an IPv4 address/]],
    ['an unknown Region for collect', () => ['collect', '--region', 'moon-1'], ['--region "moon-1" is not a Region name']],
    ['an unwritable output file', () => ['import', t(), '-o', file('no/such/dir/out.json')], [/cannot write .*out\.json: ENOENT/]],
    ['a stray argument to collect', () => ['collect', 'extra'], ['unexpected argument "extra"']],
  ];
  it.each(cases)('refuses %s', { timeout: TIMEOUT }, async (_, args, needles) => {
    expectUsageError(await runCli(args()), ...needles);
  });

  it('lists the candidates of an ambiguous REF with their ids', { timeout: TIMEOUT }, async () => {
    const run = await runCli(['reach', file('rich.json'), '--from', 'twin', '--to', 'rds']);
    expectUsageError(run, '--from "twin" is ambiguous; it names 2 things:', 'twin (i-0twin1): instance i-0twin1', 'twin (i-0twin2): instance i-0twin2');
  });
});
