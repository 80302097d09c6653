/**
 * The catalogue: every rule, scanner checks first, then the checks only a designer can make.
 * Each rule lives in its own file under rules/; this file only lists them.
 */
import type { LintRule } from './types.ts';
import { SCANNER_RULES } from './rules/scanner-index.ts';
import { DESIGN_RULES } from './rules/design-index.ts';

export const CATALOGUE: readonly LintRule[] = [...SCANNER_RULES, ...DESIGN_RULES];
