/** The bottom bar: what the design holds, what is selected, and whether it is saved. */
import { entityLabel } from '../placement/labels.ts';
import { collectionOf } from '../placement/edits.ts';
import { useShallowStore, useStore } from '../store/index.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function StatusBar() {
  const [vpcs, subnets, resources, groups] = useShallowStore((s) => [
    Object.keys(s.design.vpcs).length,
    Object.keys(s.design.subnets).length,
    Object.keys(s.design.resources).length,
    Object.keys(s.design.securityGroups).length,
  ]);
  const selection = useStore((s) => {
    const id = s.selectedId;
    const collection = id ? collectionOf(s.design, id) : undefined;
    return id && collection ? entityLabel(s.design, collection, id) : '';
  });
  const savedAt = useStore((s) => s.lastSavedAt);
  return (
    <footer className="flex h-9 shrink-0 items-center gap-6 border-t border-slate-200 bg-white px-4 text-[13px] text-slate-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300">
      <span>
        {plural(vpcs, 'VPC')} · {plural(subnets, 'subnet')} · {plural(resources, 'resource')} · {plural(groups, 'security group')}
      </span>
      <span aria-live="polite" className="min-w-0 flex-1 truncate">
        {selection ? `Selected: ${selection}` : ''}
      </span>
      <span aria-live="polite" data-testid="save-status">
        {savedAt ? `Saved in this browser at ${new Date(savedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}` : 'Not saved yet'}
      </span>
      <span className="hidden lg:inline">
        Press <kbd className="rounded border border-slate-300 px-1 font-mono dark:border-slate-600">?</kbd> for shortcuts
      </span>
    </footer>
  );
}
