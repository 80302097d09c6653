/** describe-subnets: SubnetId, VpcId, AvailabilityZone, CidrBlock, Ipv6CidrBlockAssociationSet, Tags. */
import type { Cursor } from './cursor.ts';
import type { ImportContext } from './context.ts';
import { readCidr } from './addresses.ts';
import { nameFrom, readTags } from './tags.ts';
import { associated } from './vpcs.ts';

/** Imports describe-subnets (IPv4 subnets; IPv6-only ones are left out with a warning). */
export function importSubnets(items: Cursor[], ctx: ImportContext): void {
  for (const item of items) {
    const id = item.id('SubnetId');
    const vpcId = item.id('VpcId');
    const cidr = readCidr(item, 'CidrBlock', ctx, 4);
    if (!cidr) {
      ctx.warn('import/ipv6-only-subnet', `subnet ${id} has no IPv4 CIDR (IPv6-only subnets are not modelled); it was left out.`, item, id);
      continue;
    }
    let ipv6Cidr: string | undefined;
    for (const assoc of item.objects('Ipv6CidrBlockAssociationSet')) {
      if (!ipv6Cidr && associated(assoc, 'Ipv6CidrBlockState')) ipv6Cidr = readCidr(assoc, 'Ipv6CidrBlock', ctx, 6);
    }
    let availabilityZone = item.str('AvailabilityZone')?.trim() || item.str('AvailabilityZoneId')?.trim();
    if (!availabilityZone) {
      ctx.warn('import/no-zone', `subnet ${id} names no availability zone; "unknown" was used.`, item, id);
      availabilityZone = 'unknown';
    }
    const tags = readTags(item, ctx);
    ctx.put('subnets', ctx.subnets, id, {
      id,
      name: nameFrom(tags, id),
      vpcId,
      availabilityZone,
      cidr,
      ...(ipv6Cidr ? { ipv6Cidr } : {}),
      ...(tags ? { tags } : {}),
    }, item);
  }
}
