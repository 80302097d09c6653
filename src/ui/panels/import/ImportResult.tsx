/** What an import recognised (kind, files, counts, warnings), or why it failed: file, place, reason. */
import type { ModelError } from '../../../core/model/index.ts';
import { kindLabel, type Prepared } from './run-import.ts';

/** Warnings shown at once; the rest are counted (a large account can raise hundreds). */
const WARNINGS_SHOWN = 30;

export function ImportSummary({ prepared, skipped }: { prepared: Prepared; skipped: string[] }) {
  const { counts, warnings } = prepared;
  const stats: Array<[string, number]> = [
    ['VPCs', counts.vpcs],
    ['Subnets', counts.subnets],
    ['Security groups', counts.groups],
    ['Resources', counts.resources],
  ];
  return (
    <section aria-label="Recognised" className="flex flex-col gap-3">
      <div>
        <div className="text-base font-semibold">{kindLabel(prepared.kind)}</div>
        <p className="text-[14px] text-slate-600 dark:text-slate-300">
          {prepared.files.length === 1 ? prepared.files[0] : `${prepared.files.length} files: ${prepared.files.join(', ')}`}
        </p>
      </div>
      <dl className="grid grid-cols-4 gap-2">
        {stats.map(([label, n]) => (
          <div key={label} className="rounded-xl bg-slate-100 px-3 py-2 dark:bg-slate-800">
            <dt className="text-[13px] text-slate-600 dark:text-slate-300">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums" aria-label={`${n} ${label.toLowerCase()}`}>
              {n}
            </dd>
          </div>
        ))}
      </dl>
      {skipped.length > 0 && (
        <p className="text-[14px] text-slate-600 dark:text-slate-300">
          Left out {skipped.length} {skipped.length === 1 ? 'file' : 'files'} that cannot be an input: {skipped.slice(0, 5).join(', ')}
          {skipped.length > 5 ? '…' : ''}
        </p>
      )}
      {warnings.length > 0 ? (
        <details className="rounded-xl bg-amber-50 px-3 py-2 ring-1 ring-amber-200 dark:bg-amber-950/40 dark:ring-amber-800">
          <summary className="cursor-pointer text-[15px] font-medium text-amber-950 dark:text-amber-100">
            {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'}: imported, with these repairs or omissions
          </summary>
          <ul aria-label="Import warnings" className="mt-2 flex max-h-56 flex-col gap-1.5 overflow-y-auto text-[14px] leading-snug">
            {warnings.slice(0, WARNINGS_SHOWN).map((w, i) => (
              <li key={i}>
                {w.message}
                {/* The importer's messages usually start with file and path already; add them only when missing. */}
                {(w.file || w.path) && !(w.file && w.message.includes(w.file)) && <span className="text-slate-600 dark:text-slate-400"> ({[w.file, w.path].filter(Boolean).join(', ')})</span>}
              </li>
            ))}
            {warnings.length > WARNINGS_SHOWN && <li>…and {warnings.length - WARNINGS_SHOWN} more.</li>}
          </ul>
        </details>
      ) : (
        <p className="text-[14px] text-slate-600 dark:text-slate-300">No warnings.</p>
      )}
    </section>
  );
}

export function ImportError({ error }: { error: Pick<ModelError, 'message' | 'file' | 'path'> }) {
  const where = [error.file && `File: ${error.file}`, error.path && error.path !== '(root)' && `Where: ${error.path}`].filter(Boolean);
  return (
    <div role="alert" aria-label="Import error" className="rounded-xl bg-rose-50 px-4 py-3 text-rose-950 ring-1 ring-rose-300 dark:bg-rose-950 dark:text-rose-50 dark:ring-rose-700">
      <div className="font-semibold">Nothing was imported</div>
      <p className="mt-1 text-[15px] leading-snug break-words">{error.message}</p>
      {where.length > 0 && <p className="mt-1 text-[14px] break-all text-rose-900 dark:text-rose-200">{where.join(' · ')}</p>}
      <p className="mt-2 text-[14px] text-rose-900 dark:text-rose-200">Your open design is unchanged.</p>
    </div>
  );
}
