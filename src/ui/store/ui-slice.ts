/** Presentation state: theme, open dialogs, and requests to the canvas (fit view). Not part of undo. */
import type { Slice } from './types.ts';

export type Theme = 'light' | 'dark';

export interface UiSlice {
  theme: Theme;
  setTheme: (theme: Theme) => void;
  shortcutsOpen: boolean;
  setShortcutsOpen: (open: boolean) => void;
  /** Presenting: side panels hidden so the canvas fills a projector. */
  presenting: boolean;
  setPresenting: (presenting: boolean) => void;
  commandsOpen: boolean;
  setCommandsOpen: (open: boolean) => void;
  templatesOpen: boolean;
  setTemplatesOpen: (open: boolean) => void;
  libraryOpen: boolean;
  setLibraryOpen: (open: boolean) => void;
  importOpen: boolean;
  setImportOpen: (open: boolean) => void;
  exportOpen: boolean;
  setExportOpen: (open: boolean) => void;
  /** Draw the connections security-group rules allow. */
  showConnections: boolean;
  setShowConnections: (show: boolean) => void;
  /** Bumped to ask the canvas to fit the whole design in view. */
  fitViewRequest: number;
  requestFitView: () => void;
  /** Asks the canvas to centre a node (bumped so the same node can be asked for twice). */
  centreRequest: { id: string; n: number } | null;
  requestCentre: (id: string) => void;
}

export const createUiSlice: Slice<UiSlice> = (set) => ({
  theme: 'light',
  setTheme: (theme) => set({ theme }),
  shortcutsOpen: false,
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  presenting: false,
  setPresenting: (presenting) => set((s) => ({ presenting, fitViewRequest: s.fitViewRequest + 1 })),
  commandsOpen: false,
  setCommandsOpen: (commandsOpen) => set({ commandsOpen }),
  templatesOpen: false,
  setTemplatesOpen: (templatesOpen) => set({ templatesOpen }),
  libraryOpen: false,
  setLibraryOpen: (libraryOpen) => set({ libraryOpen }),
  importOpen: false,
  setImportOpen: (importOpen) => set({ importOpen }),
  exportOpen: false,
  setExportOpen: (exportOpen) => set({ exportOpen }),
  showConnections: true,
  setShowConnections: (showConnections) => set({ showConnections }),
  fitViewRequest: 0,
  requestFitView: () => set((s) => ({ fitViewRequest: s.fitViewRequest + 1 })),
  centreRequest: null,
  requestCentre: (id) => set((s) => ({ centreRequest: { id, n: (s.centreRequest?.n ?? 0) + 1 } })),
});
