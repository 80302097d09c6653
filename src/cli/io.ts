/** Where a command writes: stdout for answers, stderr for messages. Tests and main pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** What every command exports: its spec (for help) and how to run it; run returns the exit code. */
export type Run = (argv: string[], io: Io) => number | Promise<number>;
