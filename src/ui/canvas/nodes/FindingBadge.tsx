/** A resource's findings at a glance: a dot in the worst severity's colour with the count. */
import type { Severity } from '../../../core/lint/index.ts';
import { SEVERITY_STYLE } from '../../components/severity.ts';
import { useStore } from '../../store/index.ts';

export function FindingBadge({ resourceId }: { resourceId: string }) {
  // A string ("high:3"): the node re-renders only when its own summary changes.
  const badge = useStore((s) => s.findingBadges[resourceId]);
  if (!badge) return null;
  const [severity, count] = badge.split(':') as [Severity, string];
  const label = `${count} finding${count === '1' ? '' : 's'}, worst ${severity}`;
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      data-severity={severity}
      className="absolute -top-2.5 -right-2.5 inline-flex h-6 items-center gap-1 rounded-full bg-white py-0.5 pr-2 pl-1.5 text-[13px] font-semibold text-slate-800 tabular-nums shadow-sm ring-1 ring-slate-300 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600"
    >
      <span className={`size-2.5 rounded-full ${SEVERITY_STYLE[severity].dot}`} aria-hidden="true" />
      {count}
    </span>
  );
}
