/**
 * Browser storage for designs: an index of named designs and one entry per design. Every design
 * read back goes through the model's `readDesign` (migrate, validate), so a damaged entry becomes
 * a message, never a crash.
 */
import type { Design, ModelError, Result } from '../core/model/index.ts';
import { err, modelError, readDesign } from '../core/model/index.ts';
import type { LibraryEntry } from '../ui/store/index.ts';

/** The part of `localStorage` used here, so tests can pass a Map-backed fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface LibraryIndex {
  designs: LibraryEntry[];
  currentId: string;
}

const INDEX_KEY = 'tierwise.library.v1';
const designKey = (id: string) => `tierwise.design.v1.${id}`;

export function readIndex(storage: KeyValueStorage): LibraryIndex | undefined {
  try {
    const raw = storage.getItem(INDEX_KEY);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<LibraryIndex>;
    if (!Array.isArray(parsed.designs) || typeof parsed.currentId !== 'string') return undefined;
    const designs = parsed.designs.filter(
      (e): e is LibraryEntry => !!e && typeof e.id === 'string' && typeof e.name === 'string' && typeof e.updatedAt === 'number',
    );
    return { designs, currentId: parsed.currentId };
  } catch {
    return undefined;
  }
}

export function writeIndex(storage: KeyValueStorage, index: LibraryIndex): void {
  storage.setItem(INDEX_KEY, JSON.stringify(index));
}

export function readStoredDesign(storage: KeyValueStorage, id: string): Result<Design, ModelError> {
  const raw = storage.getItem(designKey(id));
  if (raw === null) return err(modelError('storage/missing', 'This design is no longer in browser storage.'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return err(modelError('storage/corrupt', 'The saved design is damaged and cannot be read.'));
  }
  return readDesign(parsed, 'browser storage');
}

export function writeDesign(storage: KeyValueStorage, id: string, design: Design): void {
  storage.setItem(designKey(id), JSON.stringify(design));
}

export function removeStoredDesign(storage: KeyValueStorage, id: string): void {
  storage.removeItem(designKey(id));
}

export function newDesignId(): string {
  return `d-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}
