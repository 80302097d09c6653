/**
 * The rule form checked as people type, field by field, with the same checks the model makes on
 * save (it runs the very command): CIDR syntax and canonical form, ports, protocol number,
 * description characters and length, duplicates and the per-direction quota.
 */
import { addRule, MAX_RULES_PER_DIRECTION, textIssue, updateRule, type Design, type Direction, type ModelError, type NetworkAclEntry, type Result } from '../../core/model/index.ts';
import { canonicalCidr, parseCidr } from '../../core/net/index.ts';
import { parsePorts, parseProtocolNumber, RULE_PRESETS, ruleFromForm, type RuleForm } from './rule-form.ts';
import { aclEntryFromForm, type AclEntryForm } from './routing.ts';

export type RuleField = 'ports' | 'protocol' | 'cidr' | 'groupId' | 'description' | 'rule';

export interface FieldIssue {
  message: string;
  /** A value that would fix it (the canonical CIDR), for a one-click "use this". */
  suggestion?: string;
}

export type RuleFormIssues = Partial<Record<RuleField, FieldIssue>>;

/** What is wrong with the form now; empty when saving would succeed. `ruleId` when editing that rule. */
export function ruleFormIssues(d: Design, groupId: string, direction: Direction, form: RuleForm, ruleId?: string): RuleFormIssues {
  const issues: RuleFormIssues = {};
  const preset = RULE_PRESETS.find((p) => p.id === form.presetId);
  if ((preset?.protocol === 'tcp' || preset?.protocol === 'udp') && !preset.ports) {
    const ports = portIssue(form.ports);
    if (ports) issues.ports = ports;
  }
  if (preset?.protocol === 'number') {
    const n = parseProtocolNumber(form.protocolNumber);
    if (!n.ok) issues.protocol = { message: n.error.message };
  }
  if (form.peerKind === 'cidr') {
    const cidr = cidrFieldIssue(form.cidr);
    if (cidr) issues.cidr = cidr;
  } else if (!form.groupId) {
    issues.groupId = { message: 'Choose the security group to allow.' };
  }
  const description = form.description.trim();
  if (description) {
    const bad = textIssue(description, 'description', 'description');
    if (bad) issues.description = { message: bad.message };
  }
  if (Object.keys(issues).length > 0) return issues;
  // The fields are fine one by one; what remains is the rule as a whole (duplicate, quota, peer VPC).
  const input = ruleFromForm(form);
  const result = !input.ok ? input : ruleId ? updateRule(d, groupId, direction, ruleId, input.value) : addRule(d, groupId, direction, input.value);
  if (!result.ok) issues[fieldOf(result.error)] = { message: result.error.message };
  return issues;
}

/** CIDR syntax, and "did you mean" with the canonical block when host bits are set. */
export function cidrFieldIssue(text: string): FieldIssue | undefined {
  const strict = parseCidr(text, { strict: true });
  if (strict.ok) return undefined;
  if (strict.error.code === 'cidr/not-canonical') {
    const canonical = canonicalCidr(text);
    if (canonical.ok) return { message: `${text.trim()} is not canonical: did you mean ${canonical.value}?`, suggestion: canonical.value };
  }
  return { message: strict.error.message };
}

/** How many rules a direction has and may have, as the form shows it. */
export function quotaLine(count: number): string {
  return `${count} of ${MAX_RULES_PER_DIRECTION} rules`;
}

function fieldOf(e: ModelError): RuleField {
  const path = e.path ?? '';
  if (path.startsWith('peer.cidr')) return 'cidr';
  if (path.startsWith('peer.groupId')) return 'groupId';
  if (path.startsWith('match.ports')) return 'ports';
  if (path.startsWith('match.protocol')) return 'protocol';
  if (path.startsWith('description')) return 'description';
  return 'rule';
}

/** The ACL entry form checked as typed: rule number 1-32766, ports, protocol number, CIDR; then the command itself. */
export function aclFormIssues(
  form: AclEntryForm,
  attempt: (entry: NetworkAclEntry) => Result<Design, ModelError>,
): Partial<Record<'ruleNumber' | 'ports' | 'protocol' | 'cidr' | 'entry', FieldIssue>> {
  const issues: Partial<Record<'ruleNumber' | 'ports' | 'protocol' | 'cidr' | 'entry', FieldIssue>> = {};
  const n = Number(form.ruleNumber);
  if (!/^\s*\d+\s*$/.test(form.ruleNumber) || n < 1 || n > 32766) issues.ruleNumber = { message: 'The rule number is a whole number from 1 to 32766; entries are evaluated lowest first.' };
  const preset = RULE_PRESETS.find((p) => p.id === form.presetId);
  if ((preset?.protocol === 'tcp' || preset?.protocol === 'udp') && !preset.ports) {
    const ports = portIssue(form.ports);
    if (ports) issues.ports = ports;
  }
  if (preset?.protocol === 'number') {
    const p = parseProtocolNumber(form.protocolNumber);
    if (!p.ok) issues.protocol = { message: p.error.message };
  }
  const cidr = cidrFieldIssue(form.cidr);
  if (cidr) issues.cidr = cidr;
  if (Object.keys(issues).length > 0) return issues;
  const entry = aclEntryFromForm(form);
  const result = entry.ok ? attempt(entry.value) : entry;
  if (!result.ok) issues[result.error.path === 'ruleNumber' ? 'ruleNumber' : result.error.path === 'cidr' ? 'cidr' : 'entry'] = { message: result.error.message };
  return issues;
}

function portIssue(text: string): FieldIssue | undefined {
  const ports = parsePorts(text);
  if (!ports.ok) return { message: ports.error.message };
  const { from, to } = ports.value;
  if (from > 65535 || to > 65535) return { message: `Ports run from 0 to 65535; ${Math.max(from, to)} is past the end.` };
  if (from > to) return { message: `${from}-${to} goes backwards: write ${to}-${from}.` };
  return undefined;
}
