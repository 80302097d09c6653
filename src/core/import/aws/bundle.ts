/**
 * Importing an AWS describe bundle: any mix of the describe commands' JSON (formats.md), as
 * separate files or one merged object, recognised by top-level keys. The result is a validated
 * design and the warnings met on the way, or one ModelError naming the file and JSON path.
 */
import type { Design } from '../../model/types.ts';
import type { ModelError } from '../../model/errors.ts';
import { modelError } from '../../model/errors.ts';
import type { Result } from '../../model/result.ts';
import { err } from '../../model/result.ts';
import { ImportContext, type ImportOptions } from './context.ts';
import { ImportFailure } from './cursor.ts';
import { emptySections, gatherInput, type Sections } from './gather.ts';
import { finalise } from './finalise.ts';
import { importInstances } from './instances.ts';
import { importInternetGateways } from './internet-gateways.ts';
import { importFunctions } from './lambda.ts';
import { importListeners } from './listeners.ts';
import { importLoadBalancers } from './load-balancers.ts';
import { importNatGateways } from './nat-gateways.ts';
import { importNetworkAcls } from './network-acls.ts';
import { importStandaloneInterfaces, readInterfaces } from './network-interfaces.ts';
import { parseInput, type BundleInput } from './parse.ts';
import { importPeerings } from './peerings.ts';
import { importPrefixLists } from './prefix-lists.ts';
import { importDatabases } from './rds.ts';
import { readFunctionTags, readTagDescriptions } from './resource-tags.ts';
import { guessRegion, isRegionName } from './region.ts';
import { importRouteTables } from './route-tables.ts';
import { importSecurityGroups } from './security-groups.ts';
import { importSubnets } from './subnets.ts';
import { importVpcs } from './vpcs.ts';
import type { ImportWarning } from './warnings.ts';

export type { BundleInput } from './parse.ts';
export type { ImportOptions } from './context.ts';

export interface ImportedBundle {
  design: Design;
  warnings: ImportWarning[];
}

function build(sections: Sections, options: ImportOptions): Result<ImportedBundle, ModelError> {
  const ctx = new ImportContext(options, options.region ?? guessRegion(sections));
  const { lists } = sections;
  importPrefixLists(lists.PrefixLists, sections.prefixListEntries, ctx);
  importVpcs(lists.Vpcs, ctx);
  importSubnets(lists.Subnets, ctx);
  // Gateways before tables: a route names its internet gateway by an id the table must recognise.
  importInternetGateways(lists.InternetGateways, ctx);
  importRouteTables(lists.RouteTables, ctx);
  importNatGateways(lists.NatGateways, ctx);
  importPeerings(lists.VpcPeeringConnections, ctx);
  importNetworkAcls(lists.NetworkAcls, ctx);
  importSecurityGroups(lists.SecurityGroups, lists.SecurityGroupRules, ctx);
  // Resources claim their interfaces first; what no resource claims is decided last.
  const interfaces = readInterfaces(lists.NetworkInterfaces, ctx);
  importInstances(lists.Reservations, interfaces, ctx);
  importLoadBalancers(lists.LoadBalancers, interfaces, ctx, readTagDescriptions(lists.TagDescriptions, ctx));
  importDatabases(lists.DBInstances, interfaces, ctx);
  importFunctions(lists.Functions, interfaces, ctx, readFunctionTags(sections.functionTags, ctx));
  importStandaloneInterfaces(interfaces, ctx);
  importListeners(lists.TargetGroups, sections.targetHealth, lists.Listeners, ctx);
  return finalise(ctx);
}

/** Imports AWS describe output (one Region) into a validated design, with the warnings met on the way. */
export function importDescribeBundle(inputs: BundleInput[], options: ImportOptions = {}): Result<ImportedBundle, ModelError> {
  try {
    if (!Array.isArray(inputs) || inputs.length === 0) {
      return err(modelError('import/empty', 'Nothing to import: give at least one file of AWS describe output.'));
    }
    if (options.region !== undefined && !isRegionName(options.region)) {
      return err(modelError('import/region', `"${options.region}" is not a Region name such as eu-west-1.`));
    }
    const sections = emptySections();
    for (const input of inputs) gatherInput(parseInput(input, options.maxChars), sections);
    return build(sections, options);
  } catch (e) {
    if (e instanceof ImportFailure) return err(e.error);
    // A bug or an input beyond what the checks foresaw: still an error, never a crash.
    const reason = e instanceof Error ? e.message : String(e);
    return err(modelError('import/internal', `The import failed unexpectedly: ${reason}`));
  }
}
