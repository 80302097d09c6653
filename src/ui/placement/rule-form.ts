/**
 * The security-group rule form as data: presets people know (HTTPS, SSH, PostgreSQL…), the
 * conversion to the model's RuleInput, and the short way a rule is written in tables and on edges.
 */
import type { Design, ModelError, Result, RuleInput, SecurityGroupRule } from '../../core/model/index.ts';
import { err, modelError, ok } from '../../core/model/index.ts';

export interface RulePreset {
  id: string;
  label: string;
  protocol: 'tcp' | 'udp' | 'icmp' | 'all';
  /** Fixed ports, or undefined when people type them. */
  ports?: string;
}

export const RULE_PRESETS: readonly RulePreset[] = [
  { id: 'https', label: 'HTTPS (443)', protocol: 'tcp', ports: '443' },
  { id: 'http', label: 'HTTP (80)', protocol: 'tcp', ports: '80' },
  { id: 'ssh', label: 'SSH (22)', protocol: 'tcp', ports: '22' },
  { id: 'rdp', label: 'RDP (3389)', protocol: 'tcp', ports: '3389' },
  { id: 'postgres', label: 'PostgreSQL (5432)', protocol: 'tcp', ports: '5432' },
  { id: 'mysql', label: 'MySQL (3306)', protocol: 'tcp', ports: '3306' },
  { id: 'app', label: 'App port (8080)', protocol: 'tcp', ports: '8080' },
  { id: 'tcp', label: 'Custom TCP', protocol: 'tcp' },
  { id: 'udp', label: 'Custom UDP', protocol: 'udp' },
  { id: 'icmp', label: 'ICMP (all types)', protocol: 'icmp' },
  { id: 'all', label: 'All traffic', protocol: 'all' },
];

export interface RuleForm {
  presetId: string;
  /** "443", "1024-65535"; used by the custom presets. */
  ports: string;
  peerKind: 'cidr' | 'security-group';
  cidr: string;
  groupId: string;
  description: string;
}

export const EMPTY_RULE_FORM: RuleForm = { presetId: 'https', ports: '', peerKind: 'cidr', cidr: '0.0.0.0/0', groupId: '', description: '' };

/** "443" or "1024-65535" (spaces allowed around the dash). */
export function parsePorts(text: string): Result<{ from: number; to: number }, ModelError> {
  const m = /^\s*(\d{1,5})\s*(?:[-–]\s*(\d{1,5})\s*)?$/.exec(text);
  if (!m) return err(modelError('form/ports', 'Ports are a number such as 443, or a range such as 1024-65535.', { path: 'ports' }));
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return ok({ from, to });
}

/** The model's rule input for a filled-in form; the model's own checks (ranges, CIDRs, VPCs) follow in addRule. */
export function ruleFromForm(form: RuleForm): Result<RuleInput, ModelError> {
  const preset = RULE_PRESETS.find((p) => p.id === form.presetId);
  if (!preset) return err(modelError('form/preset', 'Choose what the rule allows.'));
  let input: RuleInput;
  const peer = form.peerKind === 'cidr' ? ({ kind: 'cidr', cidr: form.cidr.trim() } as const) : ({ kind: 'security-group', groupId: form.groupId } as const);
  if (form.peerKind === 'security-group' && !form.groupId) return err(modelError('form/group', 'Choose the security group to allow.', { path: 'groupId' }));
  if (preset.protocol === 'tcp' || preset.protocol === 'udp') {
    const ports = parsePorts(preset.ports ?? form.ports);
    if (!ports.ok) return ports;
    input = { match: { protocol: preset.protocol, ports: ports.value }, peer };
  } else if (preset.protocol === 'icmp') {
    input = { match: { protocol: 'icmp', icmp: { type: -1, code: -1 } }, peer };
  } else {
    input = { match: { protocol: 'all' }, peer };
  }
  const description = form.description.trim();
  return ok(description ? { ...input, description } : input);
}

/** "TCP 443", "UDP 1024-65535", "ICMP", "All traffic". */
export function matchLabel(rule: Pick<SecurityGroupRule, 'match'>): string {
  const { protocol, ports, icmp } = rule.match;
  if (protocol === 'all') return 'All traffic';
  if (protocol === 'tcp' || protocol === 'udp') {
    const range = !ports ? 'all ports' : ports.from === ports.to ? String(ports.from) : ports.from === 0 && ports.to === 65535 ? 'all ports' : `${ports.from}-${ports.to}`;
    return `${protocol.toUpperCase()} ${range}`;
  }
  if (protocol === 'icmp' || protocol === 'icmpv6') return icmp && icmp.type !== -1 ? `${protocol.toUpperCase()} type ${icmp.type}` : protocol.toUpperCase();
  return `Protocol ${protocol}`;
}

/** Who a rule names: a CIDR, a group's name, or a prefix list's. */
export function peerLabel(d: Design, rule: Pick<SecurityGroupRule, 'peer'>): string {
  const p = rule.peer;
  if (p.kind === 'cidr') return p.cidr === '0.0.0.0/0' || p.cidr === '::/0' ? `anywhere (${p.cidr})` : p.cidr;
  if (p.kind === 'prefix-list') return d.prefixLists[p.prefixListId]?.name ?? p.prefixListId;
  return d.securityGroups[p.groupId]?.name ?? p.groupName ?? p.groupId;
}
