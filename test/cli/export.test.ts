/**
 * `tierwise export` as a subprocess on topology T written to a temporary design file: each format
 * (json round-trips to an equal design, aws-cli passes `bash -n`, terraform and cloudformation
 * look like what they claim), -o writes the file, and bad input is exit 2 with one line on stderr.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { topologyT } from '../../src/core/model/fixtures/topology-t.ts';
import { readDesign } from '../../src/core/model/schema.ts';
import type { Design } from '../../src/core/model/types.ts';
import { runCli, runProcess } from './run-cli.ts';

const TIMEOUT = 60_000;

let dir: string;
let designFile: string;
let design: Design;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-export-'));
  designFile = join(dir, 't.json');
  const text = JSON.stringify(topologyT().build());
  writeFileSync(designFile, text);
  const read = readDesign(JSON.parse(text) as unknown, 't.json');
  if (!read.ok) throw new Error(read.error.message);
  design = read.value;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.concurrent('tierwise export: each format on topology T', () => {
  it('json is the design file, pretty, and reads back to an equal design', { timeout: TIMEOUT }, async () => {
    const run = await runCli(['export', designFile, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${JSON.stringify(design, null, 2)}\n`);
    const read = readDesign(JSON.parse(run.stdout) as unknown, 'out.json');
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value).toEqual(design);
  });

  it('aws-cli is a bash script that parses (bash -n), full and --groups-only', { timeout: TIMEOUT }, async () => {
    const vpcId = Object.keys(design.vpcs)[0]!;
    for (const extra of [[], ['--groups-only'], ['--groups-only', '--vpc', vpcId]]) {
      const run = await runCli(['export', designFile, '--format', 'aws-cli', ...extra]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.startsWith('#!/usr/bin/env bash\n')).toBe(true);
      const script = join(dir, `check-${extra.length}.sh`);
      writeFileSync(script, run.stdout);
      const syntax = await runProcess('bash', ['-n', script]);
      expect(syntax.code, syntax.stderr).toBe(0);
      if (extra.length > 0) expect(run.stdout).toContain('VPC_ID');
    }
  });

  it('terraform has standalone security group rules', { timeout: TIMEOUT }, async () => {
    const run = await runCli(['export', designFile, '--format', 'terraform']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('aws_vpc_security_group_ingress_rule');
  });

  it('cloudformation is YAML with AWSTemplateFormatVersion', { timeout: TIMEOUT }, async () => {
    const run = await runCli(['export', designFile, '--format', 'cloudformation']);
    expect(run.code, run.stderr).toBe(0);
    const template = parseYaml(run.stdout) as Record<string, unknown>;
    expect(template).toHaveProperty('AWSTemplateFormatVersion');
    expect(template).toHaveProperty('Resources');
  });

  it('-o writes the file (the aws-cli script executable), nothing on stdout', { timeout: TIMEOUT }, async () => {
    const script = join(dir, 'deploy.sh');
    const run = await runCli(['export', designFile, '--format', 'aws-cli', '-o', script]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(script, 'utf8').startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(statSync(script).mode & 0o777).toBe(0o755);

    const json = join(dir, 'out.json');
    const run2 = await runCli(['export', designFile, '--format', 'json', '--output', json]);
    expect(run2.code, run2.stderr).toBe(0);
    expect(run2.stdout).toBe('');
    const read = readDesign(JSON.parse(readFileSync(json, 'utf8')) as unknown, 'out.json');
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value).toEqual(design);
  });

  it('is listed in the main --help and has its own --help', { timeout: TIMEOUT }, async () => {
    const main = await runCli(['--help']);
    expect(main.stdout).toMatch(/^ {2}export\s/m);
    const own = await runCli(['export', '--help']);
    expect(own.code).toBe(0);
    expect(own.stdout).toContain('--groups-only');
  });
});

describe.concurrent('tierwise export: bad input is exit 2 and one line on stderr', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['an unknown format', () => ['export', designFile, '--format', 'pulumi'], /--format must be one of/],
    ['no --format', () => ['export', designFile], /--format is required/],
    ['--groups-only with terraform', () => ['export', designFile, '--format', 'terraform', '--groups-only'], /--groups-only works only with --format aws-cli/],
    ['--vpc without --groups-only', () => ['export', designFile, '--format', 'aws-cli', '--vpc', 'vpc-1'], /--vpc works only with --groups-only/],
    ['an unknown --vpc', () => ['export', designFile, '--format', 'aws-cli', '--groups-only', '--vpc', 'vpc-nope'], /no such VPC/],
    ['a missing input file', () => ['export', join(dir, 'missing.json'), '--format', 'json'], /no such file/],
    ['no input at all', () => ['export', '--format', 'json'], /missing <inputs/],
  ];
  for (const [what, args, message] of cases) {
    it(what, { timeout: TIMEOUT }, async () => {
      const run = await runCli(args());
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr.split('\n')).toHaveLength(2);
      expect(run.stderr.endsWith('\n')).toBe(true);
    });
  }
});
