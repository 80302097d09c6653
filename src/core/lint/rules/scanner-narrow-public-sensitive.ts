/** A small public network (/25 to /29) admitted on a sensitive port: many strangers' hosts where one address was meant. */
import type { LintRule } from '../types.ts';
import { allGroupRules, makeFinding } from '../finding.ts';
import { isPublicRange, peerCidr } from '../match/world.ts';
import { openPorts } from '../match/rule-traffic.ts';
import { SENSITIVE_PORTS } from '../match/ports.ts';
import { ladderSeverity, memberExposure, onMembers, portsPhrase, portTraffic, ruleTargets } from './scanner-common.ts';

export const narrowPublicSourceOnSensitivePort: LintRule = {
  id: 'sg-small-public-network-sensitive-port',
  title: 'Small public network on a sensitive port',
  severity: 'medium',
  anchors: ['KICS Sensitive Port Is Exposed To Small Public Network'],
  family: 'scanner',
  check(ctx) {
    return allGroupRules(ctx.design, 'ingress').flatMap((x) => {
      const c = peerCidr(x.rule.peer);
      if (!c || c.family !== 4 || c.prefix < 25 || c.prefix > 29 || !isPublicRange(c)) return [];
      const ports = openPorts(x.rule.match).intersect(SENSITIVE_PORTS);
      if (ports.isEmpty()) return [];
      const m = memberExposure(ctx, x.group.id, portTraffic(ports));
      return [
        makeFinding(this, {
          ids: [x.group.id, x.rule.id],
          severity: ladderSeverity(m, ['medium', 'low', 'low']),
          message: `${x.group.name} admits ${portsPhrase(x.rule, ports)} from public network ${c.text} (${2 ** (32 - c.prefix)} addresses)${onMembers(m)}`,
          risk: 'A public /25 to /29 is shared with hosts outside your control; a sensitive port should trust only the addresses that need it.',
          fix: `Narrow ${c.text} to the single addresses (/32) that administer or use the service, or reach it over a VPN.`,
          targets: ruleTargets(x),
          resourceIds: m.resourceIds,
        }),
      ];
    });
  },
};
