/**
 * A labelled text input that checks as people type and shows why a value is refused right under
 * it. It commits on Enter or blur only when valid; Escape puts the saved value back.
 */
import { useEffect, useId, useState } from 'react';

export interface TextFieldProps {
  label: string;
  value: string;
  /** Why a value is refused, or undefined when it is fine (usually a model naming check). */
  validate?: (value: string) => string | undefined;
  /** Called with a valid, changed value; return false when the store refused it. */
  onCommit: (value: string) => boolean | void;
  placeholder?: string;
  /** Clear the field after a successful commit (a "new item" field). */
  clearOnCommit?: boolean;
  hideLabel?: boolean;
  mono?: boolean;
}

export function TextField({ label, value, validate, onCommit, placeholder, clearOnCommit, hideLabel, mono }: TextFieldProps) {
  const [draft, setDraft] = useState(value);
  const id = useId();
  useEffect(() => setDraft(value), [value]);
  const issue = draft === value && !clearOnCommit ? undefined : validate?.(draft);
  const showIssue = issue && !(clearOnCommit && draft === '');

  const commit = () => {
    if (issue || draft === value) return;
    const accepted = onCommit(draft);
    if (accepted !== false && clearOnCommit) setDraft('');
  };

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'text-[13px] font-medium text-slate-600 dark:text-slate-300'}>
        {label}
      </label>
      <input
        id={id}
        value={draft}
        placeholder={placeholder}
        aria-invalid={showIssue ? true : undefined}
        aria-describedby={showIssue ? `${id}-issue` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => (clearOnCommit ? undefined : issue ? setDraft(value) : commit())}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(value);
        }}
        className={`min-h-9 w-full rounded-lg bg-white px-2.5 text-[15px] text-slate-900 ring-1 outline-none focus:ring-2 dark:bg-slate-900 dark:text-slate-100 ${mono ? 'font-mono' : ''} ${
          showIssue ? 'ring-rose-500 focus:ring-rose-500' : 'ring-slate-300 focus:ring-sky-600 dark:ring-slate-600'
        }`}
      />
      {showIssue && (
        <p id={`${id}-issue`} role="alert" className="text-[13px] leading-snug text-rose-700 dark:text-rose-300">
          {issue}
        </p>
      )}
    </div>
  );
}
