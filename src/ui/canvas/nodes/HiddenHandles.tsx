import { Handle, Position } from '@xyflow/react';

const hidden = { opacity: 0, pointerEvents: 'none' as const, width: 1, height: 1, minWidth: 0, minHeight: 0, border: 0 };

/** Anchors for rule edges: connections come in on the left and leave on the right. Not for drawing by hand. */
export function HiddenHandles() {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} style={hidden} />
      <Handle type="source" position={Position.Right} isConnectable={false} style={hidden} />
    </>
  );
}
