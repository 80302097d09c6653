/**
 * describe-network-interfaces. Resource builders claim the interfaces that belong to them (an
 * instance's attachments, "ELB app/…", "RDSNetworkInterface", "AWS Lambda VPC ENI-…"); NAT
 * gateways' interfaces only lend their addresses; what is left is decided here.
 */
import type { Cursor } from './cursor.ts';
import type { ImportContext, RawEni } from './context.ts';
import { readEni } from './enis.ts';
import { clipText, readTags } from './tags.ts';

export interface InterfaceRecord {
  eni: RawEni;
  item: Cursor;
  /** Attachment.InstanceId: the interface belongs to this instance. */
  instanceId?: string;
  deviceIndex: number;
  /** in-use, available (unattached), … */
  status?: string;
  interfaceType?: string;
  description: string;
  claimed: boolean;
}

/** Reads describe-network-interfaces once (first occurrence of an id wins) for the builders to claim. */
export function readInterfaces(items: Cursor[], ctx: ImportContext): InterfaceRecord[] {
  const seen = new Set<string>();
  const records: InterfaceRecord[] = [];
  for (const item of items) {
    const id = item.id('NetworkInterfaceId');
    if (seen.has(id)) continue;
    seen.add(id);
    const attachment = item.obj('Attachment');
    const instanceId = attachment?.optionalId('InstanceId');
    const status = item.str('Status');
    const interfaceType = item.str('InterfaceType');
    records.push({
      eni: readEni(item, id, ctx),
      item,
      ...(instanceId ? { instanceId } : {}),
      deviceIndex: attachment?.int('DeviceIndex') ?? 0,
      ...(status ? { status } : {}),
      ...(interfaceType ? { interfaceType } : {}),
      description: item.str('Description')?.trim() ?? '',
      claimed: false,
    });
  }
  return records;
}

function isNatInterface(r: InterfaceRecord, ctx: ImportContext): boolean {
  return ctx.natInterfaces.has(r.eni.id) || r.interfaceType === 'nat_gateway' || r.description.startsWith('Interface for NAT Gateway ');
}

/**
 * Interfaces no resource claimed. A NAT gateway's lends its addresses to the gateway. One
 * attached to an instance the bundle does not describe becomes that instance (role other). An
 * unattached one (status available) carries no traffic and is dropped with a warning. Any other
 * (ECS tasks, endpoints, EFS, load balancers the bundle lacks…) becomes an instance of role other
 * named after its description, so that its groups' members and addresses stay in the picture.
 */
export function importStandaloneInterfaces(records: InterfaceRecord[], ctx: ImportContext): void {
  for (const r of records) {
    if (r.claimed) continue;
    const { eni, item } = r;
    if (isNatInterface(r, ctx)) {
      const natId = ctx.natInterfaces.get(eni.id) ?? /nat-[0-9a-z]+/.exec(r.description)?.[0];
      const nat = natId ? ctx.natGateways.get(natId) : undefined;
      if (nat) {
        if (!nat.privateIp && eni.privateIps[0]) nat.privateIp = eni.privateIps[0];
        if (!nat.publicIp && eni.publicIp) nat.publicIp = eni.publicIp;
      } else {
        ctx.warn('import/nat-interface', `interface ${eni.id} belongs to NAT gateway ${natId ?? '(unnamed)'}, which the bundle does not list; it was left out.`, item, eni.id);
      }
      continue;
    }
    if (r.instanceId) {
      const existing = ctx.resources.get(r.instanceId);
      if (existing) {
        if (existing.kind === 'instance') existing.enis.push(eni);
        continue;
      }
      ctx.resources.set(r.instanceId, { kind: 'instance', id: r.instanceId, name: r.instanceId, role: 'other', platform: 'linux', enis: [eni], at: item });
      ctx.warn('import/instance-from-interface', `interface ${eni.id} is attached to instance ${r.instanceId}, which describe-instances does not list; the instance was made from its interfaces (role other).`, item, r.instanceId);
      continue;
    }
    if (r.status === 'available') {
      ctx.warn('import/unattached-interface', `interface ${eni.id} is not attached to anything; it was left out.`, item, eni.id);
      continue;
    }
    const tags = readTags(item, ctx);
    const name = tags?.Name?.trim() || clipText(r.description, ctx, item.at('Description'), 'description') || eni.id;
    ctx.resources.set(eni.id, { kind: 'instance', id: eni.id, name, role: 'other', platform: 'linux', enis: [eni], ...(tags ? { tags } : {}), at: item });
    ctx.warn('import/standalone-interface', `interface ${eni.id} (${r.description || r.interfaceType || 'no description'}) belongs to nothing the bundle describes; it was imported as an instance of role other.`, item, eni.id);
  }
}
