import { beforeEach, describe, expect, it } from 'vitest';
import { designStore } from '../ui/store/index.ts';
import { createLibrary } from './library.ts';
import type { KeyValueStorage } from './persistence.ts';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const state = () => designStore.getState();

beforeEach(() => designStore.setState({ library: [], currentDesignId: '', notices: [], lastSavedAt: null }));

describe('the design library', () => {
  it('opens the three-tier template on first boot and restores it, edits included, on the next', () => {
    const storage = memoryStorage();
    const first = createLibrary(storage, designStore, () => 1000);
    first.boot();
    expect(state().design.name).toBe('Three-tier web app');
    expect(Object.keys(state().design.layout).length).toBeGreaterThan(10);
    state().place('vpc', {});
    first.save();

    designStore.setState({ library: [] });
    createLibrary(storage, designStore, () => 2000).boot();
    expect(Object.values(state().design.vpcs).map((v) => v.name)).toEqual(['production', 'vpc-1']);
    expect(state().library).toHaveLength(1);
    expect(designStore.temporal.getState().pastStates).toHaveLength(0);
  });

  it('creates, duplicates, renames and deletes designs', () => {
    const storage = memoryStorage();
    const lib = createLibrary(storage, designStore, () => 1000);
    lib.boot();
    state().place('vpc', {});
    const firstId = state().currentDesignId;
    lib.create();
    expect(state().design.name).toBe('Untitled design');
    expect(state().design.vpcs).toEqual({});
    lib.duplicate(firstId);
    expect(state().design.name).toBe('Three-tier web app copy');
    expect(Object.keys(state().design.vpcs)).toHaveLength(2);
    expect(lib.rename(firstId, 'Workshop')).toBe(true);
    expect(state().library.find((e) => e.id === firstId)!.name).toBe('Workshop');
    expect(lib.rename(firstId, '')).toBe(false);
    const copyId = state().currentDesignId;
    lib.remove(copyId);
    expect(state().library.map((e) => e.name).sort()).toEqual(['Untitled design', 'Workshop']);
    expect(state().currentDesignId).not.toBe(copyId);
    lib.open(firstId);
    expect(state().design.name).toBe('Workshop');
  });

  it('starts afresh with a message when the stored design is damaged', () => {
    const storage = memoryStorage();
    const lib = createLibrary(storage, designStore, () => 1000);
    lib.boot();
    const id = state().currentDesignId;
    storage.setItem(`tierwise.design.v1.${id}`, '{"schemaVersion":1,"vpcs":');
    createLibrary(storage, designStore, () => 2000).boot();
    expect(state().notices.at(-1)!.text).toContain('could not be restored');
    expect(state().currentDesignId).not.toBe(id);
  });
});
