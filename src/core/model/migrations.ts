/**
 * Schema migrations: each step lifts a design file one version forward. Readers run every step
 * from the file's version up to SCHEMA_VERSION before validating, so old files keep opening.
 */
import { SCHEMA_VERSION } from './types.ts';
import type { Result } from './result.ts';
import { err, ok } from './result.ts';
import type { ModelError } from './errors.ts';
import { modelError } from './errors.ts';

type RawDesign = Record<string, unknown>;
type Migration = (d: RawDesign) => RawDesign;

/** `steps[n]` lifts version n+1 to n+2. Version 1 is the first: nothing to lift yet. */
export const steps: Migration[] = [];

/** Applies the migrations from `fromVersion` to the current version. */
export function migrate(input: RawDesign, fromVersion: number): Result<RawDesign, ModelError> {
  let design = input;
  for (let v = fromVersion; v < SCHEMA_VERSION; v++) {
    const step = steps[v - 1];
    if (!step) {
      return err(modelError('design/no-migration', `No migration from schemaVersion ${v} to ${v + 1}.`, { path: 'schemaVersion' }));
    }
    design = { ...step(design), schemaVersion: v + 1 };
  }
  return ok(design);
}
