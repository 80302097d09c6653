/**
 * Any other port open to the world: ports off the risky list, where 80 and 443 are accepted only on
 * public entry points (internet-facing load balancers and the web tier). Security Hub EC2.18.
 */
import { PortSet } from '../../net/index.ts';
import type { Design } from '../../model/types.ts';
import type { LintRule } from '../types.ts';
import { membersOf } from '../finding.ts';
import { openPorts } from '../match/rule-traffic.ts';
import { RISKY_PORTS, WEB_PORTS } from '../match/ports.ts';
import { isAllPortsRule, removeRuleFix, worldPortFindings } from './scanner-common.ts';

/** Whether every member of the group is a public entry point: an internet-facing load balancer or a web-tier instance. */
export function isPublicEntryPoint(d: Design, groupId: string): boolean {
  const members = membersOf(d, groupId);
  return (
    members.length > 0 &&
    members.every((r) => (r.kind === 'load-balancer' && r.scheme === 'internet-facing') || ((r.kind === 'instance' || r.kind === 'instance-group') && r.role === 'web'))
  );
}

export const anyPortOpenToWorld: LintRule = {
  id: 'sg-any-port-world',
  title: 'Port open to the world outside a public entry point',
  severity: 'high',
  anchors: ['EC2.18', 'Prowler ec2_securitygroup_allow_ingress_from_internet_to_any_port'],
  family: 'scanner',
  check(ctx) {
    return worldPortFindings(this, ctx, {
      portsOf: (x, d) => {
        if (isAllPortsRule(x)) return PortSet.none();
        const ports = openPorts(x.rule.match).subtract(RISKY_PORTS);
        return isPublicEntryPoint(d, x.group.id) ? ports.subtract(WEB_PORTS) : ports;
      },
      ladder: ['high', 'medium', 'low'],
      risk: 'Only a public entry point should accept the Internet directly; anything else open to the world widens the attack surface to services that were never hardened for it.',
      fix: 'Put the service behind an internet-facing load balancer and admit only the load balancer group, or restrict the source to known CIDRs.',
      quickFix: (_d, x) => removeRuleFix(x),
    });
  },
};
