/** describe-vpcs: VpcId, CidrBlock and CidrBlockAssociationSet, Ipv6CidrBlockAssociationSet, IsDefault, Tags. */
import type { Cursor } from './cursor.ts';
import type { ImportContext } from './context.ts';
import { readCidr } from './addresses.ts';
import { nameFrom, readTags } from './tags.ts';

const GONE = new Set(['disassociating', 'disassociated', 'failing', 'failed']);

/** Whether an association's `<key>.State` says the CIDR is (still) in use. */
export function associated(assoc: Cursor, stateKey: string): boolean {
  const state = assoc.obj(stateKey)?.str('State');
  return state === undefined || !GONE.has(state);
}

/** Imports describe-vpcs: primary CIDR first, then the other associated ones. */
export function importVpcs(items: Cursor[], ctx: ImportContext): void {
  for (const item of items) {
    const id = item.id('VpcId');
    const cidrs: string[] = [];
    const add = (c: string | undefined): void => {
      if (c && !cidrs.includes(c)) cidrs.push(c);
    };
    add(readCidr(item, 'CidrBlock', ctx, 4)); // the primary CIDR comes first
    for (const assoc of item.objects('CidrBlockAssociationSet')) {
      if (associated(assoc, 'CidrBlockState')) add(readCidr(assoc, 'CidrBlock', ctx, 4));
    }
    const ipv6Cidrs: string[] = [];
    for (const assoc of item.objects('Ipv6CidrBlockAssociationSet')) {
      const c = associated(assoc, 'Ipv6CidrBlockState') ? readCidr(assoc, 'Ipv6CidrBlock', ctx, 6) : undefined;
      if (c && !ipv6Cidrs.includes(c)) ipv6Cidrs.push(c);
    }
    if (cidrs.length === 0) item.at('CidrBlock').fail('is missing: a VPC has an IPv4 CIDR.');
    const tags = readTags(item, ctx);
    const ownerId = item.str('OwnerId');
    const added = ctx.put('vpcs', ctx.vpcs, id, {
      id,
      name: nameFrom(tags, id),
      region: '', // filled in finalise, once the Region is known
      cidrs,
      ipv6Cidrs,
      ...(ownerId ? { ownerId } : {}),
      ...(tags ? { tags } : {}),
    }, item);
    if (added && item.bool('IsDefault')) ctx.defaultVpcs.add(id);
  }
}
