/**
 * The designer's one store, built from slices. Undo (zundo) wraps the combined store and tracks
 * the design only: selection, theme and notices never become undo steps, and a step is recorded
 * only when the design object changes (commands return the same object when nothing changed).
 */
import { create, useStore as useZustandStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { temporal, type TemporalState } from 'zundo';
import type { Design } from '../../core/model/index.ts';
import { createDesignSlice } from './design-slice.ts';
import { createSelectionSlice } from './selection-slice.ts';
import { createUiSlice } from './ui-slice.ts';
import { createNoticeSlice } from './notice-slice.ts';
import { createLibrarySlice } from './library-slice.ts';
import { createFindingsSlice } from './findings-slice.ts';
import { createPathsSlice } from './paths-slice.ts';
import type { StoreState } from './types.ts';

export type { StoreState } from './types.ts';
export type { Edit } from './design-slice.ts';
export type { Notice, NoticeTone } from './notice-slice.ts';
export type { Theme } from './ui-slice.ts';
export type { ConnectDraft } from './selection-slice.ts';
export type { LibraryActions, LibraryEntry } from './library-slice.ts';

type Tracked = { design: Design };

export const designStore = create<StoreState>()(
  temporal(
    (...a) => ({
      ...createDesignSlice(...a),
      ...createSelectionSlice(...a),
      ...createUiSlice(...a),
      ...createNoticeSlice(...a),
      ...createLibrarySlice(...a),
      ...createFindingsSlice(...a),
      ...createPathsSlice(...a),
    }),
    {
      partialize: (s): Tracked => ({ design: s.design }),
      equality: (past, current) => past.design === current.design,
      limit: 200,
    },
  ),
);

/** Reads the store with a selector; keep selectors narrow and their results stable. */
export function useStore<T>(selector: (s: StoreState) => T): T {
  return designStore(selector);
}

/** For selectors that build arrays or objects: compared shallowly so equal contents do not re-render. */
export function useShallowStore<T>(selector: (s: StoreState) => T): T {
  return designStore(useShallow(selector));
}

/** Reads the undo history (can undo? can redo?). */
export function useHistory<T>(selector: (s: TemporalState<Tracked>) => T): T {
  return useZustandStore(designStore.temporal, selector);
}

export const undo = () => designStore.temporal.getState().undo();
export const redo = () => designStore.temporal.getState().redo();
/** Forgets the undo history (after opening another design). */
export const clearHistory = () => designStore.temporal.getState().clear();

/** Replaces the design and starts a fresh history: opening a design is not an undoable edit. */
export function openDesign(design: Design): void {
  designStore.getState().replaceDesign(design);
  clearHistory();
}
