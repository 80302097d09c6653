/**
 * Dropping files anywhere on the window opens the Import dialog with them. Without this the
 * browser would open a dropped file in place of the designer, losing the page. Palette drags
 * carry no files and pass through untouched; a drop the dialog's own zone handled is skipped.
 */
import { draggingFiles, filesOfDrop } from '../ui/panels/import/dropped-files.ts';
import { offerFiles } from '../ui/panels/import/file-channel.ts';

export function installImportDrop(target: Window = window): () => void {
  const onDragOver = (e: DragEvent) => {
    if (!draggingFiles(e) || e.defaultPrevented) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent) => {
    if (!draggingFiles(e) || e.defaultPrevented || !e.dataTransfer) return;
    e.preventDefault();
    void filesOfDrop(e.dataTransfer).then((files) => {
      if (files.length > 0) offerFiles(files);
    });
  };
  target.addEventListener('dragover', onDragOver);
  target.addEventListener('drop', onDrop);
  return () => {
    target.removeEventListener('dragover', onDragOver);
    target.removeEventListener('drop', onDrop);
  };
}
