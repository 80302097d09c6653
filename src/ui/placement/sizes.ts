/** Sizes of canvas nodes, shared by the canvas and by placement (free slots, containment). */

export type NodeKind = 'vpc' | 'subnet' | 'resource' | 'gateway' | 'external';

export interface Size {
  width: number;
  height: number;
}

export const RESOURCE_SIZE: Size = { width: 248, height: 144 };
export const GATEWAY_SIZE: Size = { width: 224, height: 64 };
export const EXTERNAL_SIZE: Size = { width: 220, height: 84 };
export const SUBNET_MIN: Size = { width: 312, height: 236 };
export const VPC_MIN: Size = { width: 720, height: 400 };

/** Room above a container's children for its title row. */
export const SUBNET_HEADER = 64;
export const VPC_HEADER = 72;
/** Space between a container's edge and its children, and between siblings. */
export const PAD = 32;
export const GAP = 28;

export function minimumSize(kind: NodeKind): Size {
  switch (kind) {
    case 'vpc':
      return VPC_MIN;
    case 'subnet':
      return SUBNET_MIN;
    case 'resource':
      return RESOURCE_SIZE;
    case 'gateway':
      return GATEWAY_SIZE;
    case 'external':
      return EXTERNAL_SIZE;
  }
}

export function headerOf(kind: NodeKind): number {
  return kind === 'vpc' ? VPC_HEADER : kind === 'subnet' ? SUBNET_HEADER : 0;
}
