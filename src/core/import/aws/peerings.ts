/** describe-vpc-peering-connections: both sides' VPC, owner, Region and CIDRs, and Status.Code. */
import type { PeeringSide, PeeringStatus } from '../../model/types.ts';
import { PEERING_STATUSES } from '../../model/types.ts';
import type { Cursor } from './cursor.ts';
import type { ImportContext } from './context.ts';
import { readCidr } from './addresses.ts';
import { nameFrom, readTags } from './tags.ts';

const STATUSES = new Set<string>(PEERING_STATUSES);

function side(item: Cursor, key: string, ctx: ImportContext): PeeringSide {
  const info = item.obj(key);
  if (!info) return item.at(key).fail('is missing: a peering connection names both VPCs.');
  const vpcId = info.id('VpcId');
  const cidrs: string[] = [];
  const ipv6Cidrs: string[] = [];
  const add = (list: string[], c: string | undefined): void => {
    if (c && !list.includes(c)) list.push(c);
  };
  add(cidrs, readCidr(info, 'CidrBlock', ctx, 4));
  for (const b of info.objects('CidrBlockSet')) add(cidrs, readCidr(b, 'CidrBlock', ctx, 4));
  for (const b of info.objects('Ipv6CidrBlockSet')) add(ipv6Cidrs, readCidr(b, 'Ipv6CidrBlock', ctx, 6));
  for (const c of cidrs) ctx.hintVpcCidr(vpcId, c);
  const ownerId = info.str('OwnerId');
  return {
    vpcId,
    region: info.str('Region')?.trim() || '', // finalise fills a missing Region with the bundle's
    ...(ownerId ? { ownerId } : {}),
    ...(cidrs.length ? { cidrs } : {}),
    ...(ipv6Cidrs.length ? { ipv6Cidrs } : {}),
  };
}

/** Imports describe-vpc-peering-connections; their VPC CIDRs also hint at VPCs the bundle lacks. */
export function importPeerings(items: Cursor[], ctx: ImportContext): void {
  for (const item of items) {
    const id = item.id('VpcPeeringConnectionId');
    const code = item.obj('Status')?.str('Code');
    let status: PeeringStatus = 'active';
    if (code && STATUSES.has(code)) status = code as PeeringStatus;
    else {
      ctx.warn('import/peering-status', `peering ${id} has ${code ? `status "${code}", which is not known` : 'no status'}; it was read as failed (not carrying traffic).`, item, id);
      status = 'failed';
    }
    const tags = readTags(item, ctx);
    ctx.put('peerings', ctx.peerings, id, {
      id,
      name: nameFrom(tags, id),
      requester: side(item, 'RequesterVpcInfo', ctx),
      accepter: side(item, 'AccepterVpcInfo', ctx),
      status,
      ...(tags ? { tags } : {}),
    }, item);
  }
}
