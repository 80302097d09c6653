import type { ReactNode } from 'react';
import { Handle, Position } from '@xyflow/react';
import { Chip } from '../../components/Chip.tsx';
import { useShallowStore, useStore } from '../../store/index.ts';

/**
 * The security groups of a card: up to four on two rows; beyond that three and a count. Each chip
 * is a connection handle: dragging it onto another resource allows a connection from that group.
 */
export function GroupChips({ groupIds, connectable = false, resourceId }: { groupIds: string[]; connectable?: boolean; resourceId?: string }) {
  const names = useShallowStore((s) => groupIds.map((g) => s.design.securityGroups[g]?.name ?? g));
  // The group that blocks the path on show, drawn in red (src/ui/placement/paths).
  const blocking = useStore((s) => (resourceId ? s.pathChips[resourceId] : undefined));
  const shown = groupIds.length <= 4 ? groupIds : groupIds.slice(0, 3);
  const more = groupIds.length - shown.length;
  return (
    <div className="flex min-w-0 flex-wrap gap-1 overflow-hidden" style={{ maxHeight: 50 }}>
      {shown.map((g, i) =>
        connectable ? (
          <Handle key={g} id={`sg:${g}`} type="source" position={Position.Bottom} isConnectable className="tw-chip-handle nodrag" title={`Drag onto another resource to allow a connection from ${names[i]}`}>
            <BlockingRing on={blocking === g}>
              <Chip groupId={g} name={names[i]!} />
            </BlockingRing>
          </Handle>
        ) : (
          <Chip key={g} groupId={g} name={names[i]!} />
        ),
      )}
      {more > 0 && (
        <span className="rounded-full bg-slate-200 px-2 py-px text-[13px] font-medium text-slate-700 dark:bg-slate-700 dark:text-slate-200" aria-label={`${more} more security groups`}>
          +{more}
        </span>
      )}
    </div>
  );
}

/** A red ring round the chip of the group that blocks the path on show. */
function BlockingRing({ on, children }: { on: boolean; children: ReactNode }) {
  if (!on) return children;
  return (
    <span data-path-blocked-group className="relative inline-flex max-w-full rounded-full">
      {children}
      {/* Inset: the chip row clips anything drawn outside it. */}
      <span aria-hidden="true" className="pointer-events-none absolute inset-0 rounded-full ring-[3px] ring-red-600 ring-inset dark:ring-red-500" />
    </span>
  );
}
