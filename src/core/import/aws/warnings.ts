/**
 * Warnings an import raises: the design was built, but something in the input was repaired,
 * guessed, left out or refers to something the input does not hold. Shaped like ModelError so
 * the UI and the CLI can show both the same way.
 */
export interface ImportWarning {
  code: string;
  message: string;
  /** The input file the warning is about, when there is one. */
  file?: string;
  /** JSON path inside that file (formatPath), when the warning is about one field. */
  path?: string;
  /** The id of the entity concerned. */
  subject?: string;
}

/** Beyond this many warnings of one code, the rest are counted in one summary warning. */
const PER_CODE_LIMIT = 200;

/** Collects warnings, capping each code so a huge account cannot flood the list. */
export class WarningSink {
  private readonly list: ImportWarning[] = [];
  private readonly perCode = new Map<string, number>();

  add(warning: ImportWarning): void {
    const n = (this.perCode.get(warning.code) ?? 0) + 1;
    this.perCode.set(warning.code, n);
    if (n <= PER_CODE_LIMIT) this.list.push(warning);
  }

  /** The warnings in the order raised, then one summary per capped code. */
  all(): ImportWarning[] {
    const out = [...this.list];
    for (const [code, n] of this.perCode) {
      if (n > PER_CODE_LIMIT) {
        out.push({ code, message: `${n - PER_CODE_LIMIT} more warnings of this kind (${code}) were not listed.` });
      }
    }
    return out;
  }
}
