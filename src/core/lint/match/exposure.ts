/**
 * A resource's real exposure to the Internet, the severity ladder of Prowler confirmed by the engine:
 * - 'public-reachable': the engine says the Internet reaches it directly on the traffic asked about
 *   (public address, public subnet, route, NACLs and groups all agree);
 * - 'public-ip-private-subnet': it has a public address (IPv4 or IPv6), but the Internet cannot
 *   reach it on that traffic (no internet-gateway route, or a NACL or group in the way);
 * - 'private': no public address.
 */
import type { Resource } from '../../model/types.ts';
import { isPublicSubnet } from '../../model/queries.ts';
import { hasIcmpTypes, hasPorts, PortSet, TrafficSet } from '../../net/index.ts';
import type { ExposureEntry } from '../../engine/types.ts';
import type { LintContext, Severity } from '../types.ts';

export type ExposureTier = 'public-reachable' | 'public-ip-private-subnet' | 'private';

/** Most exposed first. */
export const EXPOSURE_TIERS: readonly ExposureTier[] = ['public-reachable', 'public-ip-private-subnet', 'private'];

/** Whether any interface of the resource has a public IPv4 address or an IPv6 address (global in AWS). */
export function hasPublicAddress(r: Resource): boolean {
  return r.enis.some((e) => e.publicIp !== undefined || e.ipv6Ips.length > 0);
}

/** Whether any interface with a public address sits in a public subnet (route to an internet gateway). */
export function publicAddressInPublicSubnet(ctx: LintContext, r: Resource): boolean {
  return r.enis.some((e) => {
    const s = ctx.design.subnets[e.subnetId];
    return (e.publicIp !== undefined || e.ipv6Ips.length > 0) && s !== undefined && isPublicSubnet(ctx.design, s);
  });
}

const direct = new WeakMap<LintContext, Map<string, TrafficSet>>();

/** What the Internet reaches on the resource directly (one hop, any Internet source), by the engine. */
export function internetReach(ctx: LintContext, resourceId: string): TrafficSet {
  let byResource = direct.get(ctx);
  if (!byResource) {
    byResource = new Map();
    for (const e of ctx.internetExposure().entries) {
      if (e.chain.length !== 1) continue;
      const t = rangesToTraffic(e.ranges);
      byResource.set(e.resourceId, (byResource.get(e.resourceId) ?? TrafficSet.empty()).union(t));
    }
    direct.set(ctx, byResource);
  }
  return byResource.get(resourceId) ?? TrafficSet.empty();
}

/** The traffic of an engine exposure entry, from its machine form. */
export function entryTraffic(e: ExposureEntry): TrafficSet {
  return rangesToTraffic(e.ranges);
}

function rangesToTraffic(ranges: Record<number, Array<[number, number]>>): TrafficSet {
  let t = TrafficSet.empty();
  for (const [key, list] of Object.entries(ranges)) {
    const p = Number(key);
    if (p === -1) return TrafficSet.all();
    const values = PortSet.fromRanges(list.map(([from, to]) => ({ from, to })));
    t = t.union(hasPorts(p) || hasIcmpTypes(p) ? TrafficSet.fromProtocol(p, values) : TrafficSet.fromProtocol(p));
  }
  return t;
}

/** The resource's exposure tier for some traffic (any traffic when omitted). */
export function exposureTier(ctx: LintContext, r: Resource, traffic: TrafficSet = TrafficSet.all()): ExposureTier {
  if (internetReach(ctx, r.id).overlaps(traffic)) return 'public-reachable';
  return hasPublicAddress(r) ? 'public-ip-private-subnet' : 'private';
}

/** The most exposed of several tiers ('private' for none). */
export function worstTier(tiers: Iterable<ExposureTier>): ExposureTier {
  let best = EXPOSURE_TIERS.length - 1;
  for (const t of tiers) best = Math.min(best, EXPOSURE_TIERS.indexOf(t));
  return EXPOSURE_TIERS[best]!;
}

/** A severity per tier: [public-reachable, public-ip-private-subnet, private]. */
export type SeverityLadder = readonly [Severity, Severity, Severity];

/** Prowler's ladder for instances: critical, high, medium. */
export const PROWLER_LADDER: SeverityLadder = ['critical', 'high', 'medium'];

/** The severity a ladder gives a tier. */
export function severityFor(tier: ExposureTier, ladder: SeverityLadder = PROWLER_LADDER): Severity {
  return ladder[EXPOSURE_TIERS.indexOf(tier)]!;
}

/** How a finding names a tier: "reachable from the Internet". */
export function describeTier(tier: ExposureTier): string {
  switch (tier) {
    case 'public-reachable':
      return 'reachable from the Internet';
    case 'public-ip-private-subnet':
      return 'public address, not reachable from the Internet';
    case 'private':
      return 'no public address';
  }
}
