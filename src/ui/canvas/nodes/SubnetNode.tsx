import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { isPublicSubnet } from '../../../core/model/index.ts';
import { useStore } from '../../store/index.ts';
import type { DesignNode } from '../adapters/design-to-flow.ts';
import { probe } from '../render-probe.ts';
import { ContainerHeader } from './ContainerHeader.tsx';
import { PathMark } from './PathMark.tsx';

/** A subnet, tinted green when public and blue when private; the badge follows its route table. */
export const SubnetNode = memo(function SubnetNode({ id, selected }: NodeProps<DesignNode>) {
  probe(`render:subnet:${id}`);
  const subnet = useStore((s) => s.design.subnets[id]);
  const isPublic = useStore((s) => {
    const sub = s.design.subnets[id];
    return sub ? isPublicSubnet(s.design, sub) : false;
  });
  if (!subnet) return null;
  const tint = isPublic
    ? 'bg-emerald-50/90 border-emerald-500/70 text-emerald-800 dark:bg-emerald-950/45 dark:border-emerald-600/70 dark:text-emerald-200'
    : 'bg-sky-50/90 border-sky-500/60 text-sky-800 dark:bg-sky-950/45 dark:border-sky-600/70 dark:text-sky-200';
  const badge = isPublic
    ? 'bg-emerald-600 text-white dark:bg-emerald-500 dark:text-emerald-950'
    : 'bg-sky-700 text-white dark:bg-sky-400 dark:text-sky-950';
  return (
    <div className={`relative h-full w-full rounded-xl border-2 ${tint} ${selected ? 'outline-3 outline-offset-2 outline-sky-600 dark:outline-sky-400' : ''}`}>
      <ContainerHeader
        icon={isPublic ? 'public-subnet' : 'private-subnet'}
        name={subnet.name}
        tag={<span className={`rounded-full px-2 py-px text-[12px] font-semibold ${badge}`}>{isPublic ? 'public' : 'private'}</span>}
        detail={`${subnet.cidr} · ${subnet.availabilityZone}`}
      />
      <PathMark id={id} shape="container" />
    </div>
  );
});
