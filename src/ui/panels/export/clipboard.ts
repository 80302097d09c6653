/** The clipboard, which a browser may refuse (no permission, not a secure page): false then, never a throw. */

export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Copies a PNG so it pastes straight into slides. */
export async function copyImage(png: Blob): Promise<boolean> {
  try {
    if (!navigator.clipboard?.write || typeof ClipboardItem === 'undefined') return false;
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    return true;
  } catch {
    return false;
  }
}

/** Selects an element's text, for copying by hand when the clipboard is refused. */
export function selectContents(el: Element | null): void {
  const selection = el ? window.getSelection() : null;
  if (!el || !selection) return;
  selection.removeAllRanges();
  const range = document.createRange();
  range.selectNodeContents(el);
  selection.addRange(range);
}
