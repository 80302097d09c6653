/** An ingress rule opening a range of ports instead of single ports (the full range is the all-ports check's business). */
import type { LintRule } from '../types.ts';
import { allGroupRules, makeFinding, peerLabel } from '../finding.ts';
import { protocolOf, coversAllPorts, describeMatch } from '../match/rule-traffic.ts';
import { isPublicCidr, peerCidr } from '../match/world.ts';
import { PROTOCOL_TCP, PROTOCOL_UDP } from '../../net/index.ts';
import { membersOf } from '../finding.ts';
import { ruleTargets } from './scanner-common.ts';

export const portRange: LintRule = {
  id: 'sg-port-range',
  title: 'Port range instead of single ports',
  severity: 'low',
  anchors: ['ScoutSuite ec2-security-group-opens-port-range'],
  family: 'scanner',
  check(ctx) {
    const d = ctx.design;
    return allGroupRules(d, 'ingress').flatMap((x) => {
      const n = protocolOf(x.rule.match);
      const ports = x.rule.match.ports;
      if ((n !== PROTOCOL_TCP && n !== PROTOCOL_UDP) || !ports || ports.from === ports.to || coversAllPorts(x.rule.match)) return [];
      const c = peerCidr(x.rule.peer);
      const fromPublic = c !== undefined && isPublicCidr(c);
      const members = membersOf(d, x.group.id);
      return [
        makeFinding(this, {
          ids: [x.group.id, x.rule.id],
          severity: fromPublic ? 'low' : 'info',
          message: `${x.group.name} admits ${describeMatch(x.rule.match)} (${ports.to - ports.from + 1} ports) from ${peerLabel(d, x.rule)}`,
          risk: 'A port range opens every service that happens to listen inside it, not only the one the rule was written for.',
          fix: 'Replace the range with one rule per port the service listens on.',
          targets: ruleTargets(x),
          resourceIds: members.map((r) => r.id),
        }),
      ];
    });
  },
};
