/** A form field's problem, said under the field as it is typed, with a one-click fix when one is known ("Use 10.0.0.0/16"). */
import type { FieldIssue } from '../placement/rule-validation.ts';

export function FieldIssueNote({ id, issue, onUse }: { id?: string; issue?: FieldIssue; onUse?: (value: string) => void }) {
  if (!issue) return null;
  return (
    <p id={id} role="alert" className="text-[13px] leading-snug font-normal text-rose-700 dark:text-rose-300">
      {issue.message}
      {issue.suggestion && onUse && (
        <button type="button" className="ml-1 font-medium text-sky-700 underline dark:text-sky-300" onClick={() => onUse(issue.suggestion!)}>
          Use {issue.suggestion}
        </button>
      )}
    </p>
  );
}
