import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useStore } from '../../store/index.ts';
import type { DesignNode } from '../adapters/design-to-flow.ts';
import { probe } from '../render-probe.ts';
import { ContainerHeader } from './ContainerHeader.tsx';
import { PathMark } from './PathMark.tsx';

/** A VPC: a quiet slate area with a labelled border; subnets and its internet gateway sit inside. */
export const VpcNode = memo(function VpcNode({ id, selected }: NodeProps<DesignNode>) {
  probe(`render:vpc:${id}`);
  const vpc = useStore((s) => s.design.vpcs[id]);
  if (!vpc) return null;
  return (
    <div
      className={`relative h-full w-full rounded-2xl border-2 bg-slate-100/70 text-slate-700 dark:bg-slate-800/50 dark:text-slate-200 ${
        selected ? 'border-sky-600 dark:border-sky-400' : 'border-slate-400 dark:border-slate-500'
      }`}
    >
      <ContainerHeader
        large
        icon="vpc"
        name={vpc.name}
        tag={<span className="rounded-md bg-slate-700 px-1.5 py-px text-[12px] font-semibold tracking-wide text-white dark:bg-slate-300 dark:text-slate-900">VPC</span>}
        detail={`${vpc.cidrs.join(', ')} · ${vpc.region}`}
      />
      <PathMark id={id} shape="container" />
    </div>
  );
});
