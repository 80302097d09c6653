/**
 * The security-group rule form as data: presets people know (HTTPS, SSH, PostgreSQL…), the
 * conversion to the model's RuleInput, and the short way a rule is written in tables and on edges.
 */
import type { Design, ModelError, Result, RuleInput, SecurityGroupRule } from '../../core/model/index.ts';
import { err, modelError, ok } from '../../core/model/index.ts';

export interface RulePreset {
  id: string;
  /** The AWS console's name for it, spelled as the console spells it. */
  label: string;
  /** `number`: Custom protocol, where people type an IP protocol number. */
  protocol: 'tcp' | 'udp' | 'icmp' | 'all' | 'number';
  /** Fixed ports, or undefined when people type them. */
  ports?: string;
}

/** The console's Type list, in the order people look for them; the custom ones last. */
export const RULE_PRESETS: readonly RulePreset[] = [
  { id: 'ssh', label: 'SSH', protocol: 'tcp', ports: '22' },
  { id: 'http', label: 'HTTP', protocol: 'tcp', ports: '80' },
  { id: 'https', label: 'HTTPS', protocol: 'tcp', ports: '443' },
  { id: 'rdp', label: 'RDP', protocol: 'tcp', ports: '3389' },
  { id: 'mysql', label: 'MySQL/Aurora', protocol: 'tcp', ports: '3306' },
  { id: 'postgres', label: 'PostgreSQL', protocol: 'tcp', ports: '5432' },
  { id: 'mssql', label: 'MSSQL', protocol: 'tcp', ports: '1433' },
  { id: 'oracle', label: 'Oracle', protocol: 'tcp', ports: '1521' },
  { id: 'redis', label: 'Redis', protocol: 'tcp', ports: '6379' },
  { id: 'mongodb', label: 'MongoDB', protocol: 'tcp', ports: '27017' },
  { id: 'dns-udp', label: 'DNS (UDP)', protocol: 'udp', ports: '53' },
  { id: 'icmp', label: 'All ICMP - IPv4', protocol: 'icmp' },
  { id: 'all', label: 'All traffic', protocol: 'all' },
  { id: 'tcp', label: 'Custom TCP', protocol: 'tcp' },
  { id: 'udp', label: 'Custom UDP', protocol: 'udp' },
  { id: 'protocol', label: 'Custom protocol', protocol: 'number' },
];

export interface RuleForm {
  presetId: string;
  /** "443", "1024-65535"; used by the custom presets. */
  ports: string;
  /** An IP protocol number 0-255; used by Custom protocol. */
  protocolNumber: string;
  peerKind: 'cidr' | 'security-group';
  cidr: string;
  groupId: string;
  description: string;
}

export const EMPTY_RULE_FORM: RuleForm = { presetId: 'https', ports: '', protocolNumber: '', peerKind: 'cidr', cidr: '0.0.0.0/0', groupId: '', description: '' };

/** "443" or "1024-65535" (spaces allowed around the dash). */
export function parsePorts(text: string): Result<{ from: number; to: number }, ModelError> {
  const m = /^\s*(\d{1,5})\s*(?:[-–]\s*(\d{1,5})\s*)?$/.exec(text);
  if (!m) return err(modelError('form/ports', 'Ports are a number such as 443, or a range such as 1024-65535.', { path: 'ports' }));
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return ok({ from, to });
}

/**
 * Custom protocol's number, 0-255. TCP, UDP and ICMP have their own Types (with ports or ICMP
 * types), so their numbers point there instead of making a rule the console would not.
 */
export function parseProtocolNumber(text: string): Result<number, ModelError> {
  if (!/^\s*\d{1,3}\s*$/.test(text) || Number(text) > 255) {
    return err(modelError('form/protocol', 'The protocol is an IP protocol number from 0 to 255, such as 50 (ESP) or 47 (GRE).', { path: 'protocol' }));
  }
  const n = Number(text);
  const own = n === 6 ? 'Custom TCP' : n === 17 ? 'Custom UDP' : n === 1 ? 'All ICMP - IPv4' : undefined;
  if (own) return err(modelError('form/protocol-has-type', `Protocol ${n} has its own Type: choose ${own}.`, { path: 'protocol' }));
  return ok(n);
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
  } else if (preset.protocol === 'number') {
    const protocol = parseProtocolNumber(form.protocolNumber);
    if (!protocol.ok) return protocol;
    input = { match: { protocol: protocol.value }, peer };
  } else {
    input = { match: { protocol: 'all' }, peer };
  }
  const description = form.description.trim();
  return ok(description ? { ...input, description } : input);
}

/**
 * The form that shows an existing rule, for editing it in place: its Type when one matches
 * exactly (TCP 22 is SSH), else Custom TCP/UDP/protocol. Refuses what the form cannot show
 * (one ICMP type, a prefix list) rather than lose it on save.
 */
export function formFromRule(rule: Pick<SecurityGroupRule, 'match' | 'peer' | 'description'>): Result<RuleForm, ModelError> {
  const { protocol, ports, icmp } = rule.match;
  const portText = ports ? (ports.from === ports.to ? String(ports.from) : `${ports.from}-${ports.to}`) : '';
  let presetId: string;
  let protocolNumber = '';
  if (protocol === 'tcp' || protocol === 'udp') {
    presetId = RULE_PRESETS.find((p) => p.protocol === protocol && p.ports === portText)?.id ?? protocol;
  } else if (protocol === 'icmp') {
    if (icmp && icmp.type !== -1) return err(modelError('form/icmp-type', 'This rule allows one ICMP type; the editor only offers All ICMP - IPv4. Delete and re-add it to change it.'));
    presetId = 'icmp';
  } else if (protocol === 'all') {
    presetId = 'all';
  } else {
    presetId = 'protocol';
    protocolNumber = String(protocol === 'icmpv6' ? 58 : protocol);
  }
  const base = { ...EMPTY_RULE_FORM, presetId, protocolNumber, ports: RULE_PRESETS.find((p) => p.id === presetId)?.ports ? '' : portText, description: rule.description ?? '' };
  const peer = rule.peer;
  if (peer.kind === 'cidr') return ok({ ...base, peerKind: 'cidr', cidr: peer.cidr });
  if (peer.kind === 'security-group') return ok({ ...base, peerKind: 'security-group', groupId: peer.groupId, cidr: '' });
  return err(modelError('form/prefix-list', 'This rule names a prefix list, which the editor cannot choose yet. Delete and re-add it to change it.'));
}

/** The protocol and port range a form stands for, as the console's read-only columns show them. */
export function presetColumns(form: Pick<RuleForm, 'presetId' | 'ports' | 'protocolNumber'>): { protocol: string; ports: string } {
  const preset = RULE_PRESETS.find((p) => p.id === form.presetId);
  if (!preset) return { protocol: '', ports: '' };
  if (preset.protocol === 'tcp' || preset.protocol === 'udp') return { protocol: preset.protocol.toUpperCase(), ports: preset.ports ?? form.ports };
  if (preset.protocol === 'icmp') return { protocol: 'ICMP', ports: 'All' };
  if (preset.protocol === 'all') return { protocol: 'All', ports: 'All' };
  return { protocol: form.protocolNumber, ports: 'All' };
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
