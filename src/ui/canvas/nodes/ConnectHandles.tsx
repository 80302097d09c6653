import { Handle, Position } from '@xyflow/react';

const hidden = { opacity: 0, pointerEvents: 'none' as const, width: 1, height: 1, minWidth: 0, minHeight: 0, border: 0 };

/**
 * Anchors for connection edges, and the dot people drag from to allow a connection: drop it on
 * another resource and a dialog asks for the port and the groups. Its keyboard twin is the
 * command palette's "Allow a connection…".
 */
export function ConnectHandles({ name }: { name: string }) {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} style={hidden} />
      <Handle
        type="source"
        position={Position.Right}
        isConnectable
        className="tw-connect nodrag"
        aria-label={`Drag to connect ${name} to another resource`}
        title="Drag onto another resource to allow a connection"
      />
    </>
  );
}
