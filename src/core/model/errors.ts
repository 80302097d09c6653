/**
 * Errors the model reports. Each has a stable code (for the UI to phrase and tests to assert),
 * a sentence for people (the CLI prints it as is), and the path of the offending field when
 * the error is about input.
 */
export interface ModelError {
  code: string;
  message: string;
  /** JSON path of the bad field, e.g. `securityGroups.sg-1.ingress[2].peer.cidr`. */
  path?: string;
  /** The file the bad input came from, when there was one. */
  file?: string;
  /** Ids the error is about (resource, group, subnet…). */
  subject?: string;
}

export function modelError(code: string, message: string, extra: Omit<ModelError, 'code' | 'message'> = {}): ModelError {
  return { code, message, ...extra };
}

/** Renders a JSON path from segments the way people read them: `a.b[2].c`. */
export function formatPath(segments: ReadonlyArray<string | number>): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out === '' ? '(root)' : out;
}
