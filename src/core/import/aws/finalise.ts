/**
 * The end of an import: close what the builders left open, then hand the design to the model's
 * single validation step. Nothing half-built leaves here: the result is a valid design or an error.
 */
import type { Design, Resource } from '../../model/types.ts';
import { SCHEMA_VERSION } from '../../model/types.ts';
import type { ModelError } from '../../model/errors.ts';
import type { Result } from '../../model/result.ts';
import { err, ok } from '../../model/result.ts';
import { validateDesign } from '../../model/schema.ts';
import type { ImportContext } from './context.ts';
import { applyAssociations } from './associations.ts';
import { finaliseEnis } from './finalise-enis.ts';
import { GroupResolver } from './group-refs.ts';
import { regionOfZone } from './region.ts';
import { addStandInVpcs } from './stand-in-vpcs.ts';
import type { ImportWarning } from './warnings.ts';

function fillRegions(ctx: ImportContext): void {
  let unknown = false;
  const fallback = (): string => {
    if (ctx.region) return ctx.region;
    unknown = true;
    return 'unknown';
  };
  for (const vpc of ctx.vpcs.values()) {
    if (vpc.region) continue;
    const zone = [...ctx.subnets.values()].find((s) => s.vpcId === vpc.id && regionOfZone(s.availabilityZone));
    vpc.region = ctx.options.region ?? regionOfZone(zone?.availabilityZone) ?? fallback();
  }
  for (const p of ctx.peerings.values()) {
    if (!p.requester.region) p.requester.region = fallback();
    if (!p.accepter.region) p.accepter.region = fallback();
  }
  if (unknown) {
    ctx.warn('import/unknown-region', 'nothing in the bundle names its Region (no zones, ARNs or collector note); "unknown" was used. Pass the Region to the import.');
  }
}

function dropNatGatewaysOutsideKnownSubnets(ctx: ImportContext): void {
  for (const [id, nat] of ctx.natGateways) {
    if (!ctx.subnets.has(nat.subnetId)) {
      ctx.natGateways.delete(id);
      ctx.warn('import/unknown-subnet', `NAT gateway ${id} is in subnet ${nat.subnetId}, which describe-subnets does not list; it was left out.`, undefined, id);
    }
  }
}

function pruneDatabaseSubnets(ctx: ImportContext): void {
  for (const r of ctx.resources.values()) {
    if (r.kind !== 'database') continue;
    const missing = r.subnetIds.filter((s) => !ctx.subnets.has(s));
    if (missing.length === 0) continue;
    r.subnetIds = r.subnetIds.filter((s) => ctx.subnets.has(s));
    ctx.warn('import/unknown-subnet', `database ${r.id}'s subnet group names ${missing.join(', ')}, which describe-subnets does not list; left out of its subnets.`, undefined, r.id);
  }
}

function warnEmptyDefaultVpcs(ctx: ImportContext): void {
  const used = new Set<string>();
  for (const r of ctx.resources.values()) for (const e of r.enis) if (e.subnetId) used.add(ctx.subnets.get(e.subnetId)?.vpcId ?? '');
  for (const n of ctx.natGateways.values()) used.add(ctx.subnets.get(n.subnetId)?.vpcId ?? '');
  const empty = [...ctx.defaultVpcs].filter((id) => ctx.vpcs.has(id) && !used.has(id));
  if (empty.length > 0) {
    ctx.warn(
      'import/empty-default-vpc',
      `the Region's default VPC${empty.length === 1 ? '' : 's'} ${empty.join(', ')} hold${empty.length === 1 ? 's' : ''} no resources; kept in the design, remove ${empty.length === 1 ? 'it' : 'them'} if ${empty.length === 1 ? 'it is' : 'they are'} noise.`,
      undefined,
      empty[0],
    );
  }
}

function buildDesign(ctx: ImportContext): Design {
  const resources = [...ctx.resources.values()].map((draft) => {
    const { at: _at, ...resource } = draft;
    return [resource.id, resource as unknown as Resource] as const;
  });
  const region = ctx.options.region ?? ctx.region;
  return {
    schemaVersion: SCHEMA_VERSION,
    name: (ctx.options.designName?.trim() || `AWS ${region ?? 'import'}`).slice(0, 255),
    vpcs: Object.fromEntries(ctx.vpcs),
    subnets: Object.fromEntries(ctx.subnets),
    routeTables: Object.fromEntries(ctx.routeTables),
    internetGateways: Object.fromEntries(ctx.internetGateways),
    natGateways: Object.fromEntries(ctx.natGateways),
    peerings: Object.fromEntries(ctx.peerings),
    networkAcls: Object.fromEntries(ctx.networkAcls),
    prefixLists: Object.fromEntries(ctx.prefixLists),
    securityGroups: Object.fromEntries(ctx.securityGroups),
    resources: Object.fromEntries(resources),
    externalNetworks: {},
    layout: {},
  };
}

/** Closes the open ends, builds the design and validates it. */
export function finalise(ctx: ImportContext): Result<{ design: Design; warnings: ImportWarning[] }, ModelError> {
  addStandInVpcs(ctx);
  fillRegions(ctx);
  applyAssociations(ctx);
  dropNatGatewaysOutsideKnownSubnets(ctx);
  pruneDatabaseSubnets(ctx);
  const groups = new GroupResolver(ctx);
  groups.checkRulePeers();
  finaliseEnis(ctx, groups);
  warnEmptyDefaultVpcs(ctx);
  const validated = validateDesign(buildDesign(ctx));
  if (!validated.ok) {
    const e = validated.error;
    return err({ ...e, code: 'import/invalid-design', message: `The imported design does not validate (${e.code}): ${e.message}` });
  }
  return ok({ design: validated.value, warnings: ctx.warnings.all() });
}
