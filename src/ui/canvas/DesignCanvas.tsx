/**
 * The canvas: React Flow over the design. Nodes come from the design (memoised per entity);
 * during a drag React Flow's local copy moves, and the store hears of it once, on drag stop, as
 * one command, so a drag is one undo step and nothing else re-renders per frame.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type NodeChange,
  type ReactFlowInstance,
  type OnNodeDrag,
  type OnConnectEnd,
} from '@xyflow/react';
import { designStore, useStore } from '../store/index.ts';
import { createFlowAdapter, type DesignNode } from './adapters/design-to-flow.ts';
import { commitDrag } from './drag-commit.ts';
import { nodeTypes } from './node-types.ts';
import { edgeTypes } from './edge-types.ts';
import type { RuleFlowEdge } from './edges/RuleEdge.tsx';
import { useRuleEdges } from './use-rule-edges.ts';
import { usePlacedLabels } from './use-label-placement.ts';
import { usePathEdges } from './use-path-edges.ts';
import { PathLegend } from './PathLegend.tsx';
import { SelectionPathActions } from './SelectionPathActions.tsx';
import { useRevealSelection } from './use-reveal-selection.ts';
import { useCentreRequest } from './use-centre-request.ts';
import { usePaletteDrop } from './use-palette-drop.ts';
import { EmptyCanvasHint } from './EmptyCanvasHint.tsx';
import { ConnectionsToggle } from './ConnectionsToggle.tsx';
import { probe } from './render-probe.ts';
import { useImageCaptureSource } from './image-capture.ts';

const MINIMAP_LIGHT: Record<string, string> = { vpc: '#e2e8f0', subnet: '#bbf7d0', resource: '#64748b', gateway: '#8b5cf6', external: '#cbd5e1' };
const MINIMAP_DARK: Record<string, string> = { vpc: '#334155', subnet: '#14532d', resource: '#cbd5e1', gateway: '#a78bfa', external: '#475569' };
const minimapLight = (n: DesignNode) => MINIMAP_LIGHT[n.type ?? ''] ?? '#94a3b8';
const minimapDark = (n: DesignNode) => MINIMAP_DARK[n.type ?? ''] ?? '#64748b';
const MINIMAP_STYLE = { width: 168, height: 112 };

// Props handed to React Flow stay identical between renders: a new function or object each drag
// frame would re-render every node wrapper (React Flow passes them down to all of them).
const selectNode = (_e: unknown, node: DesignNode) => designStore.getState().select(node.id);
const clearSelection = () => designStore.getState().select(null);
const selectEdge = (_e: unknown, edge: { data?: unknown }) => designStore.getState().selectConnection((edge.data as RuleFlowEdge['data'])?.connection ?? null);

/** The node under the pointer where a connection drag ended: React Flow only knows it when dropped on a handle. */
function nodeUnder(event: MouseEvent | TouchEvent): string | undefined {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return undefined;
  for (const el of document.elementsFromPoint(point.clientX, point.clientY)) {
    const node = el.closest('.react-flow__node');
    if (node) return node.getAttribute('data-id') ?? undefined;
  }
  return undefined;
}

/** A connection dragged onto a resource opens the dialog that asks for the port and the groups. */
const endConnect: OnConnectEnd = (event, state) => {
  const sourceId = state.fromNode?.id;
  const targetId = state.toNode?.id ?? nodeUnder(event);
  const s = designStore.getState();
  if (!sourceId || !targetId || sourceId === targetId || !s.design.resources[targetId]) return;
  const handle = state.fromHandle?.id;
  s.startConnect({ sourceId, targetId, ...(handle?.startsWith('sg:') ? { sourceGroupId: handle.slice(3) } : {}) });
};

