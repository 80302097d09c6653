/** Node components by type, at module scope so React Flow never sees a new object. */
import type { NodeTypes } from '@xyflow/react';
import { VpcNode } from './nodes/VpcNode.tsx';
import { SubnetNode } from './nodes/SubnetNode.tsx';
import { ResourceNode } from './nodes/ResourceNode.tsx';
import { GatewayNode } from './nodes/GatewayNode.tsx';
import { ExternalNode } from './nodes/ExternalNode.tsx';

export const nodeTypes: NodeTypes = {
  vpc: VpcNode,
  subnet: SubnetNode,
  resource: ResourceNode,
  gateway: GatewayNode,
  external: ExternalNode,
};
