/**
 * Import: drop or pick files (several at once, or a folder): a Tierwise design, an AWS describe
 * bundle, Terraform state or `terraform show -json`, CloudFormation, Terraform HCL. The dialog
 * shows what was recognised and opens it as a new design, laid out; the open design is never
 * touched, whatever the input.
 */
import { useEffect, useRef, useState } from 'react';
import type { ModelError } from '../../../core/model/index.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Icon } from '../../components/Icon.tsx';
import { designStore, useStore, type LibraryActions } from '../../store/index.ts';
import { draggingFiles, filesOfDrop } from './dropped-files.ts';
import { takeFiles } from './file-channel.ts';
import { ImportError, ImportSummary } from './ImportResult.tsx';
import { MAX_FILE_BYTES, formatBytes } from './limits.ts';
import { readPicked, type PickedFile } from './read-files.ts';
import { preloadImporter, prepareImport, type Prepared } from './run-import.ts';

type Phase =
  | { phase: 'idle' }
  | { phase: 'working'; what: string }
  | { phase: 'ready'; prepared: Prepared; skipped: string[] }
  | { phase: 'failed'; error: Pick<ModelError, 'message' | 'file' | 'path'> };

/** Lets the browser paint ("Reading…") before the work that follows. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export function ImportDialog({ actions }: { actions: LibraryActions }) {
  const open = useStore((s) => s.importOpen);
  const [state, setState] = useState<Phase>({ phase: 'idle' });
  const [over, setOver] = useState(false);
  const run = useRef(0);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const close = () => {
    run.current++;
    setState({ phase: 'idle' });
    designStore.getState().setImportOpen(false);
  };

  const start = async (picked: PickedFile[]) => {
    const token = ++run.current;
    const current = () => token === run.current;
    designStore.getState().setImportOpen(true);
    setState({ phase: 'working', what: picked.length === 1 ? `Reading ${picked[0]!.path || picked[0]!.file.name}…` : `Reading ${picked.length} files…` });
    await nextFrame();
    const read = await readPicked(picked);
    if (!current()) return;
    if (!read.ok) return setState({ phase: 'failed', error: read });
    const prepared = await prepareImport(read.sources);
    if (!current()) return;
    setState(prepared.ok ? { phase: 'ready', prepared: prepared.value, skipped: read.skipped } : { phase: 'failed', error: prepared.error });
  };

  // Fetch the importer while the user picks files, so the first import answers at once.
  useEffect(() => {
    if (open) preloadImporter();
  }, [open]);

  // Files dropped anywhere on the window arrive here.
  const startRef = useRef(start);
  startRef.current = start;
  useEffect(() => takeFiles((files) => void startRef.current(files)), []);

  const pick = (input: HTMLInputElement | null) => {
    if (!input?.files?.length) return;
    const files = Array.from(input.files).map((file) => ({ file }));
    input.value = '';
    void start(files);
  };

  const openAsNew = () => {
    if (state.phase !== 'ready') return;
    const { design } = state.prepared;
    actions.createFrom(design);
    close();
    designStore.getState().notify(`Imported "${design.name}" as a new design; your other designs are unchanged.`, 'info');
  };

  const footer = (
    <>
      <Button variant="ghost" onClick={close}>
        Cancel
      </Button>
      <Button variant="primary" icon="plus" disabled={state.phase !== 'ready'} onClick={openAsNew}>
        Open as a new design
      </Button>
    </>
  );

  return (
    <Dialog open={open} title="Import" onClose={close} width="max-w-2xl" footer={footer}>
      <div className="flex flex-col gap-4">
        <div
          role="group"
          aria-label="Drop files here"
          onDragOver={(e) => {
            if (!draggingFiles(e)) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            if (!draggingFiles(e)) return;
            e.preventDefault();
            setOver(false);
            void filesOfDrop(e.dataTransfer).then(start);
          }}
          // Compact once there is a result to read, so the result fits without scrolling.
          className={`flex flex-col items-center gap-3 rounded-2xl border-2 border-dashed px-6 text-center transition-colors ${state.phase === 'idle' ? 'py-7' : 'py-4'} ${
            over ? 'border-sky-600 bg-sky-50 dark:bg-sky-950/50' : 'border-slate-300 dark:border-slate-600'
          }`}
        >
          {state.phase === 'idle' && <Icon name="upload" className="size-8 text-slate-500 dark:text-slate-400" />}
          <p className="text-[15px] leading-snug">
            Drop files or a folder here: a Tierwise design, an AWS describe bundle (several files), Terraform state or <code>terraform show -json</code>, a CloudFormation
            template, or Terraform <code>.tf</code>.
          </p>
          <div className="flex gap-2">
            <Button icon="upload" onClick={() => filesInput.current?.click()}>
              Choose files…
            </Button>
            <Button icon="folder" onClick={() => folderInput.current?.click()}>
              Choose a folder…
            </Button>
          </div>
          <p className="text-[13px] text-slate-500 dark:text-slate-400">Up to {formatBytes(MAX_FILE_BYTES)} a file. Nothing leaves your browser.</p>
          <input ref={filesInput} type="file" multiple aria-label="Files to import" className="sr-only" tabIndex={-1} onChange={(e) => pick(e.currentTarget)} />
          <input
            ref={(el) => {
              folderInput.current = el;
              el?.setAttribute('webkitdirectory', '');
            }}
            type="file"
            aria-label="Folder to import"
            className="sr-only"
            tabIndex={-1}
            onChange={(e) => pick(e.currentTarget)}
          />
        </div>
        <div aria-live="polite">
          {state.phase === 'working' && <p className="text-[15px] text-slate-600 dark:text-slate-300">{state.what}</p>}
          {state.phase === 'ready' && <ImportSummary prepared={state.prepared} skipped={state.skipped} />}
          {state.phase === 'failed' && <ImportError error={state.error} />}
        </div>
      </div>
    </Dialog>
  );
}
