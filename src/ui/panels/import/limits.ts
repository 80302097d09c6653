/**
 * How big a file the designer imports. A cap, checked on the file's size before a byte is read,
 * rather than parsing whatever comes:
 * - the design is kept in browser storage (about 5 MB an origin in most browsers), so a design
 *   built from tens of megabytes could not be saved, and autosave would fail on every edit;
 * - reading and parsing happen on the page's one thread; a 20 MB JSON file freezes it for seconds
 *   on a workshop laptop, and the canvas past a few thousand nodes is no longer readable anyway;
 * - the largest real input we know of, a Region's describe bundle with hundreds of instances, is
 *   a few megabytes (describe-instances is the verbose one), well under the cap.
 * Larger accounts go through the command line (`tierwise import`, no such cap), one VPC or Region
 * at a time. The message names the file, its size and the cap.
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** All files of one import together (a folder of a whole account's bundle). */
export const MAX_TOTAL_BYTES = 25 * 1024 * 1024;

/** "20.0 MB", "512 KB", "812 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
