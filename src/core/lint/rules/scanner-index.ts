/** The checks the scanners have (lint-catalogue.md, first table), one file each. */
import type { LintRule } from '../types.ts';

export const SCANNER_RULES: readonly LintRule[] = [];
