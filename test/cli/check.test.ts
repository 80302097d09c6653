/**
 * `tierwise check` as a subprocess, on the three-tier template and topology T written to a
 * temporary folder: the text, JSON and SARIF 2.1.0 outputs list the same findings as runLint on
 * the same design (same ids, same order), --fail-on sets the exit code, and bad input is exit 2
 * with one line on stderr.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, runLint, SEVERITIES, type Finding, type Severity } from '../../src/core/lint/index.ts';
import { addRule } from '../../src/core/model/commands/index.ts';
import { topologyT } from '../../src/core/model/fixtures/topology-t.ts';
import { readDesign } from '../../src/core/model/schema.ts';
import type { Design } from '../../src/core/model/types.ts';
import { templateById } from '../../src/core/templates/index.ts';
import { ROOT, runCli, runProcess, type CliRun } from './run-cli.ts';

const TIMEOUT = 60_000;

let dir: string;
const file = (name: string): string => join(dir, name);

/** The designs, by file name, and what runLint says about each (read back as the CLI reads them). */
const designs: Record<string, Design> = {};
const expected: Record<string, Finding[]> = {};

function threeTierWithWorldSsh(): Design {
  const base = templateById('three-tier')!.build();
  const added = addRule(base, 'sg-db', 'ingress', { match: { protocol: 'tcp', ports: { from: 22, to: 22 } }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' }, description: 'SSH from anywhere' });
  if (!added.ok) throw new Error(added.error.message);
  return added.value;
}

/** A describe bundle of two files (no single input file for SARIF to point at). */
const BUNDLE = {
  'vpcs.json': { Vpcs: [{ VpcId: 'vpc-0b1', CidrBlock: '10.9.0.0/16', IsDefault: false, Tags: [{ Key: 'Name', Value: 'lab' }] }] },
  'groups.json': {
    SecurityGroups: [
      {
        GroupId: 'sg-0b1',
        GroupName: 'web',
        Description: 'web',
        VpcId: 'vpc-0b1',
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
        IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      },
    ],
  },
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-check-'));
  const all: Record<string, Design> = {
    'three-tier.json': templateById('three-tier')!.build(),
    't.json': topologyT().build(),
    'three-tier-ssh.json': threeTierWithWorldSsh(),
  };
  for (const [name, design] of Object.entries(all)) {
    const text = JSON.stringify(design);
    writeFileSync(file(name), text);
    const read = readDesign(JSON.parse(text) as unknown, name);
    if (!read.ok) throw new Error(read.error.message);
    designs[name] = read.value;
    expected[name] = runLint(read.value);
  }
  mkdirSync(file('bundle'));
  for (const [name, json] of Object.entries(BUNDLE)) writeFileSync(join(dir, 'bundle', name), JSON.stringify(json));
  mkdirSync(file('sub dir'));
  writeFileSync(file('sub dir/three tier.json'), JSON.stringify(all['three-tier.json']));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** tsx by absolute URL: `--import tsx` resolves from the working directory, which is the temporary folder here. */
const TSX = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('tsx')).href;

/** `check <name> ...` run inside the temporary folder, so the SARIF artifact URI is the bare file name. */
const check = (name: string, ...args: string[]): Promise<CliRun> =>
  runProcess(process.execPath, ['--import', TSX, resolve(ROOT, 'src/cli/main.ts'), 'check', name, ...args], { cwd: dir });

// ---------------------------------------------------------------------------------------------
// Reading the three formats back

interface TextFinding {
  severity: Severity;
  message: string;
  risk: string;
  fix: string;
  quickFix?: string;
  anchors?: string;
  id: string;
}

/** The text output back into findings and the summary line; checks its layout on the way. */
function parseText(stdout: string): { findings: TextFinding[]; summary: string; groups: Severity[][] } {
  const lines = stdout.split('\n');
  expect(lines.pop()).toBe('');
  const summary = lines.pop()!;
  const findings: TextFinding[] = [];
  const groups: Severity[][] = [];
  let group: Severity[] = [];
  for (const line of lines) {
    if (line === '') {
      if (group.length > 0) groups.push(group);
      group = [];
      continue;
    }
    const head = /^(critical|high|medium|low|info) +(\S.*)$/.exec(line);
    if (head) {
      findings.push({ severity: head[1] as Severity, message: head[2]!, risk: '', fix: '', id: '' });
      group.push(head[1] as Severity);
      continue;
    }
    const detail = /^ {10}(risk|fix|quick fix \(in the designer\)|anchors|id): (.*)$/.exec(line);
    expect(detail, `unexpected line: ${line}`).not.toBeNull();
    const f = findings[findings.length - 1]!;
    const [, key, value] = detail!;
    if (key === 'risk') f.risk = value!;
    else if (key === 'fix') f.fix = value!;
    else if (key === 'anchors') f.anchors = value!;
    else if (key === 'id') f.id = value!;
    else f.quickFix = value!;
  }
  if (group.length > 0) groups.push(group);
  return { findings, summary, groups };
}

interface JsonOutput {
  findings: Array<Record<string, unknown> & { id: string; severity: Severity; hasQuickFix: boolean; quickFix: string | null }>;
  summary: { total: number; bySeverity: Record<Severity, number>; failOn: Severity | null; atOrAboveFailOn: number };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

function expectedSummaryLine(findings: Finding[]): string {
  const parts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  return `${findings.length} finding${findings.length === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : '.'}`;
}

// ---------------------------------------------------------------------------------------------
// SARIF 2.1.0: the required fields, enums and closed objects of the schema that this log uses

const LEVELS = ['none', 'note', 'warning', 'error'];
/** Properties the 2.1.0 schema allows on each object (it sets additionalProperties: false on them). */
const ALLOWED: Record<string, string[]> = {
  sarifLog: ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'],
  run: ['tool', 'invocations', 'conversion', 'language', 'versionControlProvenance', 'originalUriBaseIds', 'artifacts', 'logicalLocations', 'graphs', 'results', 'automationDetails', 'runAggregates', 'baselineGuid', 'redactionTokens', 'defaultEncoding', 'defaultSourceLanguage', 'newlineSequences', 'columnKind', 'externalPropertyFileReferences', 'threadFlowLocations', 'taxonomies', 'addresses', 'translations', 'policies', 'webRequests', 'webResponses', 'specialLocations', 'properties'],
  tool: ['driver', 'extensions', 'properties'],
  toolComponent: ['guid', 'name', 'organization', 'product', 'productSuite', 'shortDescription', 'fullDescription', 'fullName', 'version', 'semanticVersion', 'dottedQuadFileVersion', 'releaseDateUtc', 'downloadUri', 'informationUri', 'globalMessageStrings', 'notifications', 'rules', 'taxa', 'locations', 'language', 'contents', 'isComprehensive', 'localizedDataSemanticVersion', 'minimumRequiredLocalizedDataSemanticVersion', 'associatedComponent', 'translationMetadata', 'supportedTaxonomies', 'properties'],
  reportingDescriptor: ['id', 'deprecatedIds', 'guid', 'deprecatedGuids', 'name', 'deprecatedNames', 'shortDescription', 'fullDescription', 'messageStrings', 'defaultConfiguration', 'helpUri', 'help', 'relationships', 'properties'],
  reportingConfiguration: ['enabled', 'level', 'rank', 'parameters', 'properties'],
  multiformatMessageString: ['text', 'markdown', 'properties'],
  result: ['ruleId', 'ruleIndex', 'rule', 'kind', 'level', 'message', 'analysisTarget', 'locations', 'guid', 'correlationGuid', 'occurrenceCount', 'partialFingerprints', 'fingerprints', 'stacks', 'codeFlows', 'graphs', 'graphTraversals', 'relatedLocations', 'suppressions', 'baselineState', 'rank', 'attachments', 'hostedViewerUri', 'workItemUris', 'provenance', 'fixes', 'taxa', 'webRequest', 'webResponse', 'properties'],
  message: ['text', 'markdown', 'id', 'arguments', 'properties'],
  location: ['id', 'physicalLocation', 'logicalLocations', 'message', 'annotations', 'relationships', 'properties'],
  physicalLocation: ['address', 'artifactLocation', 'region', 'contextRegion', 'properties'],
  artifactLocation: ['uri', 'uriBaseId', 'index', 'description', 'properties'],
  logicalLocation: ['name', 'index', 'fullyQualifiedName', 'decoratedName', 'parentIndex', 'kind', 'properties'],
  artifact: ['description', 'location', 'parentIndex', 'offset', 'length', 'roles', 'mimeType', 'contents', 'encoding', 'sourceLanguage', 'hashes', 'lastModifiedTimeUtc', 'properties'],
};

function obj(value: Json | undefined, what: string, kind: keyof typeof ALLOWED | 'propertyBag' | 'map'): Obj {
  expect(value !== null && typeof value === 'object' && !Array.isArray(value), `${what} is an object`).toBe(true);
  const o = value as Obj;
  if (kind !== 'propertyBag' && kind !== 'map') {
    for (const key of Object.keys(o)) expect(ALLOWED[kind], `${what}.${key} is a ${kind} property`).toContain(key);
  }
  return o;
}

function arr(value: Json | undefined, what: string): Json[] {
  expect(Array.isArray(value), `${what} is an array`).toBe(true);
  return value as Json[];
}

function str(value: Json | undefined, what: string): string {
  expect(typeof value, `${what} is a string`).toBe('string');
  expect((value as string).length, `${what} is not empty`).toBeGreaterThan(0);
  return value as string;
}

function messageString(value: Json | undefined, what: string): void {
  str(obj(value, what, 'multiformatMessageString').text, `${what}.text`);
}

function propertyBag(value: Json | undefined, what: string): Obj {
  const bag = obj(value, what, 'propertyBag');
  if (bag.tags !== undefined) {
    const tags = arr(bag.tags, `${what}.tags`).map((t, i) => str(t, `${what}.tags[${i}]`));
    expect(new Set(tags).size, `${what}.tags are unique`).toBe(tags.length);
  }
  return bag;
}

/** A uri-reference as SARIF wants it: no spaces or backslashes; relative here (no scheme). */
function expectRelativeUri(uri: string, what: string): void {
  expect(uri, what).not.toMatch(/[\s\\]/);
  expect(uri, what).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
  expect(() => decodeURI(uri), what).not.toThrow();
}

/** Asserts the key required fields, enums and closed objects of the SARIF 2.1.0 schema; returns the one run. */
function expectSarif210(log: Json): { rules: Obj[]; results: Obj[]; run: Obj } {
  const root = obj(log, 'sarifLog', 'sarifLog');
  expect(root.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
  expect(root.version).toBe('2.1.0');
  const runs = arr(root.runs, 'runs');
  expect(runs).toHaveLength(1);
  const run = obj(runs[0], 'runs[0]', 'run');
  const tool = obj(run.tool, 'tool', 'tool');
  const driver = obj(tool.driver, 'tool.driver', 'toolComponent');
  expect(driver.name).toBe('Tierwise');
  if (driver.informationUri !== undefined) expect(str(driver.informationUri, 'informationUri')).toMatch(/^https?:\/\//);
  const rules = arr(driver.rules, 'tool.driver.rules').map((r, i) => {
    const what = `rules[${i}]`;
    const rule = obj(r, what, 'reportingDescriptor');
    str(rule.id, `${what}.id`);
    str(rule.name, `${what}.name`);
    messageString(rule.shortDescription, `${what}.shortDescription`);
    messageString(rule.fullDescription, `${what}.fullDescription`);
    messageString(rule.help, `${what}.help`);
    const config = obj(rule.defaultConfiguration, `${what}.defaultConfiguration`, 'reportingConfiguration');
    expect(LEVELS).toContain(config.level);
    const props = propertyBag(rule.properties, `${what}.properties`);
    const score = Number(props['security-severity']);
    expect(Number.isFinite(score) && score >= 0 && score <= 10, `${what} security-severity`).toBe(true);
    return rule;
  });
  expect(new Set(rules.map((r) => r.id)).size, 'rule ids are unique').toBe(rules.length);
  const artifacts = run.artifacts === undefined ? [] : arr(run.artifacts, 'artifacts').map((a, i) => obj(a, `artifacts[${i}]`, 'artifact'));
  for (const [i, a] of artifacts.entries()) expectRelativeUri(str(obj(a.location, `artifacts[${i}].location`, 'artifactLocation').uri, 'uri'), `artifacts[${i}]`);
  const results = arr(run.results, 'results').map((r, i) => {
    const what = `results[${i}]`;
    const result = obj(r, what, 'result');
    const message = obj(result.message, `${what}.message`, 'message');
    str(message.text, `${what}.message.text`);
    const ruleId = str(result.ruleId, `${what}.ruleId`);
    const index = result.ruleIndex;
    expect(Number.isInteger(index) && (index as number) >= 0 && (index as number) < rules.length, `${what}.ruleIndex`).toBe(true);
    expect(rules[index as number]!.id, `${what}.ruleIndex points at its rule`).toBe(ruleId);
    expect(LEVELS).toContain(result.level);
    for (const [j, l] of arr(result.locations, `${what}.locations`).entries()) {
      const location = obj(l, `${what}.locations[${j}]`, 'location');
      if (location.physicalLocation !== undefined) {
        const physical = obj(location.physicalLocation, 'physicalLocation', 'physicalLocation');
        expectRelativeUri(str(obj(physical.artifactLocation, 'artifactLocation', 'artifactLocation').uri, 'uri'), `${what} uri`);
      }
      for (const [k, ll] of arr(location.logicalLocations, `${what}.logicalLocations`).entries()) {
        const logical = obj(ll, `${what}.logicalLocations[${k}]`, 'logicalLocation');
        str(logical.fullyQualifiedName, 'fullyQualifiedName');
        str(logical.name, 'name');
        expect(['resource', 'member']).toContain(logical.kind);
      }
    }
    const fingerprints = obj(result.partialFingerprints, `${what}.partialFingerprints`, 'map');
    for (const v of Object.values(fingerprints)) str(v, `${what}.partialFingerprints value`);
    if (result.properties !== undefined) propertyBag(result.properties, `${what}.properties`);
    return result;
  });
  return { rules, results, run };
}

const sarifIds = (results: Obj[]): string[] => results.map((r) => (r.partialFingerprints as Obj)['tierwiseFindingId/v1'] as string);

// ---------------------------------------------------------------------------------------------

describe.concurrent.each([['three-tier.json'], ['t.json']])('tierwise check %s', (name) => {
  it('text: grouped by severity, most severe first; each finding with risk, fix and id; a summary line', { timeout: TIMEOUT }, async () => {
    const run = await check(name);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const want = expected[name]!;
    expect(want.length).toBeGreaterThan(0);
    const text = parseText(run.stdout);
    expect(text.findings.map((f) => f.id)).toEqual(want.map((f) => f.id));
    expect(text.findings.map((f) => [f.severity, f.message, f.risk, f.fix])).toEqual(want.map((f) => [f.severity, f.message, f.risk, f.fix]));
    expect(text.findings.map((f) => f.quickFix)).toEqual(want.map((f) => f.quickFix?.label));
    expect(text.findings.map((f) => f.anchors)).toEqual(want.map((f) => (f.anchors.length ? f.anchors.join(', ') : undefined)));
    // One group per severity present, in SEVERITIES order.
    expect(text.groups.map((g) => new Set(g).size)).toEqual(text.groups.map(() => 1));
    expect(text.groups.map((g) => g[0])).toEqual(SEVERITIES.filter((s) => want.some((f) => f.severity === s)));
    expect(text.summary).toBe(expectedSummaryLine(want));
  });

  it('json: the findings without functions, hasQuickFix and its label, and a summary', { timeout: TIMEOUT }, async () => {
    const run = await check(name, '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as JsonOutput;
    const want = expected[name]!;
    expect(out.findings).toEqual(
      want.map((f) => ({
        id: f.id,
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        risk: f.risk,
        fix: f.fix,
        anchors: [...f.anchors],
        targets: f.targets,
        resourceIds: f.resourceIds,
        hasQuickFix: f.quickFix !== undefined,
        quickFix: f.quickFix?.label ?? null,
      })),
    );
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, want.filter((f) => f.severity === s).length]));
    expect(out.summary).toEqual({ total: want.length, bySeverity, failOn: null, atOrAboveFailOn: 0 });
  });

  it('sarif: a valid 2.1.0 log with every catalogue rule and one result per finding', { timeout: TIMEOUT }, async () => {
    const run = await check(name, '--format', 'sarif');
    expect(run.code, run.stderr).toBe(0);
    const log = JSON.parse(run.stdout) as Json;
    expect(JSON.parse(JSON.stringify(log))).toEqual(log);
    const { rules, results, run: sarifRun } = expectSarif210(log);
    expect(rules.map((r) => r.id)).toEqual(CATALOGUE.map((r) => r.id));
    const levels: Record<Severity, string> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
    const scores: Record<Severity, number> = { critical: 9.5, high: 8.0, medium: 5.5, low: 3.0, info: 1.0 };
    for (const [i, rule] of CATALOGUE.entries()) {
      expect((rules[i]!.defaultConfiguration as Obj).level).toBe(levels[rule.severity]);
      const props = rules[i]!.properties as Obj;
      expect(Number(props['security-severity'])).toBe(scores[rule.severity]);
      expect(props.tags).toEqual(expect.arrayContaining([...rule.anchors]));
      expect((rules[i]!.shortDescription as Obj).text).toBe(rule.title);
    }
    const want = expected[name]!;
    expect(sarifIds(results)).toEqual(want.map((f) => f.id));
    expect(results.map((r) => [r.ruleId, r.level, (r.message as Obj).text])).toEqual(want.map((f) => [f.ruleId, levels[f.severity], f.message]));
    for (const [i, r] of results.entries()) {
      const [location] = r.locations as Obj[];
      expect(r.locations).toHaveLength(1);
      expect(location!.physicalLocation).toEqual({ artifactLocation: { uri: name } });
      expect((location!.logicalLocations as Json[]).length).toBe(want[i]!.targets.length);
    }
    expect(sarifRun.artifacts).toEqual([{ location: { uri: name } }]);
  });

  it('the same ids in text, json and sarif, in the same order', { timeout: TIMEOUT }, async () => {
    const [text, json, sarif] = await Promise.all([check(name), check(name, '--format', 'json'), check(name, '--format', 'sarif')]);
    const ids = expected[name]!.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(parseText(text.stdout).findings.map((f) => f.id)).toEqual(ids);
    expect((JSON.parse(json.stdout) as JsonOutput).findings.map((f) => f.id)).toEqual(ids);
    expect(sarifIds(expectSarif210(JSON.parse(sarif.stdout) as Json).results)).toEqual(ids);
  });
});

describe.concurrent('tierwise check --fail-on', () => {
  // three-tier's worst finding is high (its untouched default group, EC2.2), and its designed
  // chain is info; with SSH from the world on DBSG the chain web-1 -> db-1 is critical. Topology
  // T's worst is high too (its default group).
  const cases: Array<[string, string[], number]> = [
    ['three-tier.json', [], 0],
    ['three-tier.json', ['--fail-on', 'none'], 0],
    ['three-tier.json', ['--fail-on', 'critical'], 0],
    ['three-tier.json', ['--fail-on', 'high'], 1],
    ['three-tier.json', ['--fail-on', 'low', '--format', 'json'], 1],
    ['three-tier.json', ['--fail-on', 'critical', '--format', 'sarif'], 0],
    ['three-tier-ssh.json', ['--fail-on', 'critical'], 1],
    ['three-tier-ssh.json', ['--fail-on', 'critical', '--format', 'sarif'], 1],
    ['t.json', [], 0],
    ['t.json', ['--fail-on', 'critical'], 0],
    ['t.json', ['--fail-on', 'high'], 1],
    ['t.json', ['--fail-on', 'medium'], 1],
    ['t.json', ['--fail-on', 'low'], 1],
    ['t.json', ['--fail-on', 'info'], 1],
    ['t.json', ['--fail-on', 'high', '--format', 'sarif'], 1],
  ];
  it.each(cases)('%s %j exits %i', { timeout: TIMEOUT }, async (name, args, code) => {
    const run = await check(name, ...args);
    expect(run.code, run.stderr).toBe(code);
    const failOn = args[args.indexOf('--fail-on') + 1];
    const rank = (s: Severity): number => SEVERITIES.indexOf(s);
    const failing = args.includes('--fail-on') && failOn !== 'none' ? expected[name]!.filter((f) => rank(f.severity) <= rank(failOn as Severity)).length : 0;
    expect(failing > 0).toBe(code === 1);
    if (code === 1) expect(run.stderr).toBe(`${failing} finding${failing === 1 ? '' : 's'} at or above ${failOn} (--fail-on ${failOn}).\n`);
    else expect(run.stderr).toBe('');
    // The answer is printed in full either way.
    if (args.includes('json')) expect((JSON.parse(run.stdout) as JsonOutput).summary.atOrAboveFailOn).toBe(failing);
    else if (args.includes('sarif')) expect(expectSarif210(JSON.parse(run.stdout) as Json).results).toHaveLength(expected[name]!.length);
    else expect(run.stdout).toMatch(new RegExp(`\\n${expectedSummaryLine(expected[name]!)}\\n$`));
  });
});

describe.concurrent('tierwise check: SSH 22 from 0.0.0.0/0 added to DBSG', () => {
  const name = 'three-tier-ssh.json';
  const isSsh = (f: { ruleId: string }): boolean => f.ruleId === 'sg-admin-port-world';

  it('runLint reports sg-admin-port-world on DBSG and port 22', () => {
    const found = expected[name]!.filter(isSsh);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/^DBSG admits tcp 22\b.*from 0\.0\.0\.0\/0/);
    expect(found[0]!.targets[0]).toMatchObject({ kind: 'rule', groupId: 'sg-db', direction: 'ingress' });
    expect(expected['three-tier.json']!.some(isSsh)).toBe(false);
  });

  it('text, json and sarif all name DBSG and the port', { timeout: TIMEOUT }, async () => {
    const finding = expected[name]!.find(isSsh)!;
    const [text, json, sarif] = await Promise.all([check(name), check(name, '--format', 'json'), check(name, '--format', 'sarif')]);
    for (const run of [text, json, sarif]) expect(run.code, run.stderr).toBe(0);

    const t = parseText(text.stdout).findings.find((f) => f.id === finding.id)!;
    expect(t).toMatchObject({ severity: finding.severity, message: finding.message });
    expect(t.message).toMatch(/DBSG admits tcp 22/);
    expect(t.anchors).toContain('CIS 5.2');

    const j = (JSON.parse(json.stdout) as JsonOutput).findings.find((f) => f.id === finding.id)!;
    expect(j).toMatchObject({ ruleId: 'sg-admin-port-world', message: finding.message });
    expect(j.message).toMatch(/DBSG admits tcp 22/);

    const { results, rules } = expectSarif210(JSON.parse(sarif.stdout) as Json);
    const s = results.find((r) => (r.partialFingerprints as Obj)['tierwiseFindingId/v1'] === finding.id)!;
    expect(s.ruleId).toBe('sg-admin-port-world');
    expect(rules[s.ruleIndex as number]!.id).toBe('sg-admin-port-world');
    expect((s.message as Obj).text).toMatch(/DBSG admits tcp 22/);
    const ruleTarget = finding.targets[0] as { groupId: string; ruleId: string };
    const logical = ((s.locations as Obj[])[0]!.logicalLocations as Obj[])[0]!;
    expect(logical).toEqual({ name: ruleTarget.ruleId, fullyQualifiedName: `securityGroups/sg-db/ingress/${ruleTarget.ruleId}`, kind: 'member' });
  });
});

describe.concurrent('tierwise check: the chain that SSH on DBSG opens', () => {
  const name = 'three-tier-ssh.json';
  const chain = 'db-1 (data tier) is reachable from the Internet on tcp 22 through 2 hops, skipping the app tier: Internet -> web-1 (tcp 80, 443) -> db-1 (tcp 22)';

  it('runLint: the designed chain is info on the template and critical with the rule', () => {
    const of = (file: string) => expected[file]!.filter((f) => f.ruleId === 'design-transitive-exposure').map((f) => [f.severity, f.message]);
    expect(of('three-tier.json')).toEqual([['info', 'db-1 (data tier) is reachable from the Internet on tcp 5432 through 3 hops: Internet -> web-1 (tcp 80, 443) -> app-1 (tcp 8080) -> db-1 (tcp 5432)']]);
    expect(of(name)).toEqual([['critical', chain]]);
    expect(expected[name]![0]!.quickFix?.label).toBe('Remove tcp 22 from 0.0.0.0/0 in DBSG');
  });

  it('text, json and sarif: first, critical, with the chain and the quick fix', { timeout: TIMEOUT }, async () => {
    const [text, json, sarif] = await Promise.all([check(name), check(name, '--format', 'json'), check(name, '--format', 'sarif')]);
    for (const run of [text, json, sarif]) expect(run.code, run.stderr).toBe(0);
    expect(parseText(text.stdout).findings[0]).toMatchObject({ severity: 'critical', message: chain, quickFix: 'Remove tcp 22 from 0.0.0.0/0 in DBSG', id: 'design-transitive-exposure:db-1' });
    expect((JSON.parse(json.stdout) as JsonOutput).findings[0]).toMatchObject({ ruleId: 'design-transitive-exposure', severity: 'critical', message: chain, hasQuickFix: true, quickFix: 'Remove tcp 22 from 0.0.0.0/0 in DBSG' });
    const [first] = expectSarif210(JSON.parse(sarif.stdout) as Json).results;
    expect(first).toMatchObject({ ruleId: 'design-transitive-exposure', level: 'error', message: { text: chain } });
    expect(((first!.locations as Obj[])[0]!.logicalLocations as Obj[]).map((l) => l.name)).toEqual(['db-1', 'web-1']);
  });
});

describe.concurrent('tierwise check: inputs', () => {
  it('a describe bundle of several files: answered, and SARIF results carry no physical location', { timeout: TIMEOUT }, async () => {
    const run = await check('bundle', '--format', 'sarif', '--fail-on', 'medium');
    expect(run.code, run.stderr).toBe(1);
    // The import's note, then the verdict: stdout stays pure SARIF.
    expect(run.stderr).toBe('note: importing raised 1 warning; `tierwise import` lists them.\n1 finding at or above medium (--fail-on medium).\n');
    const { results, run: sarifRun } = expectSarif210(JSON.parse(run.stdout) as Json);
    expect(results.some((r) => r.ruleId === 'sg-admin-port-world')).toBe(true);
    for (const r of results) expect((r.locations as Obj[])[0]!.physicalLocation).toBeUndefined();
    expect(sarifRun.artifacts).toBeUndefined();
  });

  it('a file in a folder with spaces: a relative, percent-encoded URI with forward slashes', { timeout: TIMEOUT }, async () => {
    const run = await check(join('sub dir', 'three tier.json'), '--format', 'sarif');
    expect(run.code, run.stderr).toBe(0);
    const { results } = expectSarif210(JSON.parse(run.stdout) as Json);
    expect((results[0]!.locations as Obj[])[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'sub%20dir/three%20tier.json' } });
  });

  it('describes itself', { timeout: TIMEOUT }, async () => {
    const run = await runCli(['check', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: tierwise check <inputs\.\.\.> \[options\]/);
    expect(run.stdout).toMatch(/--format F[\s\S]*sarif[\s\S]*--fail-on S/);
    const main = await runCli(['--help']);
    expect(main.stdout).toMatch(/^ {2}check /m);
  });
});

describe.concurrent('tierwise check: bad input is exit 2 and one line on stderr', () => {
  it.each([
    ['an unknown --format', () => [file('t.json'), '--format', 'yaml'], '--format must be one of text, json, sarif (got "yaml")'],
    ['an unknown --fail-on', () => [file('t.json'), '--fail-on', 'severe'], '--fail-on must be one of critical, high, medium, low, info, none (got "severe")'],
    ['a --fail-on without its value', () => [file('t.json'), '--fail-on'], 'option --fail-on needs a value'],
    ['an unknown option', () => [file('t.json'), '--fail'], 'unknown option --fail'],
    ['no inputs', () => [], 'missing <inputs...>'],
    ['a missing file', () => [file('nope.json')], 'nope.json: no such file or folder'],
  ])('%s', { timeout: TIMEOUT }, async (_what, args, needle) => {
    const run = await runCli(['check', ...args()]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(/^tierwise check: /);
    expect(run.stderr).toContain(needle);
  });
});
