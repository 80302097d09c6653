/**
 * The list of saved designs as the library panel shows it. Reading and writing browser storage is
 * the app's job (src/app/persistence.ts); this slice only mirrors what is stored.
 */
import type { Design } from '../../core/model/index.ts';
import type { Slice } from './types.ts';

export interface LibraryEntry {
  id: string;
  name: string;
  /** Epoch milliseconds of the last save. */
  updatedAt: number;
}

/** What the library panel can ask for; the app implements these against storage. */
export interface LibraryActions {
  open: (id: string) => void;
  create: () => void;
  /** Saves a ready-made design (a template) as a new entry and opens it. */
  createFrom: (design: Design) => void;
  duplicate: (id: string) => void;
  rename: (id: string, name: string) => boolean;
  remove: (id: string) => void;
}

export interface LibrarySlice {
  library: LibraryEntry[];
  currentDesignId: string;
  lastSavedAt: number | null;
  setLibrary: (library: LibraryEntry[], currentDesignId: string) => void;
  markSaved: (at: number) => void;
}

export const createLibrarySlice: Slice<LibrarySlice> = (set) => ({
  library: [],
  currentDesignId: '',
  lastSavedAt: null,
  setLibrary: (library, currentDesignId) => set({ library, currentDesignId }),
  markSaved: (lastSavedAt) => set({ lastSavedAt }),
});
