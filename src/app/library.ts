/**
 * The design library against browser storage: boot (restore the last design), save, and the
 * actions of the library panel. The store only mirrors the list; storage is touched here alone.
 */
import type { Design } from '../core/model/index.ts';
import { emptyDesign, renameDesign } from '../core/model/index.ts';
import { FIRST_VISIT_TEMPLATE } from '../core/templates/index.ts';
import { designStore, openDesign, type LibraryActions, type LibraryEntry } from '../ui/store/index.ts';
import { newDesignId, readIndex, readStoredDesign, removeStoredDesign, writeDesign, writeIndex, type KeyValueStorage } from './persistence.ts';

export interface Library extends LibraryActions {
  /** Restores the last open design, or starts a new one. */
  boot: () => void;
  /** Writes the open design and its index entry now. */
  save: () => void;
}

function untitledName(entries: LibraryEntry[]): string {
  const taken = new Set(entries.map((e) => e.name));
  if (!taken.has('Untitled design')) return 'Untitled design';
  let n = 2;
  while (taken.has(`Untitled design ${n}`)) n++;
  return `Untitled design ${n}`;
}

export function createLibrary(storage: KeyValueStorage, store = designStore, now: () => number = Date.now): Library {
  const state = () => store.getState();
  const persistIndex = (designs: LibraryEntry[], currentId: string) => {
    writeIndex(storage, { designs, currentId });
    state().setLibrary(designs, currentId);
  };

  const safely = (what: string, fn: () => void): boolean => {
    try {
      fn();
      return true;
    } catch (e) {
      state().notify(`Could not ${what}: ${e instanceof Error ? e.message : String(e)}. Browser storage may be full.`, 'error');
      return false;
    }
  };

  const save = () => {
    const { design, currentDesignId, library } = state();
    if (!currentDesignId) return;
    const at = now();
    const saved = safely('save the design', () => {
      writeDesign(storage, currentDesignId, design);
      const entry: LibraryEntry = { id: currentDesignId, name: design.name, updatedAt: at };
      const designs = library.some((e) => e.id === currentDesignId) ? library.map((e) => (e.id === currentDesignId ? entry : e)) : [...library, entry];
      persistIndex(designs, currentDesignId);
    });
    if (saved) state().markSaved(at);
  };

  const show = (id: string, design: Design) => {
    openDesign(design);
    persistIndex(state().library, id);
    state().requestFitView();
  };

  const startNew = (name?: string, design?: Design) => {
    const id = newDesignId();
    const fresh = design ?? emptyDesign(name ?? untitledName(state().library));
    const entry: LibraryEntry = { id, name: fresh.name, updatedAt: now() };
    const written = safely('create the design', () => writeDesign(storage, id, fresh));
    state().setLibrary([...state().library, entry], state().currentDesignId);
    show(id, fresh);
    if (written) state().markSaved(entry.updatedAt);
  };

  const open = (id: string) => {
    if (id === state().currentDesignId) return;
    save();
    const read = readStoredDesign(storage, id);
    if (!read.ok) {
      state().notify(`Could not open that design: ${read.error.message}`, 'error');
      return;
    }
    show(id, read.value);
  };

  return {
    boot: () => {
      const index = readIndex(storage);
      if (!index || index.designs.length === 0) {
        // A first visit opens a worked example: an empty canvas teaches nothing on a projector.
        state().setLibrary([], '');
        return startNew(undefined, FIRST_VISIT_TEMPLATE.build());
      }
      state().setLibrary(index.designs, '');
      const currentId = index.designs.some((e) => e.id === index.currentId) ? index.currentId : index.designs[0]!.id;
      const read = readStoredDesign(storage, currentId);
      if (!read.ok) {
        state().notify(`The last design could not be restored (${read.error.message}); starting a new one.`, 'error');
        return startNew();
      }
      openDesign(read.value);
      persistIndex(index.designs, currentId);
      state().markSaved(index.designs.find((e) => e.id === currentId)!.updatedAt);
    },
    save,
    open,
    create: () => {
      save();
      startNew();
    },
    createFrom: (design) => {
      save();
      startNew(design.name, design);
    },
    duplicate: (id) => {
      save();
      const read = id === state().currentDesignId ? ({ ok: true, value: state().design } as const) : readStoredDesign(storage, id);
      if (!read.ok) return state().notify(`Could not duplicate that design: ${read.error.message}`, 'error');
      const taken = new Set(state().library.map((e) => e.name));
      let name = `${read.value.name} copy`;
      for (let n = 2; taken.has(name); n++) name = `${read.value.name} copy ${n}`;
      startNew(name, { ...read.value, name });
    },
    rename: (id, name) => {
      if (id === state().currentDesignId) {
        if (!state().run(renameDesign, name)) return false;
        save();
        return true;
      }
      const read = readStoredDesign(storage, id);
      if (!read.ok) return false;
      const renamed = renameDesign(read.value, name);
      if (!renamed.ok) {
        state().notify(renamed.error.message, 'error');
        return false;
      }
      return safely('rename the design', () => {
        writeDesign(storage, id, renamed.value);
        persistIndex(
          state().library.map((e) => (e.id === id ? { ...e, name } : e)),
          state().currentDesignId,
        );
      });
    },
    remove: (id) => {
      removeStoredDesign(storage, id);
      const rest = state().library.filter((e) => e.id !== id);
      if (id !== state().currentDesignId) return persistIndex(rest, state().currentDesignId);
      state().setLibrary(rest, '');
      const next = [...rest].sort((a, b) => b.updatedAt - a.updatedAt)[0];
      const read = next ? readStoredDesign(storage, next.id) : undefined;
      if (next && read?.ok) show(next.id, read.value);
      else startNew();
    },
  };
}
