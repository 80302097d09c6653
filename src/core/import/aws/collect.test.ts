/** The collector script as text, and run without AWS: syntax, read-only commands, quoting, arguments. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectScript, shellQuote } from './collect.ts';

const bashPath = spawnSync('sh', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout.trim();
const bash = bashPath !== '';
if (!bash) console.warn('[collect] bash is not available: the script is only checked as text.');
const dir = mkdtempSync(join(tmpdir(), 'tierwise-collect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const file = join(dir, `collect-${Math.random().toString(36).slice(2)}.sh`);
  writeFileSync(file, script);
  // No aws on PATH, no AWS environment: nothing here may reach AWS.
  const r = spawnSync(bashPath, [file, ...args], { cwd: dir, env: { PATH: '/usr/bin:/bin', HOME: dir, ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('collector script', () => {
  const script = collectScript({ region: 'eu-west-1' });

  it('is strict bash that handles no credentials', () => {
    expect(script.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(script).toContain('set -euo pipefail');
    expect(script).not.toMatch(/AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID|aws configure|\bsts\b/);
  });

  it('only describes, lists and gets', () => {
    const calls = [...script.matchAll(/\b(?:save "?[\w$-]+"? (?:required|optional)|ids) (ec2|elbv2|rds|lambda) ([a-z-]+)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(calls.length).toBeGreaterThanOrEqual(24);
    for (const call of calls) expect(call).toMatch(/ (describe|list|get)-/);
    for (const command of [
      'ec2 describe-vpcs', 'ec2 describe-subnets', 'ec2 describe-route-tables', 'ec2 describe-internet-gateways',
      'ec2 describe-nat-gateways', 'ec2 describe-vpc-peering-connections', 'ec2 describe-network-acls',
      'ec2 describe-security-groups', 'ec2 describe-security-group-rules', 'ec2 describe-instances',
      'ec2 describe-network-interfaces', 'ec2 describe-managed-prefix-lists', 'ec2 get-managed-prefix-list-entries',
      'elbv2 describe-load-balancers', 'elbv2 describe-listeners', 'elbv2 describe-target-groups',
      'elbv2 describe-target-health', 'elbv2 describe-tags', 'rds describe-db-instances', 'lambda list-functions', 'lambda list-tags',
    ]) {
      expect(calls).toContain(command);
    }
  });

  it('quotes a baked Region so that it cannot break out', () => {
    expect(shellQuote(`a'b`)).toBe(`'a'\\''b'`);
    const hostile = collectScript({ region: `x'; touch pwned; echo '` });
    expect(hostile).toContain(`BAKED_REGION='x'\\''; touch pwned; echo '\\'''`);
  });

  it.skipIf(!bash)('parses', () => {
    const r = spawnSync(bashPath, ['-n'], { input: script, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(!bash)('prints usage, and refuses unknown arguments, bad Regions and a missing aws before any call', () => {
    expect(run(script, ['-h'])).toMatchObject({ status: 0, stdout: expect.stringContaining('usage:') });
    expect(run(script, ['--bogus']).stderr).toContain('unknown argument: --bogus');
    expect(run(script, ['-r'])).toMatchObject({ status: 1, stderr: expect.stringContaining('-r needs a value') });
    const hostile = run(collectScript({ region: `x'; touch pwned; echo '` }), []);
    expect(hostile).toMatchObject({ status: 1, stderr: expect.stringContaining('not a Region name') });
    expect(spawnSync('ls', [dir], { encoding: 'utf8' }).stdout).not.toContain('pwned');
    expect(run(script, ['-r', 'eu-west-1'], { PATH: '/nonexistent' })).toMatchObject({ status: 1 });
    const noAws = run(script, ['-r', 'eu-west-1']);
    if (spawnSync('sh', ['-c', 'PATH=/usr/bin:/bin command -v aws']).status !== 0) {
      expect(noAws).toMatchObject({ status: 1, stderr: expect.stringContaining('aws CLI is not installed') });
    }
  });

  it.skipIf(!bash)('reads tags 20 load balancers a call and per function with its ARN, and survives a refused list-tags', () => {
    // A stand-in aws that logs its calls: 45 load balancers, two functions, list-tags refused for the second.
    const fake = join(dir, 'fake-bin');
    mkdirSync(fake, { recursive: true });
    const lbs = Array.from({ length: 45 }, (_, i) => `arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/lb${i}/${i}`);
    const fns = ['arn:aws:lambda:eu-west-1:1:function:one', 'arn:aws:lambda:eu-west-1:1:function:two'];
    writeFileSync(
      join(fake, 'aws'),
      `#!/usr/bin/env bash
[ "$1" = --version ] && { echo aws-cli/2.15.0; exit 0; }
printf '%s\\n' "$*" >>"$CALLS"
case "$*" in
  *"elbv2 describe-load-balancers --query"*) echo "${lbs.join('\t')}" ;;
  *"lambda list-functions --query"*) echo "${fns.join('\t')}" ;;
  *"lambda list-tags --resource ${fns[1]} "*) echo "AccessDeniedException" >&2; exit 254 ;;
  *"--output text"*) ;;
  *) echo '{}' ;;
esac
`,
      { mode: 0o755 },
    );
    const calls = join(dir, 'calls.log');
    const out = join(dir, 'fake-bundle');
    const r = run(script, ['-o', out], { PATH: `${fake}:/usr/bin:/bin`, CALLS: calls });
    expect(r.status, r.stderr).toBe(0);
    const log = readFileSync(calls, 'utf8').split('\n');
    const tagCalls = log.filter((l) => l.startsWith('elbv2 describe-tags '));
    expect(tagCalls.map((l) => l.split(' --region')[0]!.split(' ').slice(3))).toEqual([lbs.slice(0, 20), lbs.slice(20, 40), lbs.slice(40)]);
    expect(log.filter((l) => l.startsWith('lambda list-functions --query'))).toEqual([expect.stringContaining('Functions[?VpcConfig.SubnetIds[0]].FunctionArn')]);
    expect(log.filter((l) => l.startsWith('lambda list-tags '))).toEqual(fns.map((f) => expect.stringContaining(`--resource ${f} --query {FunctionArn: \`"${f}"\`, Tags: Tags}`)));
    expect(r.stderr).toContain('aws lambda list-tags failed; skipped');
    const files = readdirSync(out);
    expect(files.filter((f) => /^(elbv2-describe-tags|lambda-list-tags)-/.test(f)).sort()).toEqual([
      'elbv2-describe-tags-1.json', 'elbv2-describe-tags-2.json', 'elbv2-describe-tags-3.json', 'lambda-list-tags-1.json',
    ]);
  });

  it.skipIf(!bash)('takes the Region from -r over REGION over the baked one', () => {
    const bad = (r: { stderr: string }) => r.stderr.match(/not a Region name: (\S+)/)?.[1];
    expect(bad(run(collectScript({ region: 'BAKED' }), []))).toBe('BAKED');
    expect(bad(run(collectScript({ region: 'BAKED' }), [], { REGION: 'FROMENV' }))).toBe('FROMENV');
    expect(bad(run(collectScript({ region: 'BAKED' }), ['-r', 'FROMARG'], { REGION: 'FROMENV' }))).toBe('FROMARG');
    expect(bad(run(collectScript(), [], { AWS_DEFAULT_REGION: 'CLIENV' }))).toBe('CLIENV');
  });
});
