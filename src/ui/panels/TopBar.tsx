/** The top bar: the design's name, the library, undo/redo, templates, import/export, view and theme. */
import { Button, IconButton } from '../components/Button.tsx';
import { TextField } from '../components/TextField.tsx';
import { renameDesign, textIssue } from '../../core/model/index.ts';
import { designStore, redo, undo, useHistory, useStore } from '../store/index.ts';
import { FindingsButton } from './findings/FindingsButton.tsx';
import { PathsButton } from './paths/PathsButton.tsx';

export function TopBar() {
  const name = useStore((s) => s.design.name);
  const theme = useStore((s) => s.theme);
  const presenting = useStore((s) => s.presenting);
  const canUndo = useHistory((h) => h.pastStates.length > 0);
  const canRedo = useHistory((h) => h.futureStates.length > 0);
  const { run, setTheme, setLibraryOpen, setTemplatesOpen, setCommandsOpen, setPresenting, requestFitView, setShortcutsOpen } = designStore.getState();
  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3 dark:border-slate-700 dark:bg-slate-900">
      {/* The name box gives way on a crowded bar, never the wordmark. */}
      <div className="flex shrink-0 items-center gap-2 pr-2">
        <img src="/favicon.svg" alt="" className="size-7" />
        <span className="text-lg font-semibold tracking-tight text-slate-900 dark:text-white">Tierwise</span>
      </div>
      <div className="w-56 min-w-28 xl:w-64">
        <TextField label="Design name" hideLabel value={name} validate={(v) => textIssue(v, 'name', 'name')?.message} onCommit={(v) => run(renameDesign, v)} />
      </div>
      <Button icon="folder" variant="ghost" onClick={() => setLibraryOpen(true)}>
        Designs
      </Button>
      <div className="mx-1 h-6 w-px bg-slate-200 dark:bg-slate-700" />
      <IconButton icon="undo" label="Undo (Ctrl+Z)" disabled={!canUndo} onClick={undo} />
      <IconButton icon="redo" label="Redo (Ctrl+Shift+Z)" disabled={!canRedo} onClick={redo} />
      <div className="flex-1" />
      <FindingsButton />
      <PathsButton />
      <Button icon="template" variant="ghost" onClick={() => setTemplatesOpen(true)} title="Start a new design from a template">
        Templates
      </Button>
      {/* Icon-only on narrow screens. */}
      <Button icon="upload" variant="ghost" aria-label="Import" title="Import a design, describe bundle, Terraform or CloudFormation (or drop files on the window)" onClick={() => designStore.getState().setImportOpen(true)}>
        <span className="hidden min-[1400px]:inline">Import</span>
      </Button>
      <Button icon="download" variant="ghost" aria-label="Export" title="Export: design file, AWS CLI, Terraform, CloudFormation, PNG or SVG (E)" onClick={() => designStore.getState().setExportOpen(true)}>
        <span className="hidden min-[1400px]:inline">Export</span>
      </Button>
      <div className="mx-1 h-6 w-px bg-slate-200 dark:bg-slate-700" />
      <Button variant="ghost" onClick={requestFitView} title="Fit view (F)">
        Fit view
      </Button>
      <Button variant={presenting ? 'primary' : 'ghost'} aria-pressed={presenting} onClick={() => setPresenting(!presenting)} title="Hide the side panels (P)">
        Present
      </Button>
      <IconButton icon={theme === 'dark' ? 'sun' : 'moon'} label={theme === 'dark' ? 'Light theme' : 'Dark theme'} onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} />
      <Button variant="ghost" onClick={() => setCommandsOpen(true)} title="Commands (Ctrl+K)">
        Commands
      </Button>
      <IconButton icon="keyboard" label="Keyboard shortcuts (?)" onClick={() => setShortcutsOpen(true)} />
    </header>
  );
}
