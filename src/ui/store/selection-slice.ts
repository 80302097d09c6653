/**
 * What is selected: one entity id (resource, subnet, VPC, gateway, group…) or one connection (the
 * rules an edge stands for). Also the connection being drawn, while its dialog asks for details.
 * Not part of undo.
 */
import type { Slice } from './types.ts';

/** A connection people are making: from a drag between nodes, or from the command palette. */
export interface ConnectDraft {
  sourceId?: string;
  /** The group chip the drag started from, if it did. */
  sourceGroupId?: string;
  targetId?: string;
}

export interface SelectionSlice {
  selectedId: string | null;
  /** A security-group rule to highlight in the inspector (set when a finding about it is opened). */
  highlightedRule: string | null;
  select: (id: string | null) => void;
  /** The key of the selected connection (see placement/connections.ts). */
  selectedConnection: string | null;
  selectConnection: (key: string | null) => void;
  /** Set while a connection deletion waits for a yes: it would change what other members may do too. */
  confirmingDelete: boolean;
  setConfirmingDelete: (confirming: boolean) => void;
  connectDraft: ConnectDraft | null;
  startConnect: (draft: ConnectDraft | null) => void;
}

export const createSelectionSlice: Slice<SelectionSlice> = (set) => ({
  selectedId: null,
  highlightedRule: null,
  select: (id) => set({ selectedId: id, selectedConnection: null, confirmingDelete: false, highlightedRule: null }),
  selectedConnection: null,
  selectConnection: (key) => set({ selectedConnection: key, selectedId: null, confirmingDelete: false, highlightedRule: null }),
  confirmingDelete: false,
  setConfirmingDelete: (confirmingDelete) => set({ confirmingDelete }),
  connectDraft: null,
  startConnect: (connectDraft) => set({ connectDraft }),
});
