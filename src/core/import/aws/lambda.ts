/**
 * lambda list-functions: functions with a VpcConfig (SubnetIds, SecurityGroupIds). ENIs come from
 * describe-network-interfaces ("AWS Lambda VPC ENI-<function>…"); a subnet without one gets a
 * synthesised ENI with the function's groups. Functions outside any VPC are not network
 * resources and are skipped.
 */
import type { Cursor } from './cursor.ts';
import type { GroupRef, ImportContext, RawEni } from './context.ts';
import type { InterfaceRecord } from './network-interfaces.ts';
import { syntheticEni } from './enis.ts';
import { tagsWith, type TagsByArn } from './resource-tags.ts';
import { nameFrom, readTags } from './tags.ts';

const PREFIX = 'AWS Lambda VPC ENI-';

const strings = (list: Cursor[]): string[] => list.flatMap((c) => (typeof c.value === 'string' && c.value.trim() ? [c.value.trim()] : []));

/** Imports list-functions: VPC functions only, with their ENIs and tags. */
export function importFunctions(items: Cursor[], interfaces: InterfaceRecord[], ctx: ImportContext, tagsByArn: TagsByArn = new Map()): void {
  const functions: Array<{ item: Cursor; name: string; subnetIds: string[]; groups: GroupRef[]; enis: RawEni[] }> = [];
  let outside = 0;
  for (const item of items) {
    const name = item.id('FunctionName');
    const vpc = item.obj('VpcConfig');
    const subnetIds = vpc ? strings(vpc.list('SubnetIds')) : [];
    if (subnetIds.length === 0) {
      outside++;
      continue;
    }
    const groups = strings(vpc!.list('SecurityGroupIds')).map((id) => ({ id }));
    functions.push({ item, name, subnetIds, groups, enis: [] });
  }
  // An interface belongs to the function with the longest name its description starts with.
  const byLength = [...functions].sort((a, b) => b.name.length - a.name.length);
  for (const r of interfaces) {
    if (r.claimed || !r.description.startsWith(PREFIX)) continue;
    const rest = r.description.slice(PREFIX.length);
    const owner = byLength.find((f) => rest === f.name || rest.startsWith(`${f.name}-`));
    if (owner) {
      r.claimed = true;
      owner.enis.push(r.eni);
    }
  }
  for (const f of functions) {
    for (const subnetId of f.subnetIds) {
      if (!f.enis.some((e) => e.subnetId === subnetId)) {
        f.enis.push(syntheticEni(`${f.name}-eni-${subnetId}`, subnetId, f.groups, `${PREFIX}${f.name} (synthesised)`, f.item));
      }
    }
    // list-functions prints no tags: they come from list-tags, filed under the function's ARN.
    const tags = tagsWith(readTags(f.item, ctx), f.item.optionalId('FunctionArn'), tagsByArn);
    ctx.put('resources', ctx.resources, f.name, { kind: 'lambda', id: f.name, name: nameFrom(tags, f.name), enis: f.enis, ...(tags ? { tags } : {}), at: f.item }, f.item);
  }
  if (outside > 0) {
    ctx.warn('import/lambda-outside-vpc', `${outside} Lambda function${outside === 1 ? ' is' : 's are'} not attached to a VPC and ${outside === 1 ? 'was' : 'were'} skipped.`);
  }
}
