/** A value or a coded error: core functions return this instead of throwing on bad input. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

/** Unwraps a Result or throws its error: for tests and code that has already validated. */
export function unwrap<T, E>(r: Result<T, E>): T {
  if (r.ok) return r.value;
  const e = r.error as { message?: string; code?: string };
  throw new Error(e?.message ?? e?.code ?? String(r.error));
}
