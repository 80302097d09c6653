/**
 * The command palette (Ctrl+K): type a few words, pick with the arrows, run with Enter. A combobox
 * over a listbox, so screen readers announce the active command.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { designStore, useStore } from '../../store/index.ts';
import { buildCommands, filterCommands } from './command-list.ts';

function CommandSearch({ onDone }: { onDone: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const commands = useMemo(() => buildCommands(designStore.getState()), []);
  const shown = useMemo(() => filterCommands(commands, query).slice(0, 50), [commands, query]);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => setActive(0), [query]);
  const current = shown[Math.min(active, shown.length - 1)];
  const runCommand = (index: number) => {
    const cmd = shown[index];
    if (!cmd) return;
    onDone();
    cmd.run();
  };

  return (
    <div className="flex flex-col gap-3">
      <input
        ref={input}
        role="combobox"
        aria-expanded="true"
        aria-controls="command-list"
        aria-activedescendant={current ? `command-${current.id}` : undefined}
        aria-label="Command"
        placeholder="Type to search: add, move, select, attach…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, shown.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') runCommand(Math.min(active, shown.length - 1));
          else return;
          e.preventDefault();
        }}
        className="min-h-11 w-full rounded-lg bg-white px-3 text-base text-slate-900 ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-sky-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-600"
      />
      <ul id="command-list" role="listbox" aria-label="Commands" className="flex max-h-[50vh] flex-col gap-0.5 overflow-y-auto">
        {shown.length === 0 && <li className="px-3 py-2 text-[15px] text-slate-500 dark:text-slate-400">No command matches.</li>}
        {shown.map((c, i) => (
          <li
            key={c.id}
            id={`command-${c.id}`}
            role="option"
            aria-selected={c === current}
            onMouseEnter={() => setActive(i)}
            onClick={() => runCommand(i)}
            className={`flex cursor-pointer items-baseline justify-between gap-3 rounded-lg px-3 py-2 text-[15px] ${c === current ? 'bg-sky-100 text-sky-950 dark:bg-sky-900/60 dark:text-sky-50' : ''}`}
          >
            <span>{c.label}</span>
            <span className="shrink-0 text-[12px] font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">{c.section}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CommandPalette() {
  const open = useStore((s) => s.commandsOpen);
  const close = () => designStore.getState().setCommandsOpen(false);
  return (
    <Dialog open={open} title="Commands" onClose={close} width="max-w-xl">
      {open && <CommandSearch onDone={close} />}
    </Dialog>
  );
}
