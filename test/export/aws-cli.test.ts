/** The AWS CLI export without AWS: quoting survives bash, and every export is valid bash. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportAwsCli } from '../../src/core/export/aws-cli.ts';
import { shellJson, shellQuote, shellVar } from '../../src/core/export/shell-quote.ts';
import { topologyT } from '../../src/core/model/fixtures/topology-t.ts';
import { design, tcp } from '../../src/core/model/builder.ts';
import { albEc2 } from '../../src/core/templates/alb-ec2.ts';
import { lambdaRds } from '../../src/core/templates/lambda-rds.ts';
import { hostileDesign, naclIpv6Design, peeredDesign, randomDesign, vpcRecipe } from './designs.ts';
import { corpus } from './iac-designs.ts';

/** What bash makes of `printf %s WORD`, with SG_1 set to an id. */
function bashSees(word: string): string {
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', `set -f; SG_1=sg-0abc; printf %s ${word}`], { encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C.UTF-8' } });
  expect(r.stderr).toBe('');
  return r.stdout;
}

function bashSyntaxOk(script: string): void {
  const r = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

const nasty = ["it's", '"q"', '$(touch /tmp/x)', '`id`', '${HOME}', 'a\nb\r\n', '\\', "'\\''", 'Zürich → 東京 🚀', '-x', '*', '!', ''];

describe('shell quoting', () => {
  it('keeps every string one literal word', () => {
    for (const s of nasty) expect(bashSees(shellQuote(s))).toBe(s);
    // Any text but NUL (which no argv can hold); full Unicode, so no lone surrogates.
    const text = fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'grapheme' })).filter((s) => !s.includes('\0'));
    fc.assert(
      fc.property(text, (s) => {
        expect(bashSees(shellQuote(s))).toBe(s);
      }),
      { numRuns: 60 },
    );
  });

  it('builds ASCII-only JSON words whose values arrive literally, with script ids spliced in', () => {
    const value = { GroupId: shellVar('SG_1'), Descriptions: nasty };
    const word = shellJson(value);
    expect(/^[\x20-\x7e]*$/.test(word)).toBe(true);
    expect(JSON.parse(bashSees(word))).toEqual({ GroupId: 'sg-0abc', Descriptions: nasty });
  });

  it('refuses a variable name that is not a plain identifier', () => {
    expect(() => shellVar('X; rm')).toThrow();
  });
});

