/**
 * FTP (21) or Telnet (23) admitted from any source. Rules that open every port are left to the
 * all-ports check: a -1 rule does not say that a cleartext service runs.
 */
import type { LintRule } from '../types.ts';
import { allGroupRules, makeFinding, membersOf, peerLabel } from '../finding.ts';
import { coversAllPorts, openPorts } from '../match/rule-traffic.ts';
import { PLAINTEXT_PORTS } from '../match/ports.ts';
import { isWorldPeer } from '../match/world.ts';
import { portsPhrase, removeRuleFix, ruleTargets } from './scanner-common.ts';

export const plaintextProtocol: LintRule = {
  id: 'sg-plaintext-port',
  title: 'Plaintext protocol port open',
  severity: 'low',
  anchors: ['ScoutSuite ec2-security-group-opens-plaintext-port'],
  family: 'scanner',
  check(ctx) {
    const d = ctx.design;
    return allGroupRules(d, 'ingress').flatMap((x) => {
      if (coversAllPorts(x.rule.match)) return [];
      const ports = openPorts(x.rule.match).intersect(PLAINTEXT_PORTS);
      if (ports.isEmpty()) return [];
      const members = membersOf(d, x.group.id);
      return [
        makeFinding(this, {
          ids: [x.group.id, x.rule.id],
          severity: isWorldPeer(x.rule.peer) ? 'medium' : 'low',
          message: `${x.group.name} admits ${portsPhrase(x.rule, ports)} from ${peerLabel(d, x.rule)}: cleartext credentials`,
          risk: 'FTP and Telnet send passwords and data in clear text, readable by anyone on the path.',
          fix: 'Use SFTP or SSH instead and remove the FTP/Telnet rule.',
          targets: ruleTargets(x),
          resourceIds: members.map((r) => r.id),
          quickFix: removeRuleFix(x),
        }),
      ];
    });
  },
};
