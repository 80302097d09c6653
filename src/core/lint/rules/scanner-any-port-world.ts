/**
 * Any other port open to the world: ports off the risky list, where 80 and 443 are accepted only on
 * public entry points (internet-facing load balancers and the web tier). Security Hub EC2.18.
 *
 * The web tier is the web-role instances, and also an instance that is the front door of its VPC:
 * in a VPC with no load balancer and no web host, an app server serving HTTPS to the world is the
 * entry point the design means (one server, or an app server in front of its database). Beside a
 * front tier, the same rule on an app host bypasses that tier and is reported.
 */
import { PortSet } from '../../net/index.ts';
import type { Design, Resource } from '../../model/types.ts';
import type { LintRule } from '../types.ts';
import { membersOf } from '../finding.ts';
import { openPorts } from '../match/rule-traffic.ts';
import { RISKY_PORTS, WEB_PORTS } from '../match/ports.ts';
import { tierOf } from '../match/tier.ts';
import { isAllPortsRule, removeRuleFix, worldPortFindings } from './scanner-common.ts';

const isHost = (r: Resource) => r.kind === 'instance' || r.kind === 'instance-group';
const vpcOf = (d: Design, r: Resource) => d.subnets[r.enis[0]?.subnetId ?? '']?.vpcId;

/** Whether the VPC has a load balancer or a web-role host: its front tier. */
function hasFrontTier(d: Design, vpcId: string | undefined): boolean {
  return Object.values(d.resources).some((r) => vpcOf(d, r) === vpcId && (r.kind === 'load-balancer' || (isHost(r) && r.role === 'web')));
}

/** Whether a resource is a public entry point: an internet-facing load balancer, a web-role host, or an app host that is its VPC's front door. */
function isEntryPoint(d: Design, r: Resource): boolean {
  if (r.kind === 'load-balancer') return r.scheme === 'internet-facing';
  if (!isHost(r)) return false;
  if (r.role === 'web') return true;
  return r.role === 'app' && tierOf(d, r) === 'app' && !hasFrontTier(d, vpcOf(d, r));
}

/** Whether every member of the group is a public entry point. */
export function isPublicEntryPoint(d: Design, groupId: string): boolean {
  const members = membersOf(d, groupId);
  return members.length > 0 && members.every((r) => isEntryPoint(d, r));
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
