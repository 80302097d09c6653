/**
 * VPCs the bundle refers to but does not describe. When the bundle reveals a VPC's CIDRs (its
 * route tables' local routes, a peering's VPC info, else its subnets' CIDRs) a stand-in VPC is
 * made so its subnets and tables keep their place; otherwise what needs that VPC (route tables,
 * network ACLs, internet gateways) cannot be placed and is left out. Every case is a warning.
 */
import { cidrContainsCidr, parseCidr } from '../../net/index.ts';
import type { ImportContext } from './context.ts';
import { EC2_CLASSIC_VPC } from './security-groups.ts';

/** CIDRs with the ones inside another of the list removed. */
function outermost(cidrs: string[]): string[] {
  const parsed = cidrs.flatMap((text) => {
    const p = parseCidr(text);
    return p.ok && p.value.family === 4 ? [p.value] : [];
  });
  return parsed
    .filter((c, i) => !parsed.some((o, j) => j !== i && cidrContainsCidr(o, c) && (o.prefix < c.prefix || j < i)))
    .map((c) => c.text);
}

/** Adds stand-in VPCs where the bundle reveals their CIDRs; drops what cannot be placed otherwise. */
export function addStandInVpcs(ctx: ImportContext): void {
  const referenced = new Set<string>();
  for (const m of [ctx.subnets, ctx.routeTables, ctx.networkAcls]) for (const e of m.values()) referenced.add(e.vpcId);
  for (const g of ctx.internetGateways.values()) if (g.vpcId) referenced.add(g.vpcId);

  for (const vpcId of referenced) {
    if (ctx.vpcs.has(vpcId) || vpcId === EC2_CLASSIC_VPC) continue;
    const subnetCidrs = [...ctx.subnets.values()].filter((s) => s.vpcId === vpcId).map((s) => s.cidr);
    const cidrs = outermost([...(ctx.vpcCidrHints.get(vpcId) ?? []), ...subnetCidrs]);
    if (cidrs.length > 0) {
      ctx.vpcs.set(vpcId, { id: vpcId, name: vpcId, region: '', cidrs, ipv6Cidrs: [] });
      ctx.warn(
        'import/stand-in-vpc',
        `VPC ${vpcId} is referred to but not in the bundle (no describe-vpcs output for it); a stand-in VPC with ${cidrs.join(', ')} was made from what the bundle shows of it.`,
        undefined,
        vpcId,
      );
      continue;
    }
    const dropped: string[] = [];
    for (const [collection, map] of [
      ['route table', ctx.routeTables],
      ['network ACL', ctx.networkAcls],
    ] as const) {
      for (const [id, e] of map) {
        if (e.vpcId === vpcId) {
          map.delete(id);
          dropped.push(`${collection} ${id}`);
        }
      }
    }
    for (const [id, g] of ctx.internetGateways) {
      if (g.vpcId === vpcId) {
        ctx.internetGateways.delete(id);
        dropped.push(`internet gateway ${id}`);
      }
    }
    ctx.warn(
      'import/unknown-vpc',
      `VPC ${vpcId} is not in the bundle and nothing in it tells the VPC's CIDR, so ${dropped.join(', ')} could not be placed and ${dropped.length === 1 ? 'was' : 'were'} left out. Add describe-vpcs output to keep ${dropped.length === 1 ? 'it' : 'them'}.`,
      undefined,
      vpcId,
    );
  }
}
