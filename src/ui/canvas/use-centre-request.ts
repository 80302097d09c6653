/** Centres a node when asked through the store (a finding was opened), keeping the zoom. */
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useStore } from '../store/index.ts';

export function useCentreRequest() {
  const request = useStore((s) => s.centreRequest);
  const { getInternalNode, getViewport, setCenter } = useReactFlow();
  useEffect(() => {
    if (!request) return;
    const frame = requestAnimationFrame(() => {
      const node = getInternalNode(request.id);
      if (!node) return;
      const width = node.measured.width ?? node.width ?? 0;
      const height = node.measured.height ?? node.height ?? 0;
      const { x, y } = node.internals.positionAbsolute;
      void setCenter(x + width / 2, y + height / 2, { zoom: Math.max(getViewport().zoom, 0.6), duration: 250 });
    });
    return () => cancelAnimationFrame(frame);
  }, [request, getInternalNode, getViewport, setCenter]);
}
