/** describe-internet-gateways: InternetGatewayId, Attachments[{VpcId, State}], Tags. */
import type { Cursor } from './cursor.ts';
import type { ImportContext } from './context.ts';
import { nameFrom, readTags } from './tags.ts';

const ATTACHED = new Set(['available', 'attached', 'attaching']);

/** Imports describe-internet-gateways; the first attached VPC is the gateway's. */
export function importInternetGateways(items: Cursor[], ctx: ImportContext): void {
  for (const item of items) {
    const id = item.id('InternetGatewayId');
    const attachment = item.objects('Attachments').find((a) => ATTACHED.has(a.str('State') ?? 'available') && a.optionalId('VpcId'));
    const vpcId = attachment?.optionalId('VpcId');
    const tags = readTags(item, ctx);
    ctx.put('internetGateways', ctx.internetGateways, id, { id, name: nameFrom(tags, id), ...(vpcId ? { vpcId } : {}), ...(tags ? { tags } : {}) }, item);
  }
}
