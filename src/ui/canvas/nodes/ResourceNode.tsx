import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { groupsOfResource } from '../../../core/model/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { useGroupColour } from '../../components/use-group-colour.ts';
import { resourceDetail, resourceIcon, resourceKindShort } from '../../placement/labels.ts';
import { useShallowStore, useStore, type StoreState } from '../../store/index.ts';
import type { DesignNode } from '../adapters/design-to-flow.ts';
import { probe } from '../render-probe.ts';
import { GroupChips } from './GroupChips.tsx';
import { ConnectHandles } from './ConnectHandles.tsx';
import { FindingBadge } from './FindingBadge.tsx';
import { PathMark } from './PathMark.tsx';

/** '' when no group is highlighted; the group's id when this resource is a member; 'other' otherwise. */
function groupFocus(s: StoreState, resourceId: string): string {
  const sel = s.selectedId;
  if (!sel || !s.design.securityGroups[sel]) return '';
  return s.design.resources[resourceId]?.enis.some((e) => e.securityGroupIds.includes(sel)) ? sel : 'other';
}

/** A resource card: icon, name, kind, addresses and security-group chips. */
export const ResourceNode = memo(function ResourceNode({ id, selected }: NodeProps<DesignNode>) {
  probe(`render:resource:${id}`);
  const resource = useStore((s) => s.design.resources[id]);
  const groupIds = useShallowStore((s) => {
    const r = s.design.resources[id];
    return r ? groupsOfResource(r) : [];
  });
  const focus = useStore((s) => groupFocus(s, id));
  const focusColour = useGroupColour(focus && focus !== 'other' ? focus : '');
  if (!resource) return null;
  const eni = resource.enis[0];
  const detail = resourceDetail(resource);
  const extraSubnets = resource.enis.length - 1;
  const ring = focus && focus !== 'other' ? `ring-4 ${focusColour.ring}` : selected ? 'ring-3 ring-sky-600 dark:ring-sky-400' : 'ring-1 ring-slate-300 dark:ring-slate-600';
  return (
    <div
      data-group-focus={focus === '' ? 'none' : focus === 'other' ? 'other' : 'member'}
      className={`relative flex h-full w-full flex-col gap-1.5 rounded-xl bg-white px-3.5 py-3 text-slate-800 shadow-sm transition-opacity dark:bg-slate-900 dark:text-slate-100 ${ring} ${
        focus === 'other' ? 'opacity-35' : ''
      }`}
    >
      <div className="flex items-center gap-2.5">
        <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200">
          <Icon name={resourceIcon(resource)} className="size-6" />
        </span>
        <div className="min-w-0">
          <div className="truncate text-base leading-tight font-semibold text-slate-900 dark:text-white">{resource.name}</div>
          <div className="truncate text-[13px] text-slate-600 dark:text-slate-300">
            {resourceKindShort(resource)}
            {detail ? ` · ${detail}` : ''}
          </div>
        </div>
      </div>
      <div className="truncate font-mono text-[13px] text-slate-700 dark:text-slate-200" aria-label="addresses">
        {eni?.privateIps[0] ?? 'no address'}
        {eni?.publicIp ? <span className="text-emerald-700 dark:text-emerald-300"> · {eni.publicIp}</span> : null}
        {extraSubnets > 0 ? <span className="font-sans text-slate-500 dark:text-slate-400"> · +{extraSubnets} AZ</span> : null}
      </div>
      <GroupChips groupIds={groupIds} connectable resourceId={id} />
      <ConnectHandles name={resource.name} />
      <FindingBadge resourceId={id} />
      <PathMark id={id} />
    </div>
  );
});
