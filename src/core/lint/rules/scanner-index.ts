/** The checks the scanners have (lint-catalogue.md, first table), one file each. */
import type { LintRule } from '../types.ts';
import { allPortsOpenToWorld } from './scanner-all-ports-world.ts';
import { adminPortOpenToWorld } from './scanner-admin-port-world.ts';
import { riskyPortOpenToWorld } from './scanner-risky-port-world.ts';
import { anyPortOpenToWorld } from './scanner-any-port-world.ts';
import { widePublicCidr } from './scanner-wide-public-cidr.ts';
import { narrowPublicSourceOnSensitivePort } from './scanner-narrow-public-sensitive.ts';
import { widePrivateCidr } from './scanner-wide-private-cidr.ts';
import { portRange } from './scanner-port-range.ts';
import { icmpFromWorld } from './scanner-icmp-world.ts';
import { plaintextProtocol } from './scanner-plaintext-port.ts';
import { defaultGroupHasRules, defaultGroupInUse } from './scanner-default-group.ts';
import { launchWizardGroup } from './scanner-launch-wizard.ts';
import { missingDescription } from './scanner-missing-description.ts';
import { tooManyRules } from './scanner-too-many-rules.ts';
import { unusedNetworkAcl, unusedSecurityGroup } from './scanner-unused.ts';
import { openEgress } from './scanner-open-egress.ts';
import { naclAdminPortFromWorld, naclAllPortsFromWorld } from './scanner-nacl-world.ts';
import { databasePubliclyAccessible, instancePublicExposed } from './scanner-public-resources.ts';

export const SCANNER_RULES: readonly LintRule[] = [
  allPortsOpenToWorld,
  adminPortOpenToWorld,
  riskyPortOpenToWorld,
  anyPortOpenToWorld,
  widePublicCidr,
  narrowPublicSourceOnSensitivePort,
  widePrivateCidr,
  portRange,
  icmpFromWorld,
  plaintextProtocol,
  defaultGroupHasRules,
  defaultGroupInUse,
  launchWizardGroup,
  missingDescription,
  tooManyRules,
  unusedSecurityGroup,
  unusedNetworkAcl,
  openEgress,
  naclAllPortsFromWorld,
  naclAdminPortFromWorld,
  databasePubliclyAccessible,
  instancePublicExposed,
];
