/**
 * Autosave: a store subscription, outside every action, that saves the design a moment after it
 * last changed, and at once when the page is hidden or closed so a reload loses nothing.
 */
import type { designStore as Store } from '../ui/store/index.ts';

export function startAutosave(store: typeof Store, save: () => void, delayMs = 400): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    save();
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.design === previous.design) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  });
  const onHide = () => flush();
  const onVisibility = () => document.visibilityState === 'hidden' && flush();
  window.addEventListener('pagehide', onHide);
  window.addEventListener('beforeunload', onHide);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    flush();
    unsubscribe();
    window.removeEventListener('pagehide', onHide);
    window.removeEventListener('beforeunload', onHide);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
