/**
 * Edits the designer makes that span several model commands (move with a new slot, duplicate,
 * delete whatever is selected). Each is pure and returns the model's Result, so one edit is one
 * store update and one undo step.
 */
import type { AddResourceArgs, Design, EntityCollection, ModelError, NodeLayout, Result } from '../../core/model/index.ts';
import {
  ENTITY_COLLECTIONS,
  err,
  groupsOfResource,
  modelError,
  moveResource,
  newId,
  ok,
  removeGateway,
  removeResources,
  removeSecurityGroup,
  removeSubnet,
  removeVpc,
  renameResource,
  renameSecurityGroup,
  renameSubnet,
  renameVpc,
  setLayout,
  addResource,
  textIssue,
  withoutLayout,
} from '../../core/model/index.ts';
import { designGeometry, freeSlot, relativePosition, type Point } from './geometry.ts';
import { nameBase, nextName } from './naming.ts';
import { PAD, RESOURCE_SIZE, SUBNET_HEADER } from './sizes.ts';

type Edit = Result<Design, ModelError>;

/** Which collection an id belongs to. */
export function collectionOf(d: Design, id: string): EntityCollection | undefined {
  return ENTITY_COLLECTIONS.find((c) => Object.hasOwn(d[c], id));
}

/**
 * Moves a resource into another subnet (its interface takes an address there) and places it at
 * the absolute point `at`, or in the subnet's next free slot.
 */
export function moveResourceTo(d: Design, resourceId: string, subnetId: string, at?: Point): Edit {
  const moved = moveResource(d, resourceId, subnetId);
  if (!moved.ok) return moved;
  const geometry = designGeometry(moved.value);
  const position = at
    ? relativePosition(geometry, subnetId, RESOURCE_SIZE, at)
    : freeSlot(
        geometry.filter((n) => n.parentId === subnetId && n.id !== resourceId),
        RESOURCE_SIZE,
        { x: PAD, y: SUBNET_HEADER },
        1,
      );
  return setLayout(moved.value, { [resourceId]: position });
}

/** Renames any named entity through its own command (external networks through `renameExternalNetwork`). */
export function renameEntity(d: Design, id: string, name: string): Edit {
  switch (collectionOf(d, id)) {
    case 'vpcs':
      return renameVpc(d, id, name);
    case 'subnets':
      return renameSubnet(d, id, name);
    case 'resources':
      return renameResource(d, id, name);
    case 'securityGroups':
      return renameSecurityGroup(d, id, name);
    case 'externalNetworks':
      return renameExternalNetwork(d, id, name);
    default:
      return err(modelError('rename/unsupported', 'This item cannot be renamed here.'));
  }
}

/** Deletes any entity through its own command; a group in use is refused unless `force`. */
export function removeEntity(d: Design, id: string, options: { force?: boolean } = {}): Edit {
  switch (collectionOf(d, id)) {
    case 'vpcs':
      return removeVpc(d, id);
    case 'subnets':
      return removeSubnet(d, id);
    case 'resources':
      return removeResources(d, [id]);
    case 'securityGroups':
      return removeSecurityGroup(d, id, options);
    case 'natGateways':
    case 'internetGateways': {
      const removed = removeGateway(d, collectionOf(d, id) as 'natGateways' | 'internetGateways', id);
      return removed.ok ? ok(withoutLayout(removed.value, [id])) : removed;
    }
    case 'externalNetworks':
      return removeExternalNetwork(d, id);
    default:
      return err(modelError('remove/unsupported', 'This item cannot be deleted from the canvas.'));
  }
}

// The model has no commands for these two yet; they live here until it does (see the report).
/** Renames an external network. */
export function renameExternalNetwork(d: Design, id: string, name: string): Edit {
  const network = d.externalNetworks[id];
  if (!network) return err(modelError('externalNetworks/not-found', `There is no external network "${id}" in the design.`));
  const bad = textIssue(name, 'name', 'name');
  if (bad) return err(bad);
  return ok({ ...d, externalNetworks: { ...d.externalNetworks, [id]: { ...network, name } } });
}

/** Removes an external network and its layout. */
export function removeExternalNetwork(d: Design, id: string): Edit {
  if (!d.externalNetworks[id]) return err(modelError('externalNetworks/not-found', `There is no external network "${id}" in the design.`));
  const { [id]: _gone, ...rest } = d.externalNetworks;
  return ok(withoutLayout({ ...d, externalNetworks: rest }, [id]));
}

/** Renames the design itself (the model has no command for it). */
export function renameDesign(d: Design, name: string): Edit {
  const bad = textIssue(name, 'name', 'name');
  if (bad) return err(bad);
  return ok({ ...d, name });
}

/** Duplicates a resource into the same subnets with the same groups and settings, next to the original. */
export function duplicateResource(d: Design, resourceId: string): Result<{ design: Design; id: string }, ModelError> {
  const r = d.resources[resourceId];
  if (!r) return err(modelError('duplicate/unsupported', 'Only resources (instances, load balancers, databases, functions) can be duplicated.'));
  const id = newId(d, 'resources');
  const args: AddResourceArgs = {
    id,
    kind: r.kind,
    name: nextName(Object.values(d.resources).map((x) => x.name), nameBase(r.name)),
    subnetIds: r.kind === 'database' ? r.subnetIds : r.enis.map((e) => e.subnetId),
    securityGroupIds: groupsOfResource(r),
    publicIp: r.enis.some((e) => e.publicIp),
  };
  if (r.kind === 'instance' || r.kind === 'instance-group') Object.assign(args, { role: r.role, platform: r.platform });
  if (r.kind === 'instance-group') args.count = r.count;
  if (r.kind === 'load-balancer') Object.assign(args, { scheme: r.scheme, listeners: r.listeners, targetGroups: r.targetGroups });
  if (r.kind === 'database') Object.assign(args, { engine: r.engine, port: r.port, publiclyAccessible: r.publiclyAccessible });
  const added = addResource(d, args);
  if (!added.ok) return added;
  const subnetId = r.enis[0]?.subnetId;
  const geometry = designGeometry(added.value);
  const slot = freeSlot(
    geometry.filter((n) => n.parentId === subnetId && n.id !== id),
    RESOURCE_SIZE,
    { x: PAD, y: SUBNET_HEADER },
    1,
  );
  const laid = setLayout(added.value, { [id]: slot });
  return laid.ok ? ok({ design: laid.value, id }) : laid;
}

/** Moves a node by a few pixels within its parent (arrow keys). */
export function nudge(d: Design, id: string, dx: number, dy: number): Edit {
  const node = designGeometry(d).find((n) => n.id === id);
  if (!node) return err(modelError('layout/not-found', 'Select something on the canvas to move it.'));
  const next: NodeLayout = { ...d.layout[id], x: node.x + dx, y: node.y + dy };
  if (node.parentId) {
    next.x = Math.max(0, next.x);
    next.y = Math.max(0, next.y);
  }
  return setLayout(d, { [id]: next });
}
