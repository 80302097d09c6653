/**
 * Route tables and network ACLs as the subnet inspector shows and edits them: target choices,
 * labels, and "new table for this subnet" as one edit (create, then associate).
 */
import type { Design, ModelError, NetworkAclEntry, Result, RouteTarget } from '../../core/model/index.ts';
import { addNetworkAcl, addRouteTable, associateNetworkAcl, associateRouteTable, err, modelError, newId } from '../../core/model/index.ts';
import { nextName } from './naming.ts';
import { formFromRule, matchLabel, parsePorts, parseProtocolNumber, RULE_PRESETS } from './rule-form.ts';

export interface TargetOption {
  value: string;
  label: string;
  target: RouteTarget;
}

/** Where a route in this VPC can send traffic: its internet gateway, NAT gateways, peerings. */
export function routeTargetOptions(d: Design, vpcId: string): TargetOption[] {
  const options: TargetOption[] = [];
  for (const g of Object.values(d.internetGateways)) {
    if (g.vpcId === vpcId) options.push({ value: g.id, label: `${g.name} (internet gateway)`, target: { kind: 'internet-gateway', id: g.id } });
  }
  for (const n of Object.values(d.natGateways)) {
    if (d.subnets[n.subnetId]?.vpcId === vpcId) options.push({ value: n.id, label: `${n.name} (NAT gateway)`, target: { kind: 'nat-gateway', id: n.id } });
  }
  for (const p of Object.values(d.peerings)) {
    if (p.requester.vpcId === vpcId || p.accepter.vpcId === vpcId) options.push({ value: p.id, label: `${p.name} (peering)`, target: { kind: 'peering', id: p.id } });
  }
  return options;
}

export function targetLabel(d: Design, target: RouteTarget): string {
  switch (target.kind) {
    case 'local':
      return 'local';
    case 'internet-gateway':
      return d.internetGateways[target.id]?.name ?? `${target.id} (gone)`;
    case 'nat-gateway':
      return d.natGateways[target.id]?.name ?? `${target.id} (gone)`;
    case 'peering':
      return d.peerings[target.id]?.name ?? `${target.id} (gone)`;
    case 'other':
      return target.id;
  }
}

/** Creates a route table and associates it with the subnet: one edit, one undo step. */
export function newRouteTableFor(d: Design, subnetId: string): Result<Design, ModelError> {
  const subnet = d.subnets[subnetId];
  if (!subnet) return err(modelError('subnets/not-found', `There is no subnet "${subnetId}".`));
  const id = newId(d, 'routeTables');
  const added = addRouteTable(d, { id, vpcId: subnet.vpcId, name: nextName(Object.values(d.routeTables).map((t) => t.name), `${subnet.name}-rt`) });
  return added.ok ? associateRouteTable(added.value, subnetId, id) : added;
}

/** Creates a network ACL (which denies everything until given entries) and associates it with the subnet. */
export function newNetworkAclFor(d: Design, subnetId: string): Result<Design, ModelError> {
  const subnet = d.subnets[subnetId];
  if (!subnet) return err(modelError('subnets/not-found', `There is no subnet "${subnetId}".`));
  const id = newId(d, 'networkAcls');
  const added = addNetworkAcl(d, { id, vpcId: subnet.vpcId, name: nextName(Object.values(d.networkAcls).map((a) => a.name), `${subnet.name}-acl`) });
  return added.ok ? associateNetworkAcl(added.value, subnetId, id) : added;
}

export interface AclEntryForm {
  egress: boolean;
  ruleNumber: string;
  action: 'allow' | 'deny';
  presetId: string;
  ports: string;
  protocolNumber: string;
  cidr: string;
}

export const EMPTY_ACL_FORM: AclEntryForm = { egress: false, ruleNumber: '100', action: 'allow', presetId: 'https', ports: '', protocolNumber: '', cidr: '0.0.0.0/0' };

/** The model's ACL entry for a filled-in form; `setNetworkAclEntry` makes the remaining checks. */
export function aclEntryFromForm(form: AclEntryForm): Result<NetworkAclEntry, ModelError> {
  if (!/^\s*\d+\s*$/.test(form.ruleNumber)) return err(modelError('form/rule-number', 'The rule number is a whole number from 1 to 32766.', { path: 'ruleNumber' }));
  const preset = RULE_PRESETS.find((p) => p.id === form.presetId);
  if (!preset) return err(modelError('form/preset', 'Choose what the entry matches.'));
  const base = { ruleNumber: Number(form.ruleNumber), egress: form.egress, action: form.action, cidr: form.cidr.trim() };
  if (preset.protocol === 'tcp' || preset.protocol === 'udp') {
    const ports = parsePorts(preset.ports ?? form.ports);
    if (!ports.ok) return ports;
    return { ok: true, value: { ...base, match: { protocol: preset.protocol, ports: ports.value } } };
  }
  if (preset.protocol === 'icmp') return { ok: true, value: { ...base, match: { protocol: 'icmp', icmp: { type: -1, code: -1 } } } };
  if (preset.protocol === 'number') {
    const protocol = parseProtocolNumber(form.protocolNumber);
    return protocol.ok ? { ok: true, value: { ...base, match: { protocol: protocol.value } } } : protocol;
  }
  return { ok: true, value: { ...base, match: { protocol: 'all' } } };
}

/** The form that shows an existing entry, for editing it in place (its Type read back as in formFromRule). */
export function aclFormFromEntry(e: NetworkAclEntry): Result<AclEntryForm, ModelError> {
  const rule = formFromRule({ match: e.match, peer: { kind: 'cidr', cidr: e.cidr } });
  if (!rule.ok) return rule;
  const { presetId, ports, protocolNumber } = rule.value;
  return { ok: true, value: { egress: e.egress, ruleNumber: String(e.ruleNumber), action: e.action, presetId, ports, protocolNumber, cidr: e.cidr } };
}

/** "100 allow TCP 443 from 0.0.0.0/0". */
export function aclEntryLabel(e: NetworkAclEntry): string {
  return `${e.ruleNumber} ${e.action} ${matchLabel(e)} ${e.egress ? 'to' : 'from'} ${e.cidr}`;
}
