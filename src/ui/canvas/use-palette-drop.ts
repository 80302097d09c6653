/** Drops from the palette onto the canvas: HTML5 drag and drop, and the touch (pointer) path's DOM event. */
import { useCallback, useEffect, type DragEvent, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import { isPaletteItemKind, PALETTE_MIME, PALETTE_POINTER_DROP, type PaletteItemKind, type PalettePointerDropDetail } from '../placement/catalogue.ts';
import { containerAt, designGeometry } from '../placement/geometry.ts';
import { designStore } from '../store/index.ts';

export function usePaletteDrop(surface: RefObject<HTMLDivElement | null>) {
  const { screenToFlowPosition } = useReactFlow();

  const dropAt = useCallback(
    (kind: PaletteItemKind, clientX: number, clientY: number) => {
      const point = screenToFlowPosition({ x: clientX, y: clientY });
      const { design, place } = designStore.getState();
      place(kind, containerAt(designGeometry(design), point), point);
    },
    [screenToFlowPosition],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME);
      if (!isPaletteItemKind(kind)) return;
      e.preventDefault();
      dropAt(kind, e.clientX, e.clientY);
    },
    [dropAt],
  );

  useEffect(() => {
    const el = surface.current;
    if (!el) return;
    const onPointerDrop = (e: Event) => {
      const { kind, clientX, clientY } = (e as CustomEvent<PalettePointerDropDetail>).detail;
      dropAt(kind, clientX, clientY);
    };
    el.addEventListener(PALETTE_POINTER_DROP, onPointerDrop);
    return () => el.removeEventListener(PALETTE_POINTER_DROP, onPointerDrop);
  }, [surface, dropAt]);

  return { onDragOver, onDrop };
}
