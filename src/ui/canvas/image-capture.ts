/**
 * PNG and SVG of the whole design, as drawn: the canvas registers itself here when it mounts, and
 * `captureDesignImage` renders React Flow's viewport with html-to-image, framed on the bounds of
 * every node (not only what is on screen), in the current theme, without the minimap, the
 * controls or connection handles. The app hands this function to the export dialog, so panels
 * never import the canvas.
 */
import { useEffect, type RefObject } from 'react';
import { getViewportForBounds, useReactFlow, type ReactFlowInstance } from '@xyflow/react';
import { toBlob, toSvg } from 'html-to-image';
import { captureStyleProperties } from './capture-styles.ts';

export type ImageKind = 'png' | 'svg';

export interface DesignImage {
  blob: Blob;
  /** Size in CSS pixels; the PNG holds `pixelRatio` times as many. */
  width: number;
  height: number;
  pixelRatio: number;
}

/** Space around the diagram, in CSS pixels. */
const MARGIN = 40;
/**
 * Longest side of the image in CSS pixels: a large design is drawn smaller rather than cut. At
 * 8,192 a 1,000-resource design is drawn at half size, which its 2x PNG still shows legibly.
 */
const MAX_SIDE = 8192;
/** Slides want 2x; a huge image gives way so the canvas stays well within what browsers allocate. */
const PNG_PIXEL_RATIO = 2;
const MAX_PNG_PIXELS = 48_000_000;
/** html-to-image scales any canvas side above this down on its own; stay within it so the stated size holds. */
const MAX_CANVAS_SIDE = 16_384;

let source: { flow: ReactFlowInstance; surface: RefObject<HTMLElement | null> } | null = null;

/** Called once by the canvas: makes its React Flow instance and DOM available for capture. */
export function useImageCaptureSource(surface: RefObject<HTMLElement | null>): void {
  const flow = useReactFlow();
  useEffect(() => {
    const mine = { flow, surface };
    source = mine;
    return () => {
      if (source === mine) source = null;
    };
  }, [flow, surface]);
}

/** The first opaque background at or above `el`: what the canvas sits on in this theme. */
function backgroundOf(el: Element | null): string {
  for (let e = el; e; e = e.parentElement) {
    const colour = getComputedStyle(e).backgroundColor;
    if (colour && colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return '#ffffff';
}

/** Leaves out what is there to work with, not to look at. */
const CHROME = ['react-flow__handle', 'react-flow__minimap', 'react-flow__controls', 'react-flow__panel', 'react-flow__background', 'react-flow__attribution'];
const keep = (node: HTMLElement) => !(node.classList && CHROME.some((c) => node.classList.contains(c)));

/** Renders the whole design as a PNG (2x) or an SVG. Throws with a sentence when it cannot. */
export async function captureDesignImage(kind: ImageKind): Promise<DesignImage> {
  const surface = source?.surface.current;
  const flow = source?.flow;
  const viewport = surface?.querySelector<HTMLElement>('.react-flow__viewport');
  if (!flow || !surface || !viewport) throw new Error('The canvas is not on screen, so there is nothing to draw.');
  const nodes = flow.getNodes();
  if (nodes.length === 0) throw new Error('The design is empty: add something to the canvas first.');

  const bounds = flow.getNodesBounds(nodes);
  const zoom = Math.min(1, MAX_SIDE / Math.max(bounds.width, bounds.height));
  const width = Math.ceil(bounds.width * zoom + 2 * MARGIN);
  const height = Math.ceil(bounds.height * zoom + 2 * MARGIN);
  // One zoom (min = max), centred in a box exactly the margin larger than the bounds.
  const { x, y } = getViewportForBounds(bounds, width, height, zoom, zoom, 0);
  const background = backgroundOf(surface.querySelector('.react-flow'));
  const options = {
    width,
    height,
    backgroundColor: background,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${x}px, ${y}px) scale(${zoom})` },
    filter: keep,
    // html-to-image keeps the first list it is given for the page's life: names only, same in both themes.
    includeStyleProperties: captureStyleProperties(viewport),
    // The app uses system fonts only; embedding would fetch every stylesheet for nothing.
    skipFonts: true,
  };

  if (kind === 'svg') {
    const url = await toSvg(viewport, options);
    // The background html-to-image sets moves with the viewport's transform; a PNG hides that by
    // filling its canvas first, an SVG needs its own full-size backdrop behind the diagram.
    const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1)).replace(/^<svg[^>]*>/, (open) => `${open}<rect width="100%" height="100%" fill="${background}"/>`);
    return { blob: new Blob([svg], { type: 'image/svg+xml' }), width, height, pixelRatio: 1 };
  }
  const pixelRatio = Math.min(PNG_PIXEL_RATIO, Math.sqrt(MAX_PNG_PIXELS / (width * height)), Math.floor(MAX_CANVAS_SIDE / Math.max(width, height) * 1000) / 1000);
  const blob = await toBlob(viewport, { ...options, pixelRatio });
  if (!blob) throw new Error('The browser could not encode the PNG (the image may be too large).');
  return { blob, width, height, pixelRatio };
}
