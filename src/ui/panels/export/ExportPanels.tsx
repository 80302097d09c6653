/** The right-hand side of the export dialog: the text export (notes, preview) or the image. */
import type { Ref } from 'react';
import type { FormatId } from './formats.ts';
import { formatInfo } from './formats.ts';
import { TextPreview } from './TextPreview.tsx';
import type { ImageState, TextState } from './use-export.ts';

const kB = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en')} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

function Working({ children }: { children: string }) {
  return (
    <div role="status" className="flex min-h-40 flex-1 items-center justify-center gap-3 rounded-xl bg-slate-50 text-[15px] text-slate-600 ring-1 ring-slate-200 dark:bg-slate-950 dark:text-slate-300 dark:ring-slate-700">
      <span className="size-4 animate-spin rounded-full border-2 border-slate-300 border-t-sky-600" aria-hidden="true" />
      {children}
    </div>
  );
}

function Failure({ title, message }: { title: string; message: string }) {
  return (
    <div role="alert" aria-label="Export error" className="rounded-xl bg-rose-50 px-4 py-3 text-[15px] text-rose-950 ring-1 ring-rose-300 dark:bg-rose-950 dark:text-rose-50 dark:ring-rose-700">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{message}</p>
      <p className="mt-1 text-[14px]">Your design is unchanged, and the other formats still work.</p>
    </div>
  );
}

/** What the exporter says it left out, above the preview so nobody deploys without reading it. */
function Notes({ format, notes }: { format: FormatId; notes: string[] }) {
  const iac = format === 'terraform' || format === 'cloudformation';
  if (notes.length === 0) {
    return iac ? <p className="text-[14px] text-emerald-800 dark:text-emerald-300">Everything the design holds is in this file.</p> : null;
  }
  const heading = iac ? `Not in this file (${notes.length})` : 'Note';
  return (
    <section aria-label="Exporter notes" className="max-h-40 shrink-0 overflow-y-auto rounded-xl bg-amber-50 px-4 py-3 text-[15px] text-amber-950 ring-1 ring-amber-300 dark:bg-amber-950/60 dark:text-amber-50 dark:ring-amber-700">
      <h3 className="font-semibold">{heading}</h3>
      <ul className="mt-1 list-disc pl-5 leading-snug">
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </section>
  );
}

export function TextExportPanel({ format, file, state, codeRef }: { format: FormatId; file: string; state: TextState; codeRef: Ref<HTMLElement> }) {
  const label = formatInfo(format).label;
  if (state.status === 'working') return <Working>{`Writing the ${label} export…`}</Working>;
  const { result } = state;
  if (!result.ok) return <Failure title={`Tierwise could not write the ${label} export.`} message={result.message} />;
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3">
      <Notes format={format} notes={result.notes} />
      <TextPreview text={result.text} file={file} codeRef={codeRef} />
    </div>
  );
}

/** Above this many resources, drawing takes long enough to warn that the page pauses meanwhile. */
const LARGE_DIAGRAM = 200;

export function ImageExportPanel({ format, state, resources }: { format: 'png' | 'svg'; state: ImageState; resources: number }) {
  if (state.status === 'working') {
    return <Working>{resources > LARGE_DIAGRAM ? `Drawing the diagram of ${resources.toLocaleString('en')} resources; the page pauses until it is done…` : 'Drawing the diagram…'}</Working>;
  }
  if (state.status === 'failed') return <Failure title={`Tierwise could not draw the ${format.toUpperCase()} image.`} message={state.message} />;
  const { image, url } = state;
  const pixels = format === 'png' ? `${Math.floor(image.width * image.pixelRatio).toLocaleString('en')} × ${Math.floor(image.height * image.pixelRatio).toLocaleString('en')} px` : `${image.width.toLocaleString('en')} × ${image.height.toLocaleString('en')}`;
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <p className="text-[14px] text-slate-600 dark:text-slate-300">
        {pixels}
        {format === 'png' && image.pixelRatio !== 1 ? ` (${Number(image.pixelRatio.toFixed(2))}x)` : ''} · {kB(image.blob.size)}
      </p>
      <div className="flex min-h-40 flex-1 items-center justify-center overflow-hidden rounded-xl bg-[repeating-conic-gradient(#e2e8f0_0%_25%,#f8fafc_0%_50%)] bg-[length:20px_20px] p-3 ring-1 ring-slate-200 dark:bg-[repeating-conic-gradient(#1e293b_0%_25%,#0f172a_0%_50%)] dark:ring-slate-700">
        <img src={url} alt={`The ${format.toUpperCase()} image of the design`} className="max-h-full max-w-full object-contain shadow-md" />
      </div>
    </div>
  );
}
