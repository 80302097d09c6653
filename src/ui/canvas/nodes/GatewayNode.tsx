import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Icon } from '../../components/Icon.tsx';
import { useStore } from '../../store/index.ts';
import type { DesignNode } from '../adapters/design-to-flow.ts';
import { probe } from '../render-probe.ts';
import { PathMark } from './PathMark.tsx';
import { PathHandles } from './PathHandles.tsx';

/** An internet gateway (on its VPC's top edge) or a NAT gateway (inside a public subnet). */
export const GatewayNode = memo(function GatewayNode({ id, selected }: NodeProps<DesignNode>) {
  probe(`render:gateway:${id}`);
  const igw = useStore((s) => s.design.internetGateways[id]);
  const nat = useStore((s) => s.design.natGateways[id]);
  const gateway = igw ?? nat;
  if (!gateway) return null;
  return (
    <div
      className={`relative flex h-full w-full items-center gap-2.5 rounded-xl bg-white px-3 text-slate-800 shadow-sm dark:bg-slate-900 dark:text-slate-100 ${
        selected ? 'ring-3 ring-sky-600 dark:ring-sky-400' : 'ring-1 ring-slate-300 dark:ring-slate-600'
      }`}
    >
      <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-violet-100 text-violet-800 dark:bg-violet-900/60 dark:text-violet-100">
        <Icon name={igw ? 'internet-gateway' : 'nat-gateway'} className="size-6" />
      </span>
      <div className="min-w-0">
        <div className="truncate text-[15px] leading-tight font-semibold">{gateway.name}</div>
        <div className="truncate text-[13px] text-slate-600 dark:text-slate-300">
          {igw ? 'Internet gateway' : nat?.publicIp ? `NAT · ${nat.publicIp}` : 'NAT gateway'}
        </div>
      </div>
      <PathMark id={id} shape="gateway" />
      <PathHandles />
    </div>
  );
});
