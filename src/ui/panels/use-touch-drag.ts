/**
 * The touch path for palette drags: HTML5 drag and drop does not start from a finger, so a pointer
 * drag (touch or pen) follows the finger with a ghost and, where it ends, dispatches the palette's
 * drop event for the canvas to handle.
 */
import { useCallback, useRef, useState, type PointerEvent } from 'react';
import { PALETTE_POINTER_DROP, type PaletteItemKind, type PalettePointerDropDetail } from '../placement/catalogue.ts';

export interface TouchGhost {
  kind: PaletteItemKind;
  x: number;
  y: number;
}

const THRESHOLD = 8;

export function useTouchDrag() {
  const [ghost, setGhost] = useState<TouchGhost | null>(null);
  const start = useRef<{ kind: PaletteItemKind; x: number; y: number; moved: boolean } | null>(null);
  /** Set after a touch drag so the click that follows it does not also add the item. */
  const suppressClick = useRef(false);

  const onPointerDown = useCallback((kind: PaletteItemKind, e: PointerEvent<HTMLElement>) => {
    if (e.pointerType === 'mouse') return;
    start.current = { kind, x: e.clientX, y: e.clientY, moved: false };
    try {
      e.currentTarget.setPointerCapture(e.pointerId);
    } catch {
      // Synthetic pointers (tests, some assistive tech) cannot be captured; moves still arrive here.
    }
  }, []);

  const onPointerMove = useCallback((e: PointerEvent<HTMLElement>) => {
    const s = start.current;
    if (!s) return;
    if (!s.moved && Math.hypot(e.clientX - s.x, e.clientY - s.y) < THRESHOLD) return;
    s.moved = true;
    setGhost({ kind: s.kind, x: e.clientX, y: e.clientY });
  }, []);

  const onPointerUp = useCallback((e: PointerEvent<HTMLElement>) => {
    const s = start.current;
    start.current = null;
    setGhost(null);
    if (!s?.moved) return;
    suppressClick.current = true;
    const target = document.elementFromPoint(e.clientX, e.clientY);
    const detail: PalettePointerDropDetail = { kind: s.kind, clientX: e.clientX, clientY: e.clientY };
    target?.dispatchEvent(new CustomEvent(PALETTE_POINTER_DROP, { bubbles: true, detail }));
  }, []);

  const onPointerCancel = useCallback(() => {
    start.current = null;
    setGhost(null);
  }, []);

  return { ghost, suppressClick, onPointerDown, onPointerMove, onPointerUp, onPointerCancel };
}
