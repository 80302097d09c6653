import { Handle, Position } from '@xyflow/react';

const hidden = { opacity: 0, pointerEvents: 'none' as const, width: 1, height: 1, minWidth: 0, minHeight: 0, border: 0 };

/** Invisible anchors so path edges can run through a node people never connect (a gateway). */
export function PathHandles() {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} style={hidden} />
      <Handle type="source" position={Position.Right} isConnectable={false} style={hidden} />
    </>
  );
}