function FlowSurface() {
  const toFlow = useMemo(createFlowAdapter, []);
  const design = useStore((s) => s.design);
  const selectedId = useStore((s) => s.selectedId);
  const theme = useStore((s) => s.theme);
  const fitViewRequest = useStore((s) => s.fitViewRequest);
  const derived = useMemo(() => {
    probe('derive');
    return toFlow(design, selectedId);
  }, [toFlow, design, selectedId]);
  const [nodes, setNodes] = useState<DesignNode[]>(derived);
  const derivedRef = useRef(derived);
  const surface = useRef<HTMLDivElement>(null);
  const { fitView } = useReactFlow();
  const { onDragOver, onDrop } = usePaletteDrop(surface);
  const { edges: unplaced, hiddenCount } = useRuleEdges();
  const ruleEdges = usePlacedLabels(unplaced, derived);
  const pathEdges = usePathEdges();
  const pathsOn = useStore((s) => s.pathsView !== null);
  const edges = useMemo(() => (pathEdges.length ? [...ruleEdges, ...pathEdges] : ruleEdges), [ruleEdges, pathEdges]);
  useRevealSelection(surface);
  useCentreRequest();
  useImageCaptureSource(surface);

  useEffect(() => {
    derivedRef.current = derived;
    setNodes(derived);
  }, [derived]);

  const presenting = useStore((s) => s.presenting);
  useEffect(() => {
    if (fitViewRequest === 0) return;
    // A frame later: the canvas may just have been resized (panels hidden or shown). Presenting
    // may zoom past 100% so a small design fills the projector.
    // With paths on show, room at the top for their legend (the canvas's top-left corner).
    // Otherwise room at the top for the "Allowed connections" toggle (top-right), which covered a top-row node.
    const padding = designStore.getState().pathsOpen ? { top: '84px' as const, bottom: 0.06, x: 0.06 } : { top: '60px' as const, bottom: 0.08, x: 0.08 };
    const frame = requestAnimationFrame(() => void fitView({ padding, maxZoom: presenting ? 1.75 : 1, duration: 250 }));
    return () => cancelAnimationFrame(frame);
  }, [fitViewRequest, fitView, presenting]);

  // Fit once on load when there is something to show; never again on its own (a first drop on an
  // empty canvas must not zoom the view away from where people are working).
  const onInit = useCallback((flow: ReactFlowInstance<DesignNode>) => {
    if (derivedRef.current.length > 0) void flow.fitView({ padding: { top: '60px', bottom: 0.12, x: 0.12 }, maxZoom: 1 });
  }, []);

  const onNodesChange = useCallback((changes: NodeChange<DesignNode>[]) => {
    // Only positions (and a parent expanding under a dragged child) live here during a drag;
    // selection and removal go through the store.
    const moves = changes.filter((c) => c.type === 'position' || (c.type === 'dimensions' && c.setAttributes));
    if (moves.length) setNodes((current) => applyNodeChanges(moves, current));
    const picked = changes.filter((c) => c.type === 'select' && c.selected).at(-1);
    if (picked && picked.type === 'select') designStore.getState().select(picked.id);
  }, []);

  const onNodeDragStop: OnNodeDrag<DesignNode> = useCallback((_event, _node, dragged) => {
    const { design: current, apply } = designStore.getState();
    const result = commitDrag(
      current,
      dragged.map((n) => ({ id: n.id, position: n.position })),
    );
    // A refused drop snaps back: the store did not change, so put the derived nodes back by hand.
    if (!apply(result) || (result.ok && result.value === current)) setNodes(derivedRef.current);
  }, []);

  // Nodes are focusable; Enter or Space on a focused node selects it (React Flow's own keyboard
  // handling is off so arrow keys go through the store as one undoable nudge each).
  const onKeyDown = useCallback((e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const node = (e.target as HTMLElement).closest?.('.react-flow__node');
    const id = node?.getAttribute('data-id');
    if (id) {
      e.preventDefault();
      designStore.getState().select(id);
    }
  }, []);

  return (
    <div ref={surface} className="relative h-full w-full" onDragOver={onDragOver} onDrop={onDrop} onKeyDown={onKeyDown} data-testid="canvas" data-paths={pathsOn ? 'on' : undefined}>
      <ReactFlow<DesignNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        edgesFocusable={false}
        onEdgeClick={selectEdge}
        onConnectEnd={endConnect}
        connectionRadius={40}
        elementsSelectable
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={selectNode}
        onPaneClick={clearSelection}
        colorMode={theme}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        disableKeyboardA11y
        onInit={onInit}
        minZoom={0.05}
        maxZoom={2}
        aria-label="Design canvas"
      >
        <Background gap={24} size={1.2} />
        <ConnectionsToggle hiddenCount={hiddenCount} />
        <PathLegend />
        <SelectionPathActions />
        <Controls position="bottom-left" showInteractive={false} />
        <MiniMap<DesignNode>
          position="bottom-right"
          pannable
          zoomable
          nodeColor={theme === 'dark' ? minimapDark : minimapLight}
          nodeBorderRadius={6}
          style={MINIMAP_STYLE}
          className="max-[1400px]:hidden!"
          ariaLabel="Minimap"
        />
      </ReactFlow>
      {Object.keys(design.vpcs).length === 0 && Object.keys(design.externalNetworks).length === 0 && <EmptyCanvasHint />}
    </div>
  );
}

export function DesignCanvas() {
  return (
    <ReactFlowProvider>
      <FlowSurface />
    </ReactFlowProvider>
  );
}
