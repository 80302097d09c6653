/**
 * "Copy share link": the design in the link when it fits, else its design file downloaded, with a
 * sentence for each outcome. Used by the export dialog and the command palette.
 */
import type { Design } from '../../../core/model/index.ts';
import { designStore } from '../../store/index.ts';
import { shareLink } from '../../share/design-link.ts';
import { copyText } from './clipboard.ts';
import { download } from './download.ts';
import { fileName } from './file-name.ts';
import { designFileText, formatInfo } from './formats.ts';

export type ShareOutcome =
  | { kind: 'copied'; url: string }
  | { kind: 'copy-denied'; url: string }
  | { kind: 'too-large'; length: number; limit: number; file: string };

const n = (x: number) => x.toLocaleString('en');

/** Copies the link to `design` (on `base`, the page's address), or downloads the design file when too large. */
export async function shareDesign(design: Design, base: string): Promise<ShareOutcome> {
  const link = shareLink(design, base);
  if (!link.ok) {
    const file = fileName(design.name, 'json');
    download(designFileText(design), file, formatInfo('json').mime);
    return { kind: 'too-large', length: link.length, limit: link.limit, file };
  }
  return (await copyText(link.url)) ? { kind: 'copied', url: link.url } : { kind: 'copy-denied', url: link.url };
}

/** What to tell people about an outcome, in one or two sentences. */
export function shareMessage(outcome: ShareOutcome): string {
  switch (outcome.kind) {
    case 'copied':
      return `Share link copied (${n(outcome.url.length)} characters). Whoever opens it gets their own copy of this design; the design travels inside the link, nothing is uploaded.`;
    case 'copy-denied':
      return 'The browser did not allow copying. The link is selected below: press Ctrl+C (⌘C on a Mac) to copy it.';
    case 'too-large':
      return `This design is too large for a share link (${n(outcome.length)} characters; links stay under ${n(outcome.limit)} so browsers and chat tools keep them whole). Its design file, ${outcome.file}, was downloaded instead: send that, and open it with Import.`;
  }
}

/** The command palette's "Copy share link": the outcome as a notice (the palette has closed). */
export async function shareFromCommand(): Promise<void> {
  const { design, notify } = designStore.getState();
  const outcome = await shareDesign(design, window.location.href);
  if (outcome.kind === 'copy-denied') {
    notify('The browser did not allow copying the share link. Open Export… and use Copy share link there: it shows the link to copy by hand.', 'error');
  } else notify(shareMessage(outcome), 'info');
}
