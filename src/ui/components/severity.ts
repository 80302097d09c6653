/** The colours of finding severities, shared by the findings panel, the top bar and canvas badges. */
import type { Severity } from '../../core/lint/index.ts';

export interface SeverityStyle {
  label: string;
  /** A solid dot or badge background. */
  dot: string;
  /** Text in the severity's colour on the panel background. */
  text: string;
  /** A soft chip: tinted background, readable text, a ring. */
  chip: string;
}

export const SEVERITY_STYLE: Record<Severity, SeverityStyle> = {
  critical: {
    label: 'Critical',
    dot: 'bg-red-600 dark:bg-red-500',
    text: 'text-red-700 dark:text-red-300',
    chip: 'bg-red-50 text-red-800 ring-red-300 dark:bg-red-950/60 dark:text-red-200 dark:ring-red-800',
  },
  high: {
    label: 'High',
    dot: 'bg-orange-500 dark:bg-orange-400',
    text: 'text-orange-700 dark:text-orange-300',
    chip: 'bg-orange-50 text-orange-800 ring-orange-300 dark:bg-orange-950/60 dark:text-orange-200 dark:ring-orange-800',
  },
  medium: {
    label: 'Medium',
    dot: 'bg-amber-400 dark:bg-amber-300',
    text: 'text-amber-700 dark:text-amber-300',
    chip: 'bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950/60 dark:text-amber-200 dark:ring-amber-800',
  },
  low: {
    label: 'Low',
    dot: 'bg-slate-400 dark:bg-slate-400',
    text: 'text-slate-600 dark:text-slate-300',
    chip: 'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600',
  },
  info: {
    label: 'Info',
    dot: 'bg-sky-500 dark:bg-sky-400',
    text: 'text-sky-700 dark:text-sky-300',
    chip: 'bg-sky-50 text-sky-800 ring-sky-300 dark:bg-sky-950/60 dark:text-sky-200 dark:ring-sky-800',
  },
};
