/** The AWS describe-bundle importer and the collector script that produces a bundle. */
export { importDescribeBundle, type BundleInput, type ImportedBundle, type ImportOptions } from './bundle.ts';
export { DESCRIBE_KEYS, recogniseJson, recogniseText, type InputKind, type Recognition } from './recognise.ts';
export { collectScript, shellQuote, type CollectOptions } from './collect.ts';
export { isRegionName } from './region.ts';
export type { ImportWarning } from './warnings.ts';
