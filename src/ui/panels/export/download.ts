/** Saves text or a blob as a file through the browser's own download. */

export function download(content: Blob | string, name: string, mime: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type: `${mime};charset=utf-8` }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the URL after click() returns; give them time before letting it go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