describe('exportAwsCli', () => {
  it('writes valid bash for every kind of design', () => {
    for (const d of [naclIpv6Design(), peeredDesign(), hostileDesign(), ...corpus().map((c) => c.design)]) {
      bashSyntaxOk(exportAwsCli(d));
      bashSyntaxOk(exportAwsCli(d, { groupsOnly: true }));
    }
    fc.assert(fc.property(fc.array(vpcRecipe, { minLength: 1, maxLength: 3 }), (r) => bashSyntaxOk(exportAwsCli(randomDesign(r)))), { numRuns: 25 });
  });

  it('creates every group before any rule, then instances, then load balancers, databases and functions', () => {
    const script = exportAwsCli(topologyT().build());
    expect(script.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(script).toContain('set -euo pipefail');
    const lastGroup = script.lastIndexOf('create-security-group ');
    const firstRule = script.indexOf('authorize-security-group-');
    expect(lastGroup).toBeGreaterThan(0);
    expect(firstRule).toBeGreaterThan(lastGroup);
    const at = (text: string): number => script.indexOf(text);
    for (const call of ['elbv2 create-load-balancer --name \'web-alb\'', 'elbv2 create-target-group', 'elbv2 register-targets', 'elbv2 create-listener', 'rds create-db-subnet-group', "rds create-db-instance --db-instance-identifier 'orders-db'", "lambda create-function --function-name 'worker-fn'"]) {
      expect(at(call), call).toBeGreaterThan(script.lastIndexOf('run-instances'));
    }
    expect(script).toContain('--manage-master-user-password');
    expect(script).not.toMatch(/master-user-password [^-]/);
    expect(script).toMatch(/--vpc-config '\{"SubnetIds":\["'"\$SUBNET_\d+"'",/);
    // The settings the services need are checked before anything is created.
    expect(at('LAMBDA_ROLE_ARN:-')).toBeGreaterThan(0);
    expect(at('LAMBDA_ROLE_ARN:-')).toBeLessThan(at('create-vpc'));
  });

  it('needs a certificate only for HTTPS listeners, and leaves Aurora and auto scaling groups out with a note', () => {
    const d = design('Services')
      .vpc('v', '10.0.0.0/16', { name: 'v' })
      .subnet('a', '10.0.1.0/24', 'us-east-1a', { name: 'a' })
      .subnet('b', '10.0.2.0/24', 'us-east-1b', { name: 'b' })
      .sg('g', { name: 'g', description: 'g', ingress: [tcp(443, '0.0.0.0/0')] })
      .instance('i', { name: 'i', subnet: 'a', groups: ['g'] })
      .instanceGroup('asg', { name: 'fleet', subnets: ['a', 'b'], groups: ['g'] })
      .alb('lb', { name: 'lb', subnets: ['a', 'b'], groups: ['g'], listeners: [{ port: 443, targetGroup: 'tg' }], targetGroups: [{ id: 'tg', name: 'tg', port: 8443, protocol: 'HTTPS', targets: ['i', 'asg'] }] })
      .rds('db', { name: 'db', engine: 'aurora-postgresql', subnets: ['a', 'b'], groups: ['g'] })
      .build();
    const script = exportAwsCli(d);
    bashSyntaxOk(script);
    expect(script).toContain(`--certificates '[{"CertificateArn":"'"$CERTIFICATE_ARN"'"}]'`);
    expect(script.indexOf('CERTIFICATE_ARN:-')).toBeLessThan(script.indexOf('create-vpc'));
    expect(script).toContain('--protocol HTTPS --port 8443');
    expect(script).toContain('# target group tg: the target fleet is not an instance this script launches; register it by hand');
    expect(script).toContain('# left out: instance-group fleet');
    expect(script).toContain('# left out: database db: aurora-postgresql needs a DB cluster');
    expect(script).not.toContain('DB_INSTANCE_CLASS:-');
    expect(script).not.toContain('LAMBDA_ROLE_ARN');
    expect(exportAwsCli(albEc2.build())).not.toContain('CERTIFICATE_ARN');
    expect(exportAwsCli(topologyT().build())).toContain('CERTIFICATE_ARN:-');
  });

  it('stops before any aws call that creates something when a function has no role or package', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-fake-aws-'));
    try {
      // A stand-in aws that records every call.
      writeFileSync(join(dir, 'aws'), `#!/usr/bin/env bash\necho "$*" >>"${dir}/calls"\n`);
      chmodSync(join(dir, 'aws'), 0o755);
      writeFileSync(join(dir, 'calls'), '');
      writeFileSync(join(dir, 'deploy.sh'), exportAwsCli(lambdaRds.build()));
      const env = { PATH: `${dir}:${process.env.PATH}`, LANG: 'C.UTF-8' };
      const noRole = spawnSync('bash', [join(dir, 'deploy.sh')], { encoding: 'utf8', env, cwd: dir });
      expect(noRole.status).not.toBe(0);
      expect(noRole.stderr).toContain('LAMBDA_ROLE_ARN');
      const noZip = spawnSync('bash', [join(dir, 'deploy.sh')], { encoding: 'utf8', env: { ...env, LAMBDA_ROLE_ARN: 'arn:aws:iam::123456789012:role/fn' }, cwd: dir });
      expect(noZip.status).not.toBe(0);
      expect(noZip.stderr).toContain('LAMBDA_ZIP=lambda.zip');
      const badRole = spawnSync('bash', [join(dir, 'deploy.sh')], { encoding: 'utf8', env: { ...env, LAMBDA_ROLE_ARN: "arn:aws:iam::123456789012:role/x' $(id)" }, cwd: dir });
      expect(badRole.status).not.toBe(0);
      expect(readFileSync(join(dir, 'calls'), 'utf8')).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('groupsOnly writes only groups and rules and checks VPC_ID first', () => {
    const script = exportAwsCli(topologyT().build(), { groupsOnly: true });
    expect(script).toMatch(/VPC_ID:-}" =~ \^vpc-/);
    expect(script).not.toMatch(/create-(vpc|subnet|route|network-acl|internet-gateway|nat-gateway) /);
    expect(script).not.toContain('run-instances');
  });
});
