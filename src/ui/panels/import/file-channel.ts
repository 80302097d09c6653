/**
 * Files dropped anywhere on the window reach the Import dialog through here: the app's drop
 * handler offers them, the dialog (mounted once) takes them. Files are not state to keep or
 * undo, so they never enter the store.
 */
import type { PickedFile } from './read-files.ts';

type Taker = (files: PickedFile[]) => void;
let taker: Taker | undefined;
let waiting: PickedFile[] | undefined;

/** Hands dropped files to the Import dialog (kept until it is mounted). */
export function offerFiles(files: PickedFile[]): void {
  if (taker) taker(files);
  else waiting = files;
}

/** The dialog registers here; returns the unregister function. */
export function takeFiles(fn: Taker): () => void {
  taker = fn;
  if (waiting) {
    const files = waiting;
    waiting = undefined;
    fn(files);
  }
  return () => {
    if (taker === fn) taker = undefined;
  };
}
