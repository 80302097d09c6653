/**
 * Opening a share link (`#design=...`): the design it carries becomes a new library entry, a copy
 * named "<name> (shared)", beside the user's own designs; nothing existing is touched. The
 * fragment is cleared first, so a reload (or a link that stalls the page) never imports twice.
 * Checked at start and whenever the fragment changes (a link pasted into an open tab).
 */
import { readShareFragment, sharedCopyName } from '../ui/share/design-link.ts';
import { designStore } from '../ui/store/index.ts';
import type { Library } from './library.ts';

export interface PageAddress {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
}

export type SharedLinkOutcome = 'none' | 'opened' | 'refused';

/** Reads the page's fragment and opens the design it carries as a copy; says what happened. */
export function openSharedLink(page: PageAddress, library: Pick<Library, 'createFrom'>, store = designStore): SharedLinkOutcome {
  const shared = readShareFragment(page.location.hash);
  if (shared.kind === 'none') return 'none';
  page.history.replaceState(page.history.state, '', `${page.location.pathname}${page.location.search}`);
  if (shared.kind === 'bad') {
    store.getState().notify(`${shared.message} Nothing was opened; your designs are unchanged.`, 'error');
    return 'refused';
  }
  const name = sharedCopyName(shared.design.name, new Set(store.getState().library.map((e) => e.name)));
  library.createFrom({ ...shared.design, name });
  store.getState().notify(`Opened the shared design as "${name}", a new copy beside your designs; nothing else changed.`, 'info');
  return 'opened';
}

/** Opens a share link now and on every later change of the fragment; returns the unsubscribe. */
export function installSharedLinks(library: Pick<Library, 'createFrom'>): () => void {
  const check = () => void openSharedLink(window, library);
  check();
  window.addEventListener('hashchange', check);
  return () => window.removeEventListener('hashchange', check);
}
