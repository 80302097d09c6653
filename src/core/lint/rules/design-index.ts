/** The checks only a designer can make (lint-catalogue.md, second table), one file each. */
import type { LintRule } from '../types.ts';

export const DESIGN_RULES: readonly LintRule[] = [];
