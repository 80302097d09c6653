/**
 * Tier skipping: a data-tier resource admits the web or load-balancer tier directly, so the app tier
 * is no longer the only way in. Read from the data tier's ingress rules: a group reference to a
 * group carried by web or load-balancer resources, or a (non-world) block holding their addresses.
 * World rules are the scanner checks' business. A design without an app tier (two tiers: web
 * servers and their database) has nothing to skip, so the check stays quiet there.
 */
import type { Resource } from '../../model/types.ts';
import type { LintRule, Severity } from '../types.ts';
import { listNames, makeFinding, peerLabel, resourceTarget, ruleTarget } from '../finding.ts';
import { exposureTier } from '../match/exposure.ts';
import { describeMatch } from '../match/rule-traffic.ts';
import { isWorldPeer } from '../match/world.ts';
import { designTierOf, peerMatchesEni, presentLevels } from './design-support.ts';

const ID = 'design-tier-skipping';

export const tierSkipping: LintRule = {
  id: ID,
  title: 'Data tier admits the web or load-balancer tier directly',
  severity: 'medium',
  anchors: [],
  family: 'design',
  check(ctx) {
    const d = ctx.design;
    const resources = Object.values(d.resources);
    const front = resources.filter((r) => ['web', 'lb'].includes(designTierOf(d, r)));
    if (front.length === 0 || !presentLevels(d).has(1)) return [];
    const seen = new Set<string>();
    return resources
      .filter((r) => designTierOf(d, r) === 'data')
      .flatMap((data) => {
        const groups = [...new Set(data.enis.flatMap((e) => e.securityGroupIds))];
        return groups.flatMap((gid) => {
          const group = d.securityGroups[gid];
          if (!group) return [];
          return group.ingress.flatMap((rule) => {
            if (isWorldPeer(rule.peer)) return [];
            const admitted = front.filter((f) => f.id !== data.id && f.enis.some((e) => peerMatchesEni(d, rule.peer, e)));
            if (admitted.length === 0) return [];
            const key = `${gid}/${rule.id}`;
            if (seen.has(key)) return [];
            seen.add(key);
            const members = resources.filter((r) => designTierOf(d, r) === 'data' && r.enis.some((e) => e.securityGroupIds.includes(gid)));
            return [
              makeFinding(tierSkipping, {
                ids: [gid, rule.id],
                severity: severityOf(ctx, admitted),
                message: `${group.name} admits ${describeMatch(rule.match)} from ${peerLabel(d, rule)}, which lets ${listNames(admitted.map((f) => `${f.name} (${designTierOf(d, f) === 'lb' ? 'load balancer' : 'web'})`))} reach ${listNames(members.map((m) => m.name))} directly, skipping the app tier`,
                risk: `A compromised or misrouted front-end reaches the data tier without passing the application's checks, so one breach at the edge exposes the data.`,
                fix: `Admit only the app tier's security group on the database port in ${group.name}, and remove ${peerLabel(d, rule)} from it.`,
                targets: [ruleTarget(gid, 'ingress', rule.id), ...members.map((m) => resourceTarget(m.id))],
                resourceIds: [...members.map((m) => m.id), ...admitted.map((f) => f.id)],
              }),
            ];
          });
        });
      });
  },
};

/** Higher when a front-end host (not a managed load balancer) is itself reachable from the Internet. */
function severityOf(ctx: Parameters<LintRule['check']>[0], admitted: Resource[]): Severity {
  const hosts = admitted.filter((r) => r.kind !== 'load-balancer');
  if (hosts.some((h) => exposureTier(ctx, h) === 'public-reachable')) return 'high';
  return hosts.length > 0 ? 'medium' : 'low';
}
