/**
 * Lint findings for people (grouped by severity, most severe first), for machines (JSON) and for
 * code-scanning tools (SARIF 2.1.0). All three list the same findings with the same stable ids.
 */
import type { Finding, FindingTarget, LintRule, Severity } from '../core/lint/index.ts';
import { SEVERITIES } from '../core/lint/index.ts';

/** `--fail-on none` (the default): never exit 1 for findings. */
export type FailOn = Severity | 'none';

export interface CheckSummary {
  total: number;
  bySeverity: Record<Severity, number>;
  /** The threshold given with --fail-on, or null when none. */
  failOn: Severity | null;
  /** Findings at or above the threshold (0 when there is none). */
  atOrAboveFailOn: number;
}

const rank = (s: Severity): number => SEVERITIES.indexOf(s);

/** Findings whose severity is at or above the threshold ('none': none). */
export function findingsAtOrAbove(findings: readonly Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'none') return [];
  return findings.filter((f) => rank(f.severity) <= rank(failOn));
}

export function checkSummary(findings: readonly Finding[], failOn: FailOn): CheckSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) bySeverity[f.severity] += 1;
  return {
    total: findings.length,
    bySeverity,
    failOn: failOn === 'none' ? null : failOn,
    atOrAboveFailOn: findingsAtOrAbove(findings, failOn).length,
  };
}

/** "12 findings: 1 critical, 3 high, 1 medium, 3 low, 4 info" (severities with none are left out). */
export function summaryLine(summary: CheckSummary): string {
  const head = `${summary.total} finding${summary.total === 1 ? '' : 's'}`;
  const parts = SEVERITIES.filter((s) => summary.bySeverity[s] > 0).map((s) => `${summary.bySeverity[s]} ${s}`);
  return parts.length > 0 ? `${head}: ${parts.join(', ')}` : `${head}.`;
}

// ---------------------------------------------------------------------------------------------
// Text

const SEVERITY_WIDTH = Math.max(...SEVERITIES.map((s) => s.length)) + 2;
const INDENT = ' '.repeat(SEVERITY_WIDTH);

