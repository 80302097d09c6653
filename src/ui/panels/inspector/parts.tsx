/** Small building blocks of the inspector: a titled section, a read-only property, a heading. */
import type { ReactNode } from 'react';
import { Icon, type IconName } from '../../components/Icon.tsx';

export function InspectorHeading({ icon, kind, title }: { icon: IconName; kind: string; title: string }) {
  return (
    <header className="flex items-center gap-3">
      <span className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-white text-slate-700 ring-1 ring-slate-200 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700">
        <Icon name={icon} className="size-6" />
      </span>
      <div className="min-w-0">
        <div className="text-[13px] font-medium text-slate-500 dark:text-slate-400">{kind}</div>
        <h2 className="truncate text-lg leading-tight font-semibold text-slate-900 dark:text-white">{title}</h2>
      </div>
    </header>
  );
}

export function Section({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section className="flex flex-col gap-2 border-t border-slate-200 pt-3 dark:border-slate-700">
      <div className="flex items-center justify-between">
        <h3 className="text-[12px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">{title}</h3>
        {aside}
      </div>
      {children}
    </section>
  );
}

export function Property({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] items-baseline gap-2 text-[15px]">
      <dt className="text-[13px] text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className={`min-w-0 break-words text-slate-800 dark:text-slate-100 ${mono ? 'font-mono text-[14px]' : ''}`} aria-label={label}>
        {children}
      </dd>
    </div>
  );
}

export function Properties({ children }: { children: ReactNode }) {
  return <dl className="flex flex-col gap-1.5">{children}</dl>;
}

export const selectClass =
  'min-h-9 w-full min-w-0 rounded-lg bg-white px-2 text-[15px] text-slate-900 ring-1 ring-slate-300 focus:ring-2 focus:ring-sky-600 focus:outline-none dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-600';
