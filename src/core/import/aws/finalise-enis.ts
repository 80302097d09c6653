/**
 * Raw ENIs into the model's: the subnet must be in the design, groups become ids (stand-ins for
 * unknown ones), synthesised ENIs get an address in their subnet, and ids are made unique.
 */
import type { Eni } from '../../model/types.ts';
import { MAX_GROUPS_PER_ENI_ADJUSTED } from '../../model/schema.ts';
import { addressFromValue, cidrContainsAddress, parseAddress, parseCidr } from '../../net/index.ts';
import type { DraftResource, ImportContext, RawEni } from './context.ts';
import type { GroupResolver } from './group-refs.ts';

/** AWS reserves a subnet's first four addresses and its last; a synthesised ENI takes the first free one after. */
const RESERVED_AT_START = 4n;

/** Private IPs already taken, per subnet: synthesised addresses avoid them. */
function takenAddresses(ctx: ImportContext): Map<string, Set<string>> {
  const taken = new Map<string, Set<string>>();
  const note = (subnetId: string | undefined, ip: string | undefined): void => {
    if (!subnetId || !ip) return;
    const set = taken.get(subnetId) ?? new Set<string>();
    set.add(ip);
    taken.set(subnetId, set);
  };
  for (const r of ctx.resources.values()) for (const e of r.enis) for (const ip of e.privateIps) note(e.subnetId, ip);
  for (const n of ctx.natGateways.values()) note(n.subnetId, n.privateIp);
  return taken;
}

function freeAddress(cidr: string, taken: Set<string>): string | undefined {
  const block = parseCidr(cidr);
  if (!block.ok || block.value.family !== 4) return undefined;
  for (let v = block.value.first + RESERVED_AT_START; v < block.value.last; v++) {
    const text = addressFromValue(4, v).text;
    if (!taken.has(text)) return text;
  }
  return undefined;
}

/** Replaces every resource's raw ENIs with model ENIs (see the module comment). */
export function finaliseEnis(ctx: ImportContext, groups: GroupResolver): void {
  const taken = takenAddresses(ctx);
  const ids = new Set<string>();
  for (const r of ctx.resources.values()) {
    const enis: Eni[] = [];
    for (const raw of r.enis) {
      const eni = finaliseEni(raw, r, ctx, groups, taken, ids);
      if (eni) enis.push(eni);
    }
    (r as { enis: unknown }).enis = enis;
  }
}

function finaliseEni(
  raw: RawEni,
  r: DraftResource,
  ctx: ImportContext,
  groups: GroupResolver,
  taken: Map<string, Set<string>>,
  ids: Set<string>,
): Eni | undefined {
  const subnet = raw.subnetId ? ctx.subnets.get(raw.subnetId) : undefined;
  if (!subnet) {
    ctx.warn(
      'import/unknown-subnet',
      `interface ${raw.id} of ${r.name} is in subnet ${raw.subnetId ?? '(none)'}, which describe-subnets does not list; the interface was left out.`,
      raw.at,
      r.id,
    );
    return undefined;
  }
  let privateIps = raw.privateIps;
  if (raw.synthetic || privateIps.length === 0) {
    const set = taken.get(subnet.id) ?? new Set<string>();
    const ip = freeAddress(subnet.cidr, set);
    if (!ip) {
      ctx.warn('import/subnet-full', `no free address for a synthesised interface of ${r.name} in ${subnet.id}; the interface was left out.`, raw.at, r.id);
      return undefined;
    }
    set.add(ip);
    taken.set(subnet.id, set);
    privateIps = [ip];
    ctx.warn(
      'import/synthesised-interface',
      `the bundle shows no network interface of ${r.name} in subnet ${subnet.id}${raw.synthetic ? '' : ` (interface ${raw.id} has no readable address)`}; ${raw.synthetic ? 'one was synthesised' : 'it was given'} with address ${ip}, which stands in for the real, unknown one.`,
      raw.at,
      r.id,
    );
  } else {
    const block = parseCidr(subnet.cidr);
    const primary = parseAddress(privateIps[0]!);
    if (block.ok && primary.ok && !cidrContainsAddress(block.value, primary.value)) {
      ctx.warn('import/address-outside-subnet', `interface ${raw.id} of ${r.name} has address ${privateIps[0]}, outside its subnet ${subnet.id} (${subnet.cidr}).`, raw.at, r.id);
    }
  }

  const groupIds: string[] = [];
  for (const ref of raw.groups) {
    const id = groups.eniGroup(ref, subnet.vpcId, raw.id);
    if (id && !groupIds.includes(id)) groupIds.push(id);
  }
  if (groupIds.length > MAX_GROUPS_PER_ENI_ADJUSTED) {
    ctx.warn('import/too-many-groups', `interface ${raw.id} carries ${groupIds.length} groups; only the first ${MAX_GROUPS_PER_ENI_ADJUSTED} were kept.`, raw.at, r.id);
    groupIds.length = MAX_GROUPS_PER_ENI_ADJUSTED;
  }

  let id = raw.id;
  if (ids.has(id)) {
    let n = 1;
    id = `${raw.id}-${r.id}`;
    while (ids.has(id)) id = `${raw.id}-${r.id}-${++n}`;
    ctx.warn('import/duplicate-interface', `interface id ${raw.id} appears on more than one resource; on ${r.name} it was renamed ${id}.`, raw.at, r.id);
  }
  ids.add(id);

  return {
    id,
    subnetId: subnet.id,
    privateIps,
    ...(raw.publicIp ? { publicIp: raw.publicIp } : {}),
    ipv6Ips: raw.ipv6Ips,
    securityGroupIds: groupIds,
    ...(raw.description ? { description: raw.description } : {}),
  };
}
