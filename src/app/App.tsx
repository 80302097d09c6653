/** Composition root: lays out the panels around the canvas and starts the side effects. */
import { useEffect } from 'react';
import { DesignCanvas } from '../ui/canvas/DesignCanvas.tsx';
import { CommandPalette } from '../ui/panels/commands/CommandPalette.tsx';
import { ConnectDialog } from '../ui/panels/ConnectDialog.tsx';
import { DesignLibrary } from '../ui/panels/DesignLibrary.tsx';
import { FindingsPanel } from '../ui/panels/findings/FindingsPanel.tsx';
import { PathsPanel } from '../ui/panels/paths/PathsPanel.tsx';
import { Inspector } from '../ui/panels/inspector/Inspector.tsx';
import { Notices } from '../ui/panels/Notices.tsx';
import { Palette } from '../ui/panels/Palette.tsx';
import { SecurityGroupList } from '../ui/panels/SecurityGroupList.tsx';
import { ShortcutsDialog } from '../ui/panels/ShortcutsDialog.tsx';
import { StatusBar } from '../ui/panels/StatusBar.tsx';
import { TemplatesDialog } from '../ui/panels/TemplatesDialog.tsx';
import { ImportDialog } from '../ui/panels/import/ImportDialog.tsx';
import { ExportDialog } from '../ui/panels/export/ExportDialog.tsx';
import { captureDesignImage } from '../ui/canvas/image-capture.ts';
import { TopBar } from '../ui/panels/TopBar.tsx';
import { designStore, useStore } from '../ui/store/index.ts';
import { startAutosave } from './autosave.ts';
import { startFindings } from './findings.ts';
import { startPaths } from './paths.ts';
import { startEdgeFindings } from './edge-findings.ts';
import { installImportDrop } from './import-drop.ts';
import { installShortcuts } from './keyboard.ts';
import type { Library } from './library.ts';
import { installSharedLinks } from './shared-link.ts';
import { followTheme } from './theme.ts';

export function App({ library }: { library: Library }) {
  const presenting = useStore((s) => s.presenting);
  const findingsOpen = useStore((s) => s.findingsOpen);
  const pathsOpen = useStore((s) => s.pathsOpen);
  useEffect(() => {
    const stops = [startAutosave(designStore, library.save), startFindings(designStore), startPaths(designStore), startEdgeFindings(designStore), installShortcuts(), followTheme(), installImportDrop(), installSharedLinks(library)];
    return () => stops.forEach((stop) => stop());
  }, [library]);

  return (
    <div className="flex h-full flex-col bg-slate-50 text-slate-800 dark:bg-slate-950 dark:text-slate-100">
      <TopBar />
      <div className="flex min-h-0 flex-1">
        <div hidden={presenting} className={`flex ${pathsOpen ? 'w-[22rem]' : 'w-64'} shrink-0 flex-col border-r border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-900/60`}>
          {/* While analysing paths the palette gives way to them; the canvas keeps its full height. */}
          {pathsOpen ? (
            <div className="min-h-0 flex-1">
              <PathsPanel />
            </div>
          ) : (
            <div className="min-h-0 flex-1 overflow-y-auto p-3">
              <Palette />
            </div>
          )}
          <div className={`${pathsOpen ? 'max-h-[26%]' : 'max-h-[42%]'} shrink-0 overflow-y-auto border-t border-slate-200 p-3 dark:border-slate-700`}>
            <SecurityGroupList />
          </div>
        </div>
        <main className="flex min-w-0 flex-1 flex-col" aria-label="Canvas">
          <div className="relative min-h-0 flex-1">
            <DesignCanvas />
            <Notices />
          </div>
          {findingsOpen && !presenting && (
            <div className="h-[36%] min-h-48 shrink-0 border-t border-slate-200 dark:border-slate-700">
              <FindingsPanel />
            </div>
          )}
        </main>
        <div hidden={presenting} className="w-80 shrink-0 overflow-y-auto border-l border-slate-200 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-900/60">
          <Inspector />
        </div>
      </div>
      <StatusBar />
      <ShortcutsDialog />
      <DesignLibrary actions={library} />
      <TemplatesDialog actions={library} />
      <ImportDialog actions={library} />
      <ExportDialog captureImage={captureDesignImage} />
      <CommandPalette />
      <ConnectDialog />
    </div>
  );
}
