/** The inspector's path questions for the selected resource or network. */
import { designStore } from '../../store/index.ts';
import type { PathEnd } from '../../placement/paths/query.ts';
import { Button } from '../../components/Button.tsx';

export function PathActions({ end, name }: { end: PathEnd; name: string }) {
  const { reachFrom, whoCanReach } = designStore.getState();
  return (
    <section className="flex flex-col gap-2 border-t border-slate-200 pt-3 dark:border-slate-700">
      <h3 className="text-[12px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">Paths</h3>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => reachFrom(end)} title="Light up what it reaches (R)">
          Reach from {name}
        </Button>
        {end.kind === 'resource' && (
          <Button onClick={() => whoCanReach(end.id)} title="Light up what reaches it (W)">
            Who can reach {name}?
          </Button>
        )}
      </div>
    </section>
  );
}
