/** The linter: the catalogue of checks and the runner. */
export type * from './types.ts';
export { SEVERITIES } from './types.ts';
export { CATALOGUE } from './catalogue.ts';
export { lintContext, runLint } from './run-lint.ts';
