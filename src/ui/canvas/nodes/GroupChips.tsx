import { Handle, Position } from '@xyflow/react';
import { Chip } from '../../components/Chip.tsx';
import { useShallowStore } from '../../store/index.ts';

/**
 * The security groups of a card: up to four on two rows; beyond that three and a count. Each chip
 * is a connection handle: dragging it onto another resource allows a connection from that group.
 */
export function GroupChips({ groupIds, connectable = false }: { groupIds: string[]; connectable?: boolean }) {
  const names = useShallowStore((s) => groupIds.map((g) => s.design.securityGroups[g]?.name ?? g));
  const shown = groupIds.length <= 4 ? groupIds : groupIds.slice(0, 3);
  const more = groupIds.length - shown.length;
  return (
    <div className="flex min-w-0 flex-wrap gap-1 overflow-hidden" style={{ maxHeight: 50 }}>
      {shown.map((g, i) =>
        connectable ? (
          <Handle key={g} id={`sg:${g}`} type="source" position={Position.Bottom} isConnectable className="tw-chip-handle nodrag" title={`Drag onto another resource to allow a connection from ${names[i]}`}>
            <Chip groupId={g} name={names[i]!} />
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
