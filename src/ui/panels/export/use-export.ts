/** The dialog's two kinds of work, each started only for the format on show: text (worker) and image (canvas). */
import { useEffect, useReducer, useRef, useState } from 'react';
import type { Design } from '../../../core/model/index.ts';
import { generate } from './generate.ts';
import { requestKey, type Generated, type ImageFormatId, type TextRequest } from './formats.ts';

export type TextState = { status: 'working' } | { status: 'done'; result: Generated; ms: number };

/** The text of `request` for `design`, generated when first asked for (null request: nothing). */
export function useTextExport(design: Design, request: TextRequest | null): TextState {
  const [state, setState] = useState<{ design: Design; key: string; value: TextState } | null>(null);
  const key = request ? requestKey(request) : '';
  useEffect(() => {
    if (!request) return;
    let live = true;
    const started = performance.now();
    void generate(design, request).then((result) => {
      if (live) setState({ design, key, value: { status: 'done', result, ms: performance.now() - started } });
    });
    return () => {
      live = false;
    };
    // The key stands for the request's contents; a new object with the same contents is the same request.
  }, [design, key]);
  return state && state.design === design && state.key === key ? state.value : { status: 'working' };
}

/** A captured image of the design, as the export dialog shows and saves it. */
export interface CapturedImage {
  blob: Blob;
  width: number;
  height: number;
  pixelRatio: number;
}

export type CaptureImage = (kind: ImageFormatId) => Promise<CapturedImage>;

export type ImageState = { status: 'working' } | { status: 'done'; image: CapturedImage; url: string } | { status: 'failed'; message: string };

const twoFrames = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

interface ImageCache {
  look: readonly unknown[];
  states: Map<ImageFormatId, ImageState>;
  urls: string[];
}

const sameLook = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);
const revoke = (urls: string[]) => urls.forEach((u) => URL.revokeObjectURL(u));

/**
 * The image of `kind`, drawn when first asked for and kept while nothing it shows changes
 * (`look` holds whatever changes the picture: the design, the theme, the connections shown...).
 */
export function useImageExport(kind: ImageFormatId | null, capture: CaptureImage, look: readonly unknown[]): ImageState {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const cache = useRef<ImageCache>({ look, states: new Map(), urls: [] });
  if (!sameLook(cache.current.look, look)) {
    revoke(cache.current.urls);
    cache.current = { look, states: new Map(), urls: [] };
  }
  const entry = cache.current;

  useEffect(() => {
    if (!kind || entry.states.has(kind)) return;
    entry.states.set(kind, { status: 'working' });
    const settle = (state: ImageState) => {
      entry.states.set(kind, state);
      // An answer for a picture that has since changed is dropped (and its URL let go).
      if (cache.current === entry) redraw();
      else if (state.status === 'done') URL.revokeObjectURL(state.url);
    };
    void (async () => {
      await twoFrames(); // "Drawing…" is painted before the main thread is busy drawing
      try {
        const image = await capture(kind);
        const url = URL.createObjectURL(image.blob);
        entry.urls.push(url);
        settle({ status: 'done', image, url });
      } catch (e) {
        settle({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    })();
  }, [kind, entry, capture]);

  useEffect(() => () => revoke(cache.current.urls), []);

  return (kind && entry.states.get(kind)) || { status: 'working' };
}
