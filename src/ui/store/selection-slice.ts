/** What is selected: one entity id (resource, subnet, VPC, gateway, group…). Not part of undo. */
import type { Slice } from './types.ts';

export interface SelectionSlice {
  selectedId: string | null;
  select: (id: string | null) => void;
}

export const createSelectionSlice: Slice<SelectionSlice> = (set) => ({
  selectedId: null,
  select: (id) => set({ selectedId: id }),
});
