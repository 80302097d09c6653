/**
 * The "allow a connection" form as data: which groups each end may use (an existing one, or a new
 * one named after the tier), the port presets, and the model's ConnectArgs for a filled-in form.
 */
import type { ConnectArgs, Design, GroupChoice, ModelError, Result } from '../../core/model/index.ts';
import { err, groupNameIssue, groupsOfResource, modelError, newId, ok, vpcOfResource } from '../../core/model/index.ts';
import { nameBase } from './naming.ts';
import { parsePorts } from './rule-form.ts';

export const CONNECT_PRESETS = [
  { id: 'https', label: 'HTTPS (443)', ports: '443' },
  { id: 'http', label: 'HTTP (80)', ports: '80' },
  { id: 'ssh', label: 'SSH (22)', ports: '22' },
  { id: 'rdp', label: 'RDP (3389)', ports: '3389' },
  { id: 'postgres', label: 'PostgreSQL (5432)', ports: '5432' },
  { id: 'mysql', label: 'MySQL (3306)', ports: '3306' },
  { id: 'app', label: 'App port (8080)', ports: '8080' },
  { id: 'custom', label: 'Other TCP port…', ports: '' },
] as const;

/** `NEW` in a group field means "a new group named after the tier". */
export const NEW_GROUP = 'new';

export interface ConnectForm {
  sourceId: string;
  targetId: string;
  presetId: string;
  /** For the custom preset: "9000" or "9000-9100". */
  ports: string;
  sourceGroup: string;
  targetGroup: string;
  newSourceGroupName: string;
  newTargetGroupName: string;
}

/** `web-1` -> `web-sg`: the group a tier's members share. */
export function tierGroupName(resourceName: string): string {
  const base = nameBase(resourceName).replace(/^sg-/i, '');
  return `${base || 'tier'}-sg`;
}

/** The groups an end may use: those of its VPC, its own first. */
export function groupChoices(d: Design, resourceId: string): Array<{ id: string; name: string; attached: boolean }> {
  const r = d.resources[resourceId];
  if (!r) return [];
  const vpcId = vpcOfResource(d, r);
  const attached = groupsOfResource(r);
  return Object.values(d.securityGroups)
    .filter((g) => g.vpcId === vpcId)
    .map((g) => ({ id: g.id, name: g.name, attached: attached.includes(g.id) }))
    .sort((a, b) => Number(b.attached) - Number(a.attached) || a.name.localeCompare(b.name));
}

/** The group an end starts with: the chip the drag began on, else its first non-default group, else a new one. */
export function defaultGroup(d: Design, resourceId: string, preferred?: string): string {
  const r = d.resources[resourceId];
  if (!r) return NEW_GROUP;
  const groups = groupsOfResource(r);
  if (preferred && groups.includes(preferred)) return preferred;
  return groups.find((g) => !d.securityGroups[g]?.isDefault) ?? NEW_GROUP;
}

/** A form filled in with sensible defaults for a source and a target. */
export function initialConnectForm(d: Design, sourceId = '', targetId = '', sourceGroupId?: string): ConnectForm {
  const target = d.resources[targetId];
  const presetId = target?.kind === 'database' ? (target.port === 3306 ? 'mysql' : 'postgres') : target?.kind === 'load-balancer' ? 'https' : sourceId && d.resources[sourceId] ? 'app' : 'https';
  return {
    sourceId,
    targetId,
    presetId,
    ports: '',
    sourceGroup: defaultGroup(d, sourceId, sourceGroupId),
    targetGroup: defaultGroup(d, targetId),
    newSourceGroupName: d.resources[sourceId] ? tierGroupName(d.resources[sourceId].name) : '',
    newTargetGroupName: target ? tierGroupName(target.name) : '',
  };
}

/** The model's arguments, with the ids new groups will get (so the caller can select the connection). */
export function connectArgs(d: Design, form: ConnectForm): Result<{ args: ConnectArgs; key: string }, ModelError> {
  if (!form.sourceId) return err(modelError('form/source', 'Choose where the connection comes from.', { path: 'sourceId' }));
  if (!d.resources[form.targetId]) return err(modelError('form/target', 'Choose the resource the connection goes to.', { path: 'targetId' }));
  const preset = CONNECT_PRESETS.find((p) => p.id === form.presetId);
  if (!preset) return err(modelError('form/preset', 'Choose what the connection carries.'));
  const ports = parsePorts(preset.ports || form.ports);
  if (!ports.ok) return ports;
  const taken = new Set<string>();
  const choose = (group: string, name: string): Result<{ choice: GroupChoice; id: string }, ModelError> => {
    if (group !== NEW_GROUP) return ok({ choice: { groupId: group }, id: group });
    const bad = groupNameIssue(name.trim(), 'name');
    if (bad) return err(bad);
    const existing = Object.values(d.securityGroups).find((g) => g.name === name.trim());
    if (existing) return ok({ choice: { groupId: existing.id }, id: existing.id });
    const id = newId(d, 'securityGroups', taken);
    taken.add(id);
    return ok({ choice: { newGroupName: name.trim(), id }, id });
  };
  const target = choose(form.targetGroup, form.newTargetGroupName);
  if (!target.ok) return target;
  const match = { protocol: 'tcp' as const, ports: ports.value };
  if (d.externalNetworks[form.sourceId]) {
    return ok({ args: { source: { externalNetworkId: form.sourceId }, targetResourceId: form.targetId, targetGroup: target.value.choice, match }, key: `${form.sourceId}>${target.value.id}` });
  }
  if (!d.resources[form.sourceId]) return err(modelError('form/source', 'Choose where the connection comes from.', { path: 'sourceId' }));
  const source = choose(form.sourceGroup, form.newSourceGroupName);
  if (!source.ok) return source;
  return ok({
    args: { source: { resourceId: form.sourceId, group: source.value.choice }, targetResourceId: form.targetId, targetGroup: target.value.choice, match },
    key: `${source.value.id}>${target.value.id}`,
  });
}
