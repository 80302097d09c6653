/**
 * AZ coverage of load balancers: an Application Load Balancer needs subnets in at least two
 * Availability Zones (AWS refuses fewer), and a target in an AZ the balancer does not enable gets
 * no traffic (ELB_INSTALLED_AZ_RESTRICTION).
 */
import type { Resource } from '../../model/types.ts';
import type { Finding, LintRule } from '../types.ts';
import { listNames, makeFinding, resourceTarget } from '../finding.ts';

const ID = 'design-az-coverage';

export const azCoverage: LintRule = {
  id: ID,
  title: 'Load balancer AZ coverage',
  severity: 'medium',
  anchors: [],
  family: 'design',
  check(ctx) {
    const d = ctx.design;
    const azOf = (subnetId: string) => d.subnets[subnetId]?.availabilityZone;
    const out: Finding[] = [];
    for (const lb of Object.values(d.resources)) {
      if (lb.kind !== 'load-balancer') continue;
      const zones = new Set(lb.enis.map((e) => azOf(e.subnetId)).filter((z): z is string => z !== undefined));
      if (zones.size < 2) {
        out.push(
          makeFinding(azCoverage, {
            ids: [lb.id, 'zones'],
            severity: 'high',
            message: `${lb.name} is enabled in ${zones.size} Availability Zone${zones.size === 1 ? '' : 's'} (${[...zones].join(', ') || 'none'}); an Application Load Balancer needs at least two`,
            risk: `AWS refuses to create the balancer, and with one zone an AZ outage takes the whole service down.`,
            fix: `Add a subnet in a second Availability Zone to ${lb.name} (and place targets there).`,
            targets: [resourceTarget(lb.id)],
            resourceIds: [lb.id],
          }),
        );
      }
      const seen = new Set<string>();
      for (const tg of lb.targetGroups) {
        for (const t of tg.targets) {
          const target: Resource | undefined = d.resources[t.resourceId];
          if (!target || target.kind === 'lambda' || seen.has(target.id)) continue;
          const outside = [...new Set(target.enis.map((e) => azOf(e.subnetId)).filter((z): z is string => z !== undefined && !zones.has(z)))];
          if (outside.length === 0) continue;
          seen.add(target.id);
          const all = target.enis.every((e) => !zones.has(azOf(e.subnetId) ?? ''));
          out.push(
            makeFinding(azCoverage, {
              ids: [lb.id, target.id],
              severity: all ? 'medium' : 'low',
              message: `${target.name} (target of ${tg.name}) is in ${listNames(outside)}, where ${lb.name} is not enabled (it is in ${listNames([...zones]) || 'no zone'}): ${all ? 'it gets no traffic' : 'those instances get no traffic'}`,
              risk: all ? `The target never receives requests, so the capacity it was meant to add does not exist.` : `Capacity in the uncovered zone sits idle, and the service loses that zone's redundancy.`,
              fix: `Enable ${lb.name} in ${listNames(outside)} (add a subnet there), or move the target into a zone the balancer covers.`,
              targets: [{ kind: 'load-balancer', resourceId: lb.id, targetGroupId: tg.id }, resourceTarget(target.id)],
              resourceIds: [lb.id, target.id],
            }),
          );
        }
      }
    }
    return out;
  },
};
