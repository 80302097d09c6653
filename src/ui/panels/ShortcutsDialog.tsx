/** The `?` dialog: every keyboard shortcut. */
import { Dialog } from '../components/Dialog.tsx';
import { SHORTCUTS } from '../shortcuts.ts';
import { designStore, useStore } from '../store/index.ts';

export function ShortcutsDialog() {
  const open = useStore((s) => s.shortcutsOpen);
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={() => designStore.getState().setShortcutsOpen(false)}>
      <table className="w-full text-[15px]">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.does} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <td className="py-2 pr-4 whitespace-nowrap">
                {s.keys.map((k) => (
                  <kbd key={k} className="mr-1 inline-block min-w-7 rounded-md border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-center font-mono text-[13px] dark:border-slate-600 dark:bg-slate-800">
                    {k}
                  </kbd>
                ))}
              </td>
              <td className="py-2 text-slate-700 dark:text-slate-200">{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
