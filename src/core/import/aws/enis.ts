/**
 * Network interfaces as AWS describes them, in describe-network-interfaces and inside an
 * instance's NetworkInterfaces: subnet, private addresses (primary first), public address,
 * IPv6 addresses and the interface's own security groups.
 */
import type { Cursor } from './cursor.ts';
import type { GroupRef, ImportContext, RawEni } from './context.ts';
import { readAddress } from './addresses.ts';

/** Values the caller knows when the interface itself does not say (an instance's top-level fields). */
export interface EniDefaults {
  subnetId?: string;
  vpcId?: string;
  privateIp?: string;
  publicIp?: string;
  groups?: GroupRef[];
}

/** GroupRefs from [{GroupId, GroupName}] (instances, ENIs) lists. */
export function readGroupRefs(list: Cursor[]): GroupRef[] {
  return list.flatMap((g) => {
    const id = g.optionalId('GroupId');
    const name = g.str('GroupName')?.trim() || undefined;
    return id || name ? [{ ...(id ? { id } : {}), ...(name ? { name } : {}) }] : [];
  });
}

/** An AWS network interface object as a raw ENI; `defaults` fill what the object leaves out. */
export function readEni(item: Cursor, id: string, ctx: ImportContext, defaults: EniDefaults = {}): RawEni {
  const privateIps: string[] = [];
  const add = (ip: string | undefined): void => {
    if (ip && !privateIps.includes(ip)) privateIps.push(ip);
  };
  const entries = item.objects('PrivateIpAddresses');
  const primary = entries.find((e) => e.bool('Primary')) ?? entries[0];
  if (primary) {
    add(readAddress(primary, 'PrivateIpAddress', ctx));
    for (const e of entries) if (e !== primary) add(readAddress(e, 'PrivateIpAddress', ctx));
  } else {
    add(readAddress(item, 'PrivateIpAddress', ctx));
  }
  if (privateIps.length === 0) add(defaults.privateIp);

  const publicIp =
    (item.obj('Association') && readAddress(item.obj('Association')!, 'PublicIp', ctx)) ||
    (primary?.obj('Association') && readAddress(primary.obj('Association')!, 'PublicIp', ctx)) ||
    defaults.publicIp;
  const ipv6Ips = item.objects('Ipv6Addresses').flatMap((a) => readAddress(a, 'Ipv6Address', ctx) ?? []);
  const groups = item.has('Groups') ? readGroupRefs(item.objects('Groups')) : (defaults.groups ?? []);
  const subnetId = item.optionalId('SubnetId') ?? defaults.subnetId;
  const vpcId = item.optionalId('VpcId') ?? defaults.vpcId;
  const description = item.str('Description')?.trim();
  return {
    id,
    ...(subnetId ? { subnetId } : {}),
    ...(vpcId ? { vpcId } : {}),
    privateIps,
    ...(publicIp ? { publicIp } : {}),
    ipv6Ips,
    groups,
    ...(description ? { description } : {}),
    at: item,
  };
}

/** An ENI the bundle does not show but the resource must have (ALB node, RDS, Lambda): its address is chosen in finalise. */
export function syntheticEni(id: string, subnetId: string, groups: GroupRef[], description: string, at: Cursor): RawEni {
  return { id, subnetId, privateIps: [], ipv6Ips: [], groups, description, synthetic: true, at };
}
