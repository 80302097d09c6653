/**
 * Terraform resources into describe-bundle files, one per input file: the network first, then
 * groups, then what sits in subnets, so that owners are written before what adds to them.
 */
import { regionOfArn, isRegionName } from '../aws/region.ts';
import type { BundleWriter } from '../translate/writer.ts';
import { COMPUTE_TYPES, translateCompute } from './compute.ts';
import { Translation, text } from './context.ts';
import { GROUP_RESOURCE_TYPES, translateGroups } from './groups.ts';
import { LOAD_BALANCER_TYPES, translateLoadBalancers } from './load-balancers.ts';
import { NETWORK_TYPES, translateNetwork } from './network.ts';
import type { TfRead } from './resources.ts';

/** Every resource type the translation reads. */
export const READ_TYPES = new Set([...NETWORK_TYPES, ...GROUP_RESOURCE_TYPES, ...COMPUTE_TYPES, ...LOAD_BALANCER_TYPES]);

/** What the translation wrote, and the warnings it raised itself. */
export interface Translated {
  translation: Translation;
  /** Writers that hold something, one per input file. */
  writers: BundleWriter[];
  /** Resource types met that are not modelled, with how many of each. */
  unknownTypes: Map<string, number>;
}

/** The Region: a provider block's, else the first ARN's. */
function regionOf(read: TfRead): string | undefined {
  if (read.region && isRegionName(read.region)) return read.region;
  for (const r of read.resources) {
    const region = regionOfArn(text(r.values.at('arn')));
    if (region) return region;
  }
  return undefined;
}

/** Translates what was read into bundle writers. */
export function translateTerraform(read: TfRead): Translated {
  const tr = new Translation(read.resources, read.unevaluated, read.unevaluated !== undefined);
  translateNetwork(tr);
  translateGroups(tr);
  translateCompute(tr);
  translateLoadBalancers(tr);

  const unknownTypes = new Map<string, number>();
  for (const r of read.resources) if (!READ_TYPES.has(r.type)) unknownTypes.set(r.type, (unknownTypes.get(r.type) ?? 0) + 1);
  for (const [type, n] of unknownTypes) {
    const first = read.resources.find((r) => r.type === type)!;
    tr.warn('import/terraform-unknown-type', `${type} (${n} resource${n === 1 ? '' : 's'}, first ${first.address}) is not part of the network Tierwise models; left out.`, undefined, type);
  }
  const rules = tr.of('aws_lb_listener_rule', 'aws_alb_listener_rule').length;
  if (rules > 0) {
    tr.warn('import/terraform-listener-rules', `${rules} listener rule${rules === 1 ? ' was' : 's were'} read only for the target groups they forward to: the designer models each listener's default action.`);
  }

  const region = regionOf(read);
  const writers = tr.allWriters().filter((w) => !w.empty);
  if (region) for (const w of writers) w.setTop('Region', region);
  return { translation: tr, writers, unknownTypes };
}
