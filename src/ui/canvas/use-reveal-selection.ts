/**
 * Keeps the selection in sight: when its centre lies outside the visible canvas (say it was added
 * from the keyboard or picked in a list), pan, never zoom, to it. A node clicked on the canvas is
 * already in sight, so clicks never move the view.
 */
import { useEffect, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useStore } from '../store/index.ts';

export function useRevealSelection(surface: RefObject<HTMLDivElement | null>) {
  const selectedId = useStore((s) => s.selectedId);
  const { getInternalNode, getViewport, setCenter } = useReactFlow();
  useEffect(() => {
    if (!selectedId) return;
    // After React Flow has taken in a node created in the same update.
    const frame = requestAnimationFrame(() => {
      const node = getInternalNode(selectedId);
      const el = surface.current;
      if (!node || !el) return;
      const { x, y, zoom } = getViewport();
      const width = node.measured.width ?? node.width ?? 0;
      const height = node.measured.height ?? node.height ?? 0;
      const { x: nx, y: ny } = node.internals.positionAbsolute;
      const cx = (nx + width / 2) * zoom + x;
      const cy = (ny + height / 2) * zoom + y;
      const inSight = cx >= 0 && cy >= 0 && cx <= el.clientWidth && cy <= el.clientHeight;
      if (!inSight) void setCenter(nx + width / 2, ny + height / 2, { zoom, duration: 200 });
    });
    return () => cancelAnimationFrame(frame);
  }, [selectedId, getInternalNode, getViewport, setCenter, surface]);
}
