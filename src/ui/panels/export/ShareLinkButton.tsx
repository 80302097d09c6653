/** "Copy share link" and what became of it: copied, refused (the link shown to copy by hand), or too large (file downloaded). */
import { useEffect, useRef, useState } from 'react';
import type { Design } from '../../../core/model/index.ts';
import { Button } from '../../components/Button.tsx';
import { shareDesign, shareMessage, type ShareOutcome } from './share.ts';

export function ShareLinkButton({ design }: { design: Design }) {
  const [outcome, setOutcome] = useState<ShareOutcome | null>(null);
  const field = useRef<HTMLInputElement>(null);
  // A link made for an earlier version of the design would share the wrong thing.
  useEffect(() => setOutcome(null), [design]);
  useEffect(() => {
    if (outcome?.kind === 'copy-denied') field.current?.select();
  }, [outcome]);

  return (
    <div className="flex min-w-0 max-w-xl flex-col gap-2">
      <div className="flex items-center gap-3">
        <Button icon="link" title="Puts the whole design into a link of up to 8,000 characters; nothing is uploaded" onClick={() => void shareDesign(design, window.location.href).then(setOutcome)}>
          Copy share link
        </Button>
      </div>
      <div aria-live="polite" className="empty:hidden">
        {outcome && (
          <p role="status" aria-label="Share link" className={`text-[14px] leading-snug ${outcome.kind === 'copied' ? 'text-emerald-800 dark:text-emerald-300' : 'text-amber-900 dark:text-amber-200'}`}>
            {shareMessage(outcome)}
          </p>
        )}
      </div>
      {outcome?.kind === 'copy-denied' && (
        <input
          ref={field}
          readOnly
          aria-label="Share link to copy"
          value={outcome.url}
          onFocus={(e) => e.currentTarget.select()}
          className="w-full rounded-lg bg-slate-50 px-2 py-1.5 font-mono text-[13px] ring-1 ring-slate-300 dark:bg-slate-950 dark:ring-slate-600"
        />
      )}
    </div>
  );
}
