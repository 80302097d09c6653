/** The checks only a designer can make (lint-catalogue.md, second table), one file each. */
import type { LintRule } from '../types.ts';
import { transitiveExposure } from './design-transitive-exposure.ts';
import { tierSkipping } from './design-tier-skipping.ts';
import { staleReference } from './design-stale-reference.ts';
import { shadowedRule } from './design-shadowed-rule.ts';
import { deadNaclRule } from './design-dead-nacl-rule.ts';
import { naclReturnPath } from './design-nacl-return-path.ts';
import { ineffectivePublicRule } from './design-ineffective-public-rule.ts';
import { tierEgress } from './design-tier-egress.ts';
import { unmatchableReference } from './design-unmatchable-reference.ts';
import { quotas } from './design-quotas.ts';
import { albTargetUnreachable } from './design-alb-targets.ts';
import { adminBypassesBastion } from './design-admin-bypass.ts';
import { azCoverage } from './design-az-coverage.ts';

export const DESIGN_RULES: readonly LintRule[] = [
  transitiveExposure,
  tierSkipping,
  staleReference,
  shadowedRule,
  deadNaclRule,
  naclReturnPath,
  ineffectivePublicRule,
  tierEgress,
  unmatchableReference,
  quotas,
  albTargetUnreachable,
  adminBypassesBastion,
  azCoverage,
];
