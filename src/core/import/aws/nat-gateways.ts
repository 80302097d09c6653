/**
 * describe-nat-gateways: NatGatewayId, SubnetId, State, ConnectivityType, NatGatewayAddresses
 * (primary first). Deleted gateways, which AWS lists for a while after deletion, are left out.
 */
import type { NatGateway } from '../../model/types.ts';
import type { Cursor } from './cursor.ts';
import type { ImportContext } from './context.ts';
import { readAddress } from './addresses.ts';
import { nameFrom, readTags } from './tags.ts';

const STATES = new Set<string>(['available', 'pending', 'failed', 'deleting', 'deleted']);

/** Imports describe-nat-gateways and notes their ENIs so those do not become resources. */
export function importNatGateways(items: Cursor[], ctx: ImportContext): void {
  for (const item of items) {
    const id = item.id('NatGatewayId');
    const rawState = item.str('State');
    if (rawState === 'deleted') {
      ctx.warn('import/nat-deleted', `NAT gateway ${id} is deleted; it was left out (routes to it are blackholes).`, item, id);
      continue;
    }
    const subnetId = item.id('SubnetId');
    const addresses = item.objects('NatGatewayAddresses');
    const primary = addresses.find((a) => a.bool('IsPrimary')) ?? addresses[0];
    const publicIp = primary ? readAddress(primary, 'PublicIp', ctx) : undefined;
    const privateIp = primary ? readAddress(primary, 'PrivateIp', ctx) : undefined;
    for (const a of addresses) {
      const eni = a.optionalId('NetworkInterfaceId');
      if (eni) ctx.natInterfaces.set(eni, id);
    }
    const connectivity = item.str('ConnectivityType') === 'private' ? 'private' : 'public';
    const tags = readTags(item, ctx);
    const nat: NatGateway = {
      id,
      name: nameFrom(tags, id),
      subnetId,
      connectivity,
      ...(publicIp ? { publicIp } : {}),
      ...(privateIp ? { privateIp } : {}),
      ...(rawState && STATES.has(rawState) ? { state: rawState as NatGateway['state'] } : {}),
      ...(tags ? { tags } : {}),
    };
    ctx.put('natGateways', ctx.natGateways, id, nat, item);
  }
}
