import { memo } from 'react';
import { Background, ReactFlow, type Node, type NodeProps } from '@xyflow/react';

type ZoneNode = Node<{ label: string; detail: string }, 'zone'>;

/** A labelled container (VPC, subnet): children sit inside it with positions relative to it. */
const Zone = memo(function Zone({ data }: NodeProps<ZoneNode>) {
  return (
    <div className="px-3 py-2 text-left">
      <div className="text-xs font-semibold text-slate-700">{data.label}</div>
      <div className="font-mono text-[10px] text-slate-500">{data.detail}</div>
    </div>
  );
});

const nodeTypes = { zone: Zone };

// Parents before children; child positions are relative to the parent.
const nodes: Node[] = [
  {
    id: 'vpc',
    type: 'zone',
    ariaLabel: 'VPC main',
    position: { x: 0, y: 0 },
    data: { label: 'VPC main', detail: '10.0.0.0/16' },
    className: 'rounded-xl border-2 border-dashed border-sky-400 bg-sky-50/60',
    style: { width: 440, height: 250 },
  },
  {
    id: 'subnet',
    type: 'zone',
    ariaLabel: 'Subnet web-a',
    parentId: 'vpc',
    extent: 'parent',
    position: { x: 30, y: 60 },
    data: { label: 'Subnet web-a', detail: '10.0.1.0/24 · public' },
    className: 'rounded-lg border border-emerald-400 bg-emerald-50',
    style: { width: 380, height: 160 },
  },
  {
    id: 'instance',
    type: 'default',
    ariaLabel: 'Instance web-1',
    parentId: 'subnet',
    extent: 'parent',
    position: { x: 110, y: 70 },
    data: { label: 'Instance web-1' },
    // Must beat React Flow's default node style (3px radius, dark border): proves the layer order.
    className: 'rounded-lg border-amber-400 bg-amber-50 text-sm text-slate-800 shadow-sm',
  },
];

/** A fixed three-node canvas (VPC > subnet > instance) shown until the real designer lands. */
export function PreviewCanvas() {
  return (
    <ReactFlow defaultNodes={nodes} defaultEdges={[]} nodeTypes={nodeTypes} fitView>
      <Background gap={20} />
    </ReactFlow>
  );
}
