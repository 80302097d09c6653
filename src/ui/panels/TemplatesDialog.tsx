/** Start a new design from a built-in architecture; the current design stays in the library. */
import { Button } from '../components/Button.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { TEMPLATES } from '../../core/templates/index.ts';
import { designStore, useStore, type LibraryActions } from '../store/index.ts';

export function TemplatesDialog({ actions }: { actions: LibraryActions }) {
  const open = useStore((s) => s.templatesOpen);
  const close = () => designStore.getState().setTemplatesOpen(false);
  return (
    <Dialog open={open} title="Start from a template" onClose={close} width="max-w-2xl">
      <p className="mb-3 text-[15px] text-slate-600 dark:text-slate-300">Each template opens as a new design; the one you have open stays in your designs.</p>
      <ul className="flex flex-col gap-2">
        {TEMPLATES.map((t) => (
          <li key={t.id} aria-label={t.title} className="flex items-center gap-4 rounded-xl p-3 ring-1 ring-slate-200 dark:ring-slate-700">
            <div className="min-w-0 flex-1">
              <div className="text-base font-semibold">{t.title}</div>
              <p className="text-[14px] leading-snug text-slate-600 dark:text-slate-300">{t.description}</p>
            </div>
            <Button
              variant="primary"
              onClick={() => {
                actions.createFrom(t.build());
                close();
              }}
            >
              Use
            </Button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
