/**
 * The baseline for `npm run bench:ui`: React Flow alone, with the same nodes (ids, positions,
 * parents, sizes) the designer draws for a design, and none of Tierwise's code. The bench writes
 * the nodes and the canvas size into localStorage before loading this page.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlow, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';

const BARE_NODES_KEY = 'tierwise.bench.nodes';
const BARE_SIZE_KEY = 'tierwise.bench.size';

const nodes = JSON.parse(localStorage.getItem(BARE_NODES_KEY) ?? '[]') as Node[];
// The designer's canvas is narrower than the window (panels on both sides): fit into the same box.
const size = JSON.parse(localStorage.getItem(BARE_SIZE_KEY) ?? '{"width":1440,"height":900}') as { width: number; height: number };

// StrictMode as in the app, so a development-server run compares like with like.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <div style={{ width: size.width, height: size.height }}>
      <ReactFlow defaultNodes={nodes} fitView fitViewOptions={{ padding: 0.12, maxZoom: 1 }} minZoom={0.05} maxZoom={2} />
    </div>
  </StrictMode>,
);
