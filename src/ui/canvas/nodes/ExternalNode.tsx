import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Icon } from '../../components/Icon.tsx';
import { useStore } from '../../store/index.ts';
import type { DesignNode } from '../adapters/design-to-flow.ts';
import { probe } from '../render-probe.ts';
import { ConnectHandles } from './ConnectHandles.tsx';
import { PathMark } from './PathMark.tsx';

/** A network outside AWS: the Internet, or a named range such as a corporate network. */
export const ExternalNode = memo(function ExternalNode({ id, selected }: NodeProps<DesignNode>) {
  probe(`render:external:${id}`);
  const network = useStore((s) => s.design.externalNetworks[id]);
  if (!network) return null;
  return (
    <div
      className={`relative flex h-full w-full items-center gap-3 rounded-2xl border-2 border-dashed bg-white/80 px-4 text-slate-800 dark:bg-slate-900/70 dark:text-slate-100 ${
        selected ? 'border-sky-600 dark:border-sky-400' : 'border-slate-400 dark:border-slate-500'
      }`}
    >
      <Icon name={network.kind === 'internet' ? 'internet' : 'external-network'} className="size-8 shrink-0 text-slate-600 dark:text-slate-300" />
      <div className="min-w-0">
        <div className="truncate text-base font-semibold">{network.name}</div>
        <div className="truncate font-mono text-[13px] text-slate-600 dark:text-slate-300">
          {network.kind === 'internet' ? '0.0.0.0/0' : network.cidrs.join(', ')}
        </div>
      </div>
      <ConnectHandles name={network.name} />
      <PathMark id={id} shape="external" />
    </div>
  );
});
