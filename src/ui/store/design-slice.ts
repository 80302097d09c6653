/** The design and the actions that change it. Every change is a model command's Result applied here. */
import type { Design, ModelError, Result } from '../../core/model/index.ts';
import { emptyDesign } from '../../core/model/index.ts';
import type { PaletteItemKind } from '../placement/catalogue.ts';
import type { Point } from '../placement/geometry.ts';
import { placeItem, type PlacementTarget } from '../placement/place.ts';
import { duplicateResourceHere } from '../placement/edits.ts';
import type { Slice } from './types.ts';
import { NO_FINDINGS } from './findings-slice.ts';

export type Edit = Result<Design, ModelError>;

export interface DesignSlice {
  design: Design;
  /** Applies a command's result: the new design (one undo step), or its error as a notice. */
  apply: (result: Edit) => boolean;
  /** Runs a pure command on the current design and applies its result. */
  run: <A extends unknown[]>(command: (d: Design, ...args: A) => Edit, ...args: A) => boolean;
  /** Places a palette item and selects what it became. */
  place: (kind: PaletteItemKind, target: PlacementTarget, at?: Point) => boolean;
  /** Duplicates a resource and selects the copy. */
  duplicate: (id: string) => boolean;
  /** Replaces the design wholesale (opening another design): history starts afresh. */
  replaceDesign: (design: Design) => void;
}

export const createDesignSlice: Slice<DesignSlice> = (set, get) => ({
  design: emptyDesign(),
  apply: (result) => {
    if (!result.ok) {
      get().notify(result.error.message, 'error');
      return false;
    }
    if (result.value !== get().design) set({ design: result.value });
    return true;
  },
  run: (command, ...args) => get().apply(command(get().design, ...args)),
  place: (kind, target, at) => {
    const placed = placeItem(get().design, kind, target, at);
    if (!placed.ok) {
      get().notify(placed.error.message, 'error');
      return false;
    }
    set({ design: placed.value.design, selectedId: placed.value.id, selectedConnection: null });
    return true;
  },
  duplicate: (id) => {
    const copy = duplicateResourceHere(get().design, id);
    if (!copy.ok) {
      get().notify(copy.error.message, 'error');
      return false;
    }
    set({ design: copy.value.design, selectedId: copy.value.id, selectedConnection: null });
    return true;
  },
  // Another design's findings are not this one's: the count says "checking" until its own run answers (src/app/findings.ts).
  replaceDesign: (design) => set({ design, selectedId: null, selectedConnection: null, connectDraft: null, ...NO_FINDINGS }),
});
