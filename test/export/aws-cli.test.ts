/** The AWS CLI export without AWS: quoting survives bash, and every export is valid bash. */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportAwsCli } from '../../src/core/export/aws-cli.ts';
import { shellJson, shellQuote, shellVar } from '../../src/core/export/shell-quote.ts';
import { topologyT } from '../../src/core/model/fixtures/topology-t.ts';
import { hostileDesign, naclIpv6Design, peeredDesign, randomDesign, vpcRecipe } from './designs.ts';

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
    for (const d of [topologyT().build(), topologyT({ ipv6: true }).build(), naclIpv6Design(), peeredDesign(), hostileDesign()]) {
      bashSyntaxOk(exportAwsCli(d));
      bashSyntaxOk(exportAwsCli(d, { groupsOnly: true }));
    }
    fc.assert(fc.property(fc.array(vpcRecipe, { minLength: 1, maxLength: 3 }), (r) => bashSyntaxOk(exportAwsCli(randomDesign(r)))), { numRuns: 25 });
  });

  it('creates every group before any rule, and says what it leaves out', () => {
    const script = exportAwsCli(topologyT().build());
    expect(script.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(script).toContain('set -euo pipefail');
    const lastGroup = script.lastIndexOf('create-security-group ');
    const firstRule = script.indexOf('authorize-security-group-');
    expect(lastGroup).toBeGreaterThan(0);
    expect(firstRule).toBeGreaterThan(lastGroup);
    expect(script).toContain('# left out: load-balancer web-alb');
    expect(script).toContain('# left out: database orders-db');
    expect(script).toContain('# left out: lambda worker-fn');
  });

  it('groupsOnly writes only groups and rules and checks VPC_ID first', () => {
    const script = exportAwsCli(topologyT().build(), { groupsOnly: true });
    expect(script).toMatch(/VPC_ID:-}" =~ \^vpc-/);
    expect(script).not.toMatch(/create-(vpc|subnet|route|network-acl|internet-gateway|nat-gateway) /);
    expect(script).not.toContain('run-instances');
  });
});
