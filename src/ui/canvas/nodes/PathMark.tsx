/**
 * What a node is in the path answer on show: the source, the target, reached (with the ports it is
 * reached on), on the route, or blocking (in red, with a few words of why); dimmed when the answer
 * leaves it out. An overlay inside the node, so the node's own look is untouched. It reads one
 * string per node, so only the nodes whose part in the answer changed re-render.
 */
import { parseMark } from '../../placement/paths/canvas-marks.ts';
import { useStore } from '../../store/index.ts';

/** gateway: badges go above (an internet gateway sits on its VPC's top edge, under the subnets drawn after it). */
type Shape = 'card' | 'container' | 'external' | 'gateway';

const RADIUS: Record<Shape, string> = { card: 'rounded-xl', container: 'rounded-xl', external: 'rounded-2xl', gateway: 'rounded-xl' };

const ROLE_RING = {
  source: 'ring-4 ring-sky-600 dark:ring-sky-400',
  target: 'ring-4 ring-violet-600 dark:ring-violet-400',
  reached: 'ring-4 ring-emerald-600 dark:ring-emerald-400',
  reacher: 'ring-4 ring-emerald-600 dark:ring-emerald-400',
  route: 'ring-[3px] ring-emerald-500/80 dark:ring-emerald-400/80',
} as const;

const ROLE_BADGE = {
  source: { text: 'Source', className: 'bg-sky-700 text-white dark:bg-sky-400 dark:text-slate-950' },
  target: { text: 'Target', className: 'bg-violet-700 text-white dark:bg-violet-400 dark:text-slate-950' },
} as const;

export function PathMark({ id, shape = 'card' }: { id: string; shape?: Shape }) {
  const raw = useStore((s) => s.pathMarks[id]);
  const dim = useStore((s) => s.pathDim && !s.pathMarks[id] && shape !== 'container');
  const mark = parseMark(raw);
  if (!mark) {
    return dim ? <span data-path-role="dimmed" aria-hidden="true" className={`pointer-events-none absolute inset-0 ${RADIUS[shape]} bg-slate-50/75 dark:bg-slate-950/75`} /> : null;
  }
  const radius = RADIUS[shape];
  const blockedRing = mark.blocked ? (mark.first ? 'ring-[5px] ring-red-600 dark:ring-red-500' : 'ring-4 ring-red-500/70 dark:ring-red-400/70') : '';
  const ring = blockedRing || (mark.role ? ROLE_RING[mark.role] : '');
  const role = mark.role === 'source' || mark.role === 'target' ? ROLE_BADGE[mark.role] : undefined;
  const ports = mark.role !== 'route' && mark.role !== 'source' ? mark.label : '';
  const blocked = mark.blocked ? `Blocks${mark.first ? '' : ' too'}: ${mark.blocked}` : '';
  const said = mark.label === 'unreachable' ? '' : ports;
  const label = [
    role?.text,
    said && (mark.role === 'target' ? said : mark.role === 'reacher' ? `reaches the target on ${said}` : `reached on ${said}`),
    mark.role === 'route' && 'on the path',
    blocked,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <span
        data-path-role={mark.role || 'blocked'}
        {...(mark.blocked ? { 'data-path-blocked': mark.first ? 'first' : 'also' } : {})}
        role="img"
        aria-label={label}
        className={`pointer-events-none absolute ${shape === 'container' ? 'inset-0' : '-inset-0.5'} ${radius} ${ring} ${mark.blocked && shape === 'container' ? 'bg-red-500/10' : ''}`}
      />
      {role && (
        <span className={`pointer-events-none absolute -top-3.5 left-3 rounded-full px-2.5 py-0.5 text-[13px] font-semibold shadow-sm ${role.className}`} aria-hidden="true">
          {role.text}
        </span>
      )}
      {(said || blocked) && (
        <span
          aria-hidden="true"
          title={[said, blocked].filter(Boolean).join(' · ')}
          // Bottom right: clear of where path edges meet the card (the middle of each side).
          className={`pointer-events-none absolute right-2 z-10 flex max-w-[calc(100%+1rem)] items-center justify-end gap-1.5 whitespace-nowrap ${shape === 'container' ? 'top-2' : shape === 'gateway' ? '-top-3.5' : '-bottom-3.5'}`}
        >
          {said && (
            <span className={`truncate rounded-full px-2.5 py-0.5 font-mono text-[13px] font-semibold shadow-sm ${mark.role === 'target' ? 'bg-violet-700 text-white dark:bg-violet-400 dark:text-slate-950' : 'bg-emerald-700 text-white dark:bg-emerald-400 dark:text-slate-950'}`}>{said}</span>
          )}
          {blocked && (
            <span className={`truncate rounded-full px-2.5 py-0.5 text-[13px] font-semibold shadow-sm ${mark.first ? 'bg-red-700 text-white dark:bg-red-500 dark:text-slate-950' : 'bg-white text-red-800 ring-2 ring-red-500 dark:bg-slate-900 dark:text-red-300'}`}>
              ✕ {mark.blocked}
            </span>
          )}
        </span>
      )}
    </>
  );
}
