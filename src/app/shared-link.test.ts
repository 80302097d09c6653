import { beforeEach, describe, expect, it } from 'vitest';
import { templateById } from '../core/templates/index.ts';
import { shareLink } from '../ui/share/design-link.ts';
import { designStore } from '../ui/store/index.ts';
import { createLibrary } from './library.ts';
import type { KeyValueStorage } from './persistence.ts';
import { openSharedLink, type PageAddress } from './shared-link.ts';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

/** A page address whose fragment replaceState really clears, recording every call. */
function page(hash: string): PageAddress & { replaced: string[] } {
  const replaced: string[] = [];
  const location = { hash, pathname: '/app/', search: '?x=1' };
  return {
    replaced,
    location,
    history: {
      state: null,
      replaceState: (_s: unknown, _t: string, url?: string | URL | null) => {
        replaced.push(String(url));
        location.hash = '';
      },
    },
  };
}

const state = () => designStore.getState();
const BASE = 'https://tierwise.example/app/?x=1';

beforeEach(() => designStore.setState({ library: [], currentDesignId: '', notices: [], lastSavedAt: null }));

function bootedLibrary() {
  const storage = memoryStorage();
  const library = createLibrary(storage, designStore, () => 1000);
  library.boot();
  state().place('vpc', {});
  library.save();
  return { storage, library };
}

describe('opening a share link', () => {
  it('adds the shared design as a named copy, keeps every existing design, and clears the fragment', () => {
    const { storage, library } = bootedLibrary();
    const before = { library: state().library, stored: new Map(storage.data) };
    const shared = templateById('two-tier-mysql')!.build();
    const link = shareLink(shared, BASE);
    if (!link.ok) throw new Error('too large');
    const p = page(link.url.slice(link.url.indexOf('#')));

    expect(openSharedLink(p, library)).toBe('opened');
    expect(p.replaced).toEqual(['/app/?x=1']);
    expect(p.location.hash).toBe('');
    expect(state().library).toHaveLength(2);
    expect(state().library[0]).toEqual(before.library[0]);
    expect(state().library[1]!.name).toBe('Two-tier web and MySQL (shared)');
    expect(state().design).toEqual({ ...shared, name: 'Two-tier web and MySQL (shared)' });
    expect(state().currentDesignId).toBe(state().library[1]!.id);
    // The design that was open is still stored exactly as it was.
    const firstKey = `tierwise.design.v1.${before.library[0]!.id}`;
    expect(storage.data.get(firstKey)).toBe(before.stored.get(firstKey));
    expect(state().notices.map((n) => [n.tone, n.text])).toEqual([
      ['info', 'Opened the shared design as "Two-tier web and MySQL (shared)", a new copy beside your designs; nothing else changed.'],
    ]);

    // The same link again (say, in another tab) makes a second copy, never overwriting the first.
    expect(openSharedLink(page(link.url.slice(link.url.indexOf('#'))), library)).toBe('opened');
    expect(state().library.map((e) => e.name).slice(1)).toEqual(['Two-tier web and MySQL (shared)', 'Two-tier web and MySQL (shared 2)']);
  });

  it('refuses a damaged link with a notice, clears it, and changes nothing else', () => {
    const { storage, library } = bootedLibrary();
    const before = { library: state().library, design: state().design, stored: new Map(storage.data) };
    const link = shareLink(templateById('three-tier')!.build(), BASE) as { url: string };
    const cut = link.url.slice(link.url.indexOf('#'), -200);
    const p = page(cut);

    expect(openSharedLink(p, library)).toBe('refused');
    expect(p.replaced).toEqual(['/app/?x=1']);
    expect(state().library).toEqual(before.library);
    expect(state().design).toBe(before.design);
    expect(storage.data).toEqual(before.stored);
    expect(state().notices.map((n) => [n.tone, n.text])).toEqual([
      [
        'error',
        'This share link is damaged or incomplete (it may have been cut off when it was sent): ask for it again, or for the design file. Nothing was opened; your designs are unchanged.',
      ],
    ]);
  });

  it('leaves a page without a design fragment alone', () => {
    const { library } = bootedLibrary();
    const p = page('#somewhere');
    expect(openSharedLink(p, library)).toBe('none');
    expect(p.replaced).toEqual([]);
    expect(p.location.hash).toBe('#somewhere');
    expect(state().library).toHaveLength(1);
    expect(state().notices).toEqual([]);
  });
});
