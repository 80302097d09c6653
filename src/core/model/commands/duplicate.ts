/** Duplicating a resource: same kind, subnets, groups and settings, fresh addresses and the next free name. */
import type { Design } from '../types.ts';
import { err } from '../result.ts';
import { modelError } from '../errors.ts';
import { groupsOfResource } from '../queries.ts';
import type { CommandResult } from './common.ts';
import { find, newId } from './common.ts';
import { addResource, type AddResourceArgs } from './resource.ts';

/** `web-3` -> the lowest free `web-n`; a name without a number gets `-2`, `-3`… */
export function copyName(taken: Iterable<string>, name: string): string {
  const set = new Set(taken);
  const base = /^(.*?)-\d+$/.exec(name)?.[1] ?? name;
  let n = 1;
  while (set.has(`${base}-${n}`) || (n === 1 && base === name)) n++;
  return `${base}-${n}`;
}

/**
 * Adds a copy of a resource as `args.id` (or the next free id). The copy has no layout entry:
 * the canvas gives it the next free slot beside the original.
 */
export function duplicateResource(d: Design, resourceId: string, args: { id?: string; name?: string } = {}): CommandResult {
  const found = find(d, 'resources', resourceId);
  if (!found.ok) return found;
  const r = found.value;
  const id = args.id ?? newId(d, 'resources');
  if (d.resources[id]) return err(modelError('resources/duplicate', `A resource with id ${id} already exists.`, { subject: id }));
  const base: AddResourceArgs = {
    id,
    kind: r.kind,
    name: args.name ?? copyName(Object.values(d.resources).map((x) => x.name), r.name),
    subnetIds: r.kind === 'database' ? r.subnetIds : r.enis.map((e) => e.subnetId),
    securityGroupIds: groupsOfResource(r),
    publicIp: r.enis.some((e) => e.publicIp !== undefined),
  };
  switch (r.kind) {
    case 'instance':
      return addResource(d, { ...base, role: r.role, platform: r.platform });
    case 'instance-group':
      return addResource(d, { ...base, role: r.role, platform: r.platform, count: r.count });
    case 'load-balancer':
      // Target groups keep their targets; listener and target-group ids are the resource's own, so they may repeat.
      return addResource(d, { ...base, scheme: r.scheme, listeners: r.listeners.map((l) => ({ ...l })), targetGroups: r.targetGroups.map((t) => ({ ...t, targets: t.targets.map((x) => ({ ...x })) })) });
    case 'database':
      return addResource(d, { ...base, engine: r.engine, port: r.port, publiclyAccessible: r.publiclyAccessible });
    case 'lambda':
      return addResource(d, base);
  }
}
