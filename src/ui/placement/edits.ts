/**
 * Edits the designer makes that span several model commands (move with a new slot, duplicate,
 * delete whatever is selected). Each is pure and returns the model's Result, so one edit is one
 * store update and one undo step.
 */
import type { Design, EntityCollection, ModelError, NodeLayout, Result } from '../../core/model/index.ts';
import {
  ENTITY_COLLECTIONS,
  duplicateResource,
  err,
  modelError,
  moveResource,
  newId,
  ok,
  removeExternalNetwork,
  removeGateway,
  removeResources,
  removeSecurityGroup,
  removeSubnet,
  removeVpc,
  renameExternalNetwork,
  renameResource,
  renameSecurityGroup,
  renameSubnet,
  renameVpc,
  setLayout,
} from '../../core/model/index.ts';
import { designGeometry, freeSlot, missingLayout, relativePosition, type Point } from './geometry.ts';
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
    case 'internetGateways':
      return removeGateway(d, collectionOf(d, id) as 'natGateways' | 'internetGateways', id);
    case 'externalNetworks':
      return removeExternalNetwork(d, id);
    default:
      return err(modelError('remove/unsupported', 'This item cannot be deleted from the canvas.'));
  }
}

/** Duplicates a resource (the model's command) and gives the copy the next free slot in its subnet. */
export function duplicateResourceHere(d: Design, resourceId: string): Result<{ design: Design; id: string }, ModelError> {
  const id = newId(d, 'resources');
  const added = duplicateResource(d, resourceId, { id });
  if (!added.ok) return added;
  const laid = setLayout(added.value, { [id]: missingLayout(added.value)[id] ?? { x: PAD, y: SUBNET_HEADER } });
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
