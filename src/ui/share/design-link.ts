/**
 * Share links: the whole design, compressed with lz-string, in the URL fragment (`#design=...`).
 * The fragment never reaches a server, so nothing is uploaded; the link is the design. Reading a
 * link goes through the model's `readDesign` (migrate, validate, forbidden keys), exactly as an
 * imported design file does, so a crafted link can only ever produce a valid design or a message.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { Design } from '../../core/model/index.ts';
import { MAX_NAME_LENGTH, readDesign } from '../../core/model/index.ts';

/** The fragment parameter that carries the design. */
export const SHARE_PARAM = 'design';

/**
 * The longest link Tierwise makes: 8,000 characters of URL. Chromium, Firefox and Safari take far
 * longer ones, but chat tools and mail clients are the weak link (some cut or refuse links past
 * ~8 k), and a link that arrives cut is a link that does not open.
 */
export const MAX_SHARE_URL_LENGTH = 8000;

/**
 * The longest fragment Tierwise will try to read (twice what it makes, for longer base URLs).
 * lz-string can expand a crafted input quadratically; this bounds the worst case.
 */
export const MAX_SHARE_FRAGMENT_LENGTH = 16_000;

export type ShareLink = { ok: true; url: string } | { ok: false; reason: 'too-large'; length: number; limit: number };

/** The link that carries `design`, built on `base` (any existing fragment is dropped). */
export function shareLink(design: Design, base: string, limit = MAX_SHARE_URL_LENGTH): ShareLink {
  const url = `${base.split('#')[0]}#${SHARE_PARAM}=${compressToEncodedURIComponent(JSON.stringify(design))}`;
  return url.length <= limit ? { ok: true, url } : { ok: false, reason: 'too-large', length: url.length, limit };
}

export type SharedDesign = { kind: 'none' } | { kind: 'design'; design: Design } | { kind: 'bad'; message: string };

/** The `design=` value of a fragment (`#design=...`, possibly among other `&` parameters), if any. */
function fragmentValue(hash: string): string | undefined {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) {
    if (part === SHARE_PARAM || part.startsWith(`${SHARE_PARAM}=`)) return part.slice(SHARE_PARAM.length + 1);
  }
  return undefined;
}

const DAMAGED = 'This share link is damaged or incomplete (it may have been cut off when it was sent): ask for it again, or for the design file.';

/** Reads the design a URL fragment carries: none, a validated design, or why it cannot be opened. */
export function readShareFragment(hash: string): SharedDesign {
  const value = fragmentValue(hash);
  if (value === undefined) return { kind: 'none' };
  if (value === '') return { kind: 'bad', message: 'This share link holds no design (nothing follows "#design=").' };
  if (value.length > MAX_SHARE_FRAGMENT_LENGTH) {
    return {
      kind: 'bad',
      message: `This share link is ${value.length.toLocaleString('en')} characters long, more than Tierwise ever makes (at most ${MAX_SHARE_FRAGMENT_LENGTH.toLocaleString('en')}), so it was not opened.`,
    };
  }
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(value);
  } catch {
    json = null;
  }
  if (!json) return { kind: 'bad', message: DAMAGED };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { kind: 'bad', message: DAMAGED };
  }
  const read = readDesign(parsed, 'the share link');
  if (!read.ok) return { kind: 'bad', message: `This share link does not hold a design Tierwise can open: ${read.error.message}` };
  return { kind: 'design', design: read.value };
}

/**
 * The name a shared copy gets: "<name> (shared)", numbered when that is taken, and cut so it
 * stays within AWS's 255 characters.
 */
export function sharedCopyName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (shared)' : ` (shared ${n})`;
    const candidate = `${name.slice(0, MAX_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
