import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { createLibrary } from './app/library.ts';
import { initialTheme } from './app/theme.ts';
import { designStore } from './ui/store/index.ts';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Restore before the first render, once (StrictMode renders twice; storage must not see that).
designStore.getState().setTheme(initialTheme());
const library = createLibrary(window.localStorage);
library.boot();

createRoot(root).render(
  <StrictMode>
    <App library={library} />
  </StrictMode>,
);
