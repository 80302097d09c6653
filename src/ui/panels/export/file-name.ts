/**
 * Download names made from a design's name: "Three-tier web app" becomes
 * `three-tier-web-app.tf`. Letters and digits of any script are kept (lower-cased, accents
 * dropped); everything else becomes a hyphen, so no name can carry a path, a control character
 * or a character Windows, macOS or Linux refuses.
 */

const FALLBACK = 'tierwise-design';
/** Leaves room for a suffix and an extension within every file system's 255-byte limit. */
const MAX_STEM = 80;
/** Names Windows reserves whatever the extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** The stem of a file name for a design: `three-tier-web-app`. */
export function fileStem(designName: string): string {
  const slug = designName
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Cut by code points (never half a surrogate pair), then drop a hyphen the cut left at the end.
  const stem = [...slug].slice(0, MAX_STEM).join('').replace(/-+$/, '');
  if (stem === '') return FALLBACK;
  return WINDOWS_RESERVED.test(stem) ? `${stem}-design` : stem;
}

/** A download name: `fileName('Three-tier web app', 'tf')` is `three-tier-web-app.tf`. */
export function fileName(designName: string, extension: string, suffix = ''): string {
  return `${fileStem(designName)}${suffix ? `-${suffix}` : ''}.${extension}`;
}
