/** The title row of a container node (VPC, subnet): icon, name, a tag, and one line of detail. */
import type { ReactNode } from 'react';
import { Icon, type IconName } from '../../components/Icon.tsx';

export function ContainerHeader({ icon, name, tag, detail, large }: { icon: IconName; name: string; tag: ReactNode; detail: string; large?: boolean }) {
  return (
    <header className={`flex items-start gap-2.5 ${large ? 'px-5 pt-3.5' : 'px-4 pt-3'}`}>
      <Icon name={icon} className={`${large ? 'size-7' : 'size-6'} mt-0.5 shrink-0 opacity-80`} />
      <div className="min-w-0 flex-1">
        <div className="flex items-center gap-2">
          <span className={`truncate font-semibold text-slate-900 dark:text-slate-50 ${large ? 'text-lg' : 'text-base'}`}>{name}</span>
          {tag}
        </div>
        <div className="truncate font-mono text-[13px] text-slate-600 dark:text-slate-300">{detail}</div>
      </div>
    </header>
  );
}
