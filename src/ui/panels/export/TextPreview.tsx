/**
 * The preview of a text export: monospace, line numbers that stay put when scrolling sideways,
 * large enough to read on a projector. A very long file shows its first lines only: laying out
 * tens of thousands of lines would stall the dialog, and Copy and Download give the whole file.
 */
import { useMemo, type Ref } from 'react';

export const PREVIEW_MAX_LINES = 3000;

/** Lines in a text, not counting the empty one after a final newline. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

/** The first `max` lines of a text. */
function head(text: string, max: number): string {
  let at = -1;
  for (let i = 0; i < max; i++) {
    at = text.indexOf('\n', at + 1);
    if (at === -1) return text;
  }
  return text.slice(0, at + 1);
}

export interface TextPreviewProps {
  text: string;
  /** The file's name, for the region's accessible name. */
  file: string;
  /** The code element, so a refused copy can select its text for copying by hand. */
  codeRef?: Ref<HTMLElement>;
}

export function TextPreview({ text, file, codeRef }: TextPreviewProps) {
  const { shown, numbers, total } = useMemo(() => {
    const total = lineCount(text);
    const shownLines = Math.min(total, PREVIEW_MAX_LINES);
    return {
      total,
      shown: total > PREVIEW_MAX_LINES ? head(text, PREVIEW_MAX_LINES) : text,
      numbers: Array.from({ length: shownLines }, (_, i) => i + 1).join('\n'),
    };
  }, [text]);

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      {total > PREVIEW_MAX_LINES && (
        <p className="text-[14px] text-slate-600 dark:text-slate-300">
          The preview shows the first {PREVIEW_MAX_LINES.toLocaleString('en')} of {total.toLocaleString('en')} lines; Copy and Download give the whole file.
        </p>
      )}
      <div
        role="region"
        aria-label={`Preview of ${file}`}
        tabIndex={0}
        className="min-h-40 flex-1 overflow-auto rounded-xl bg-slate-50 font-mono text-[14.5px] leading-[1.55] ring-1 ring-slate-200 focus-visible:outline-2 focus-visible:outline-sky-600 dark:bg-slate-950 dark:ring-slate-700"
      >
        <div className="flex min-w-max">
          <pre aria-hidden="true" className="sticky left-0 border-r border-slate-200 bg-slate-100 py-3 pr-3 pl-4 text-right text-slate-400 select-none dark:border-slate-700 dark:bg-slate-900 dark:text-slate-500">
            {numbers}
          </pre>
          <pre className="py-3 pr-6 pl-4 text-slate-800 dark:text-slate-100">
            <code ref={codeRef} data-testid="export-text">
              {shown}
            </code>
          </pre>
        </div>
      </div>
    </div>
  );
}