/** One line per finding (severity, message), its risk, fix, quick fix, anchors and id indented below; groups of one severity apart. */
export function formatCheckText(findings: readonly Finding[], failOn: FailOn): string {
  const lines: string[] = [];
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    if (lines.length > 0) lines.push('');
    for (const f of group) {
      lines.push(`${severity.padEnd(SEVERITY_WIDTH)}${f.message}`);
      lines.push(`${INDENT}risk: ${f.risk}`);
      lines.push(`${INDENT}fix: ${f.fix}`);
      if (f.quickFix) lines.push(`${INDENT}quick fix (in the designer): ${f.quickFix.label}`);
      if (f.anchors.length > 0) lines.push(`${INDENT}anchors: ${f.anchors.join(', ')}`);
      lines.push(`${INDENT}id: ${f.id}`);
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(checkSummary(findings, failOn)));
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// JSON

export interface FindingJson {
  id: string;
  ruleId: string;
  severity: Severity;
  message: string;
  risk: string;
  fix: string;
  anchors: string[];
  targets: FindingTarget[];
  resourceIds: string[];
  hasQuickFix: boolean;
  /** The quick fix's label, null when the finding has none. */
  quickFix: string | null;
}

/** A finding as plain data: the quick fix's function is dropped, its label kept. */
export function findingJson(f: Finding): FindingJson {
  return {
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
  };
}

export function formatCheckJson(findings: readonly Finding[], failOn: FailOn): string {
  return `${JSON.stringify({ findings: findings.map(findingJson), summary: checkSummary(findings, failOn) }, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// SARIF 2.1.0

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
/**
 * The tool's home page for tool.driver.informationUri. The repository names none yet; set it
 * here when it has one (SARIF makes the property optional, so it is left out while undefined).
 */
export const TIERWISE_INFORMATION_URI: string | undefined = undefined;

export type SarifLevel = 'error' | 'warning' | 'note';

/** critical and high are errors, medium a warning, low and info notes. */
export function sarifLevel(severity: Severity): SarifLevel {
  switch (severity) {
    case 'critical':
    case 'high':
      return 'error';
    case 'medium':
      return 'warning';
    case 'low':
    case 'info':
      return 'note';
  }
}

/** GitHub code scanning's security-severity scale (0–10): over 9 critical, 7–8.9 high, 4–6.9 medium, under 4 low. */
export const SECURITY_SEVERITY: Readonly<Record<Severity, number>> = { critical: 9.5, high: 8.0, medium: 5.5, low: 3.0, info: 1.0 };

interface SarifLogicalLocation {
  name: string;
  fullyQualifiedName: string;
  kind: 'resource' | 'member';
}

/** Where a target lives in the design file: its collection path, e.g. securityGroups/sg-123/ingress/sgr-1. */
export function logicalLocation(t: FindingTarget): SarifLogicalLocation {
  const loc = (kind: 'resource' | 'member', ...path: Array<string | number>): SarifLogicalLocation => ({
    name: String(path[path.length - 1]),
    fullyQualifiedName: path.join('/'),
    kind,
  });
  switch (t.kind) {
    case 'security-group':
      return loc('resource', 'securityGroups', t.groupId);
    case 'rule':
      return loc('member', 'securityGroups', t.groupId, t.direction, t.ruleId);
    case 'network-acl':
      if (t.ruleNumber === undefined) return loc('resource', 'networkAcls', t.networkAclId);
      return loc('member', 'networkAcls', t.networkAclId, t.egress === undefined ? 'entries' : t.egress ? 'egress' : 'ingress', t.ruleNumber);
    case 'resource':
      return loc('resource', 'resources', t.resourceId);
    case 'subnet':
      return loc('resource', 'subnets', t.subnetId);
    case 'route-table':
      return loc('resource', 'routeTables', t.routeTableId);
    case 'load-balancer':
      if (t.targetGroupId === undefined) return loc('resource', 'resources', t.resourceId);
      return loc('member', 'resources', t.resourceId, 'targetGroups', t.targetGroupId);
  }
}

/** "Admin port open to the world" → "AdminPortOpenToTheWorld". */
function pascalName(title: string): string {
  return title
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function reportingDescriptor(rule: LintRule): Record<string, unknown> {
  const family =
    rule.family === 'scanner'
      ? 'A configuration check that scanners (Security Hub, CIS, Prowler, Checkov, Trivy, KICS) also make'
      : 'A design check that needs the whole network (reachability with AWS semantics)';
  const anchors = rule.anchors.length > 0 ? `Equivalent checks in other tools: ${rule.anchors.join(', ')}.` : 'No equivalent check in other tools.';
  return {
    id: rule.id,
    name: pascalName(rule.title),
    shortDescription: { text: rule.title },
    fullDescription: { text: `${rule.title}. ${family}; default severity ${rule.severity}, raised or lowered per finding by real exposure.` },
    help: { text: `${rule.title} (${rule.id}). Each result says what is wrong, the risk and a concrete fix. ${anchors}` },
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: {
      tags: [...new Set(['security', rule.family, ...rule.anchors])],
      'security-severity': SECURITY_SEVERITY[rule.severity].toFixed(1),
      precision: 'high',
    },
  };
}

export interface SarifOptions {
  /** The input file as a relative URI, when the design came from one file: results point at it. */
  artifactUri?: string;
}

/** A SARIF 2.1.0 log of one run: every catalogue rule as a reportingDescriptor, every finding as a result. */
export function checkSarif(findings: readonly Finding[], catalogue: readonly LintRule[], options: SarifOptions = {}): Record<string, unknown> {
  const ruleIndex = new Map(catalogue.map((r, i) => [r.id, i]));
  const driver: Record<string, unknown> = { name: 'Tierwise' };
  if (TIERWISE_INFORMATION_URI !== undefined) driver.informationUri = TIERWISE_INFORMATION_URI;
  driver.rules = catalogue.map(reportingDescriptor);
  const results = findings.map((f) => {
    // One place in the file holds every entity the finding names: one location, a logical location per target.
    const location: Record<string, unknown> = {};
    if (options.artifactUri !== undefined) location.physicalLocation = { artifactLocation: { uri: options.artifactUri } };
    location.logicalLocations = f.targets.map(logicalLocation);
    const result: Record<string, unknown> = { ruleId: f.ruleId };
    const index = ruleIndex.get(f.ruleId);
    if (index !== undefined) result.ruleIndex = index;
    Object.assign(result, {
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [location],
      partialFingerprints: { 'tierwiseFindingId/v1': f.id },
      properties: {
        findingId: f.id,
        severity: f.severity,
        'security-severity': SECURITY_SEVERITY[f.severity].toFixed(1),
        risk: f.risk,
        fix: f.fix,
        resourceIds: f.resourceIds,
        ...(f.quickFix ? { quickFix: f.quickFix.label } : {}),
      },
    });
    return result;
  });
  const run: Record<string, unknown> = { tool: { driver }, results };
  if (options.artifactUri !== undefined) run.artifacts = [{ location: { uri: options.artifactUri } }];
  return { $schema: SARIF_SCHEMA, version: SARIF_VERSION, runs: [run] };
}

export function formatCheckSarif(findings: readonly Finding[], catalogue: readonly LintRule[], options: SarifOptions = {}): string {
  return `${JSON.stringify(checkSarif(findings, catalogue, options), null, 2)}\n`;
}
