/** The saved designs of this browser: open, create, duplicate, rename, delete. */
import { useState } from 'react';
import { textIssue } from '../../core/model/index.ts';
import { Button, IconButton } from '../components/Button.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { TextField } from '../components/TextField.tsx';
import { designStore, useStore, type LibraryActions } from '../store/index.ts';

export function DesignLibrary({ actions }: { actions: LibraryActions }) {
  const open = useStore((s) => s.libraryOpen);
  const library = useStore((s) => s.library);
  const currentId = useStore((s) => s.currentDesignId);
  const [deleting, setDeleting] = useState<string | null>(null);
  const close = () => {
    setDeleting(null);
    designStore.getState().setLibraryOpen(false);
  };
  const sorted = [...library].sort((a, b) => b.updatedAt - a.updatedAt);
  return (
    <Dialog
      open={open}
      title="Designs in this browser"
      onClose={close}
      width="max-w-2xl"
      footer={
        <Button variant="primary" icon="plus" onClick={() => actions.create()}>
          New design
        </Button>
      }
    >
      <ul aria-label="Saved designs" className="flex flex-col divide-y divide-slate-200 dark:divide-slate-700">
        {sorted.map((entry) => {
          const current = entry.id === currentId;
          return (
            <li key={entry.id} aria-label={entry.name} className="flex items-center gap-3 py-2.5">
              <div className="min-w-0 flex-1">
                <TextField label={`Name of ${entry.name}`} hideLabel value={entry.name} validate={(v) => textIssue(v, 'name', 'name')?.message} onCommit={(v) => actions.rename(entry.id, v)} />
                <div className="mt-1 text-[13px] text-slate-500 dark:text-slate-400">
                  {current ? 'Open now · ' : ''}saved {new Date(entry.updatedAt).toLocaleString()}
                </div>
              </div>
              {deleting === entry.id ? (
                <>
                  <Button variant="danger" onClick={() => (setDeleting(null), actions.remove(entry.id))}>
                    Delete for good
                  </Button>
                  <Button onClick={() => setDeleting(null)}>Keep</Button>
                </>
              ) : (
                <>
                  <Button variant={current ? 'ghost' : 'secondary'} disabled={current} onClick={() => (actions.open(entry.id), close())}>
                    {current ? 'Open' : 'Open'}
                  </Button>
                  <IconButton icon="copy" label={`Duplicate ${entry.name}`} onClick={() => actions.duplicate(entry.id)} />
                  <IconButton icon="trash" label={`Delete ${entry.name}`} onClick={() => setDeleting(entry.id)} />
                </>
              )}
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
