/** Light and dark themes: a `dark` class on <html>, remembered in browser storage. */
import { designStore, type Theme } from '../ui/store/index.ts';

const THEME_KEY = 'tierwise.theme';

export function initialTheme(): Theme {
  const saved = window.localStorage.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function applyTheme(theme: Theme) {
  document.documentElement.classList.toggle('dark', theme === 'dark');
  document.documentElement.style.colorScheme = theme;
}

/** Applies the store's theme now and whenever it changes; returns the unsubscribe. */
export function followTheme(): () => void {
  applyTheme(designStore.getState().theme);
  return designStore.subscribe((s, prev) => {
    if (s.theme === prev.theme) return;
    applyTheme(s.theme);
    window.localStorage.setItem(THEME_KEY, s.theme);
  });
}
