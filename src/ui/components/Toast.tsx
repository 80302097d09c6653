/** One notice: refusals read as alerts, confirmations as status; each leaves on its own after a while. */
import { useEffect } from 'react';
import { IconButton } from './Button.tsx';

export interface ToastProps {
  tone: 'error' | 'info';
  text: string;
  onDismiss: () => void;
  /** Milliseconds before it leaves; refusals stay longer so people can read them. */
  timeout?: number;
}

export function Toast({ tone, text, onDismiss, timeout = tone === 'error' ? 9000 : 4000 }: ToastProps) {
  useEffect(() => {
    const t = window.setTimeout(onDismiss, timeout);
    return () => window.clearTimeout(t);
  }, [onDismiss, timeout]);
  const styles =
    tone === 'error'
      ? 'bg-rose-50 text-rose-950 ring-rose-300 dark:bg-rose-950 dark:text-rose-50 dark:ring-rose-700'
      : 'bg-white text-slate-900 ring-slate-300 dark:bg-slate-800 dark:text-slate-50 dark:ring-slate-600';
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`pointer-events-auto flex max-w-xl items-start gap-3 rounded-xl py-3 pr-2 pl-4 text-[15px] leading-snug shadow-lg ring-1 ${styles}`}>
      <span className={`mt-1.5 size-2.5 shrink-0 rounded-full ${tone === 'error' ? 'bg-rose-600' : 'bg-sky-600'}`} aria-hidden="true" />
      <p className="flex-1">{text}</p>
      <IconButton icon="close" label="Dismiss" onClick={onDismiss} className="-my-1 size-8" />
    </div>
  );
}
