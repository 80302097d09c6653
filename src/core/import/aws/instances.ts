/**
 * describe-instances: Reservations[].Instances[], each with its NetworkInterfaces (primary first,
 * each with its own Groups, which win over the instance's SecurityGroups). Terminated instances
 * have no network presence and are skipped.
 */
import type { Cursor } from './cursor.ts';
import type { ImportContext, RawEni } from './context.ts';
import type { InterfaceRecord } from './network-interfaces.ts';
import { readAddress } from './addresses.ts';
import { readEni, readGroupRefs } from './enis.ts';
import { guessRole, platformOf } from './role.ts';
import { nameFrom, readTags } from './tags.ts';

const GONE = new Set(['terminated', 'shutting-down']);

function instanceEnis(item: Cursor, id: string, ctx: ImportContext): RawEni[] {
  const groups = readGroupRefs(item.objects('SecurityGroups'));
  const subnetId = item.optionalId('SubnetId');
  const vpcId = item.optionalId('VpcId');
  const interfaces = item
    .objects('NetworkInterfaces')
    .map((nic) => ({ nic, index: nic.obj('Attachment')?.int('DeviceIndex') ?? 0 }))
    .sort((a, b) => a.index - b.index);
  if (interfaces.length > 0) {
    return interfaces.map(({ nic, index }) => {
      const eniId = nic.optionalId('NetworkInterfaceId') ?? `${id}-eni-${index}`;
      const publicIp = index === 0 ? readAddress(item, 'PublicIpAddress', ctx) : undefined;
      return readEni(nic, eniId, ctx, { groups, ...(subnetId ? { subnetId } : {}), ...(vpcId ? { vpcId } : {}), ...(publicIp ? { publicIp } : {}) });
    });
  }
  if (!subnetId) {
    ctx.warn('import/instance-without-subnet', `instance ${id} is in no subnet (EC2-Classic or not running); it was imported without network interfaces.`, item, id);
    return [];
  }
  // Older or trimmed output: one interface from the instance's own fields.
  const publicIp = readAddress(item, 'PublicIpAddress', ctx);
  const eni = readEni(item, `${id}-eni-0`, ctx, { groups, ...(publicIp ? { publicIp } : {}) });
  return [{ ...eni, groups, synthetic: eni.privateIps.length === 0 }];
}

/** Imports describe-instances, claiming the describe-network-interfaces records attached to each instance. */
export function importInstances(reservations: Cursor[], interfaces: InterfaceRecord[], ctx: ImportContext): void {
  let gone = 0;
  const attached = new Map<string, InterfaceRecord[]>();
  for (const r of interfaces) if (r.instanceId) attached.set(r.instanceId, [...(attached.get(r.instanceId) ?? []), r]);
  for (const reservation of reservations) {
    for (const item of reservation.objects('Instances')) {
      const id = item.id('InstanceId');
      if (GONE.has(item.obj('State')?.str('Name') ?? '')) {
        gone++;
        continue;
      }
      const tags = readTags(item, ctx);
      const name = nameFrom(tags, id);
      const enis = instanceEnis(item, id, ctx);
      // Interfaces describe-network-interfaces shows attached to this instance: claim them, add the missing ones.
      for (const r of (attached.get(id) ?? []).sort((a, b) => a.deviceIndex - b.deviceIndex)) {
        r.claimed = true;
        if (!enis.some((e) => e.id === r.eni.id)) enis.push(r.eni);
      }
      ctx.put('resources', ctx.resources, id, {
        kind: 'instance',
        id,
        name,
        role: guessRole(tags?.Name ?? name, tags),
        platform: platformOf(item.str('Platform'), item.str('PlatformDetails')),
        enis,
        ...(tags ? { tags } : {}),
        at: item,
      }, item);
    }
  }
  if (gone > 0) ctx.warn('import/terminated', `${gone} terminated instance${gone === 1 ? ' was' : 's were'} skipped.`);
}
