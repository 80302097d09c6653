/**
 * Resources the Internet can reach on a dangerous port, confirmed by the engine: a publicly
 * accessible database in a public subnet with its port open to the world, and an instance with a
 * public address in a public subnet with a risky port open to the world.
 */
import type { Design, Resource } from '../../model/types.ts';
import type { LintRule } from '../types.ts';
import { setPublicAddress } from '../../model/commands/resource.ts';
import { groupsOfResource } from '../../model/queries.ts';
import { PortSet } from '../../net/index.ts';
import { makeFinding, quickFix, resourceTarget, groupTarget } from '../finding.ts';
import { isWorldPeer } from '../match/world.ts';
import { openPorts } from '../match/rule-traffic.ts';
import { describePorts, RISKY_PORTS } from '../match/ports.ts';
import { exposureTier, internetReach, publicAddressInPublicSubnet } from '../match/exposure.ts';
import { portTraffic } from './scanner-common.ts';

/** The ports a resource's groups open to the world (0.0.0.0/0 or ::/0), and the groups that do. */
export function worldOpenPorts(d: Design, r: Resource): { ports: PortSet; groupIds: string[] } {
  let ports = PortSet.none();
  const groupIds: string[] = [];
  for (const id of groupsOfResource(r)) {
    const g = d.securityGroups[id];
    if (!g) continue;
    const open = g.ingress.filter((rule) => isWorldPeer(rule.peer)).reduce((acc, rule) => acc.union(openPorts(rule.match)), PortSet.none());
    if (!open.isEmpty()) {
      ports = ports.union(open);
      groupIds.push(id);
    }
  }
  return { ports, groupIds };
}

const removePublicAddress = (r: Resource) => quickFix(`Remove the public address of ${r.name}`, (d) => setPublicAddress(d, r.id, false));

export const databasePubliclyAccessible: LintRule = {
  id: 'rds-publicly-accessible',
  title: 'Database publicly accessible',
  severity: 'critical',
  anchors: ['Prowler rds_instance_no_public_access', 'RDS.2'],
  family: 'scanner',
  check(ctx) {
    const d = ctx.design;
    return Object.values(d.resources).flatMap((r) => {
      if (r.kind !== 'database' || !r.publiclyAccessible || !publicAddressInPublicSubnet(ctx, r)) return [];
      const { ports, groupIds } = worldOpenPorts(d, r);
      if (!ports.contains(r.port)) return [];
      const reached = exposureTier(ctx, r, portTraffic(PortSet.fromRange(r.port, r.port))) === 'public-reachable';
      return [
        makeFinding(this, {
          ids: [r.id],
          severity: reached ? 'critical' : 'high',
          message: `${r.name} (${r.engine}) is publicly accessible in a public subnet with port ${r.port} open to the world${reached ? ', reachable from the Internet' : ''}`,
          risk: 'A database on the Internet is found within hours; weak or leaked credentials, or an engine vulnerability, expose all of its data.',
          fix: 'Turn off public accessibility, move the database to private subnets and admit its port only from the app tier\'s group.',
          targets: [resourceTarget(r.id), ...groupIds.map(groupTarget)],
          resourceIds: [r.id],
          quickFix: removePublicAddress(r),
        }),
      ];
    });
  },
};

export const instancePublicExposed: LintRule = {
  id: 'instance-public-risky-port',
  title: 'Instance with a public address and exposed risky ports',
  severity: 'critical',
  anchors: ['Prowler ec2_instance_port_*_exposed_to_internet'],
  family: 'scanner',
  check(ctx) {
    const d = ctx.design;
    return Object.values(d.resources).flatMap((r) => {
      if ((r.kind !== 'instance' && r.kind !== 'instance-group') || !publicAddressInPublicSubnet(ctx, r)) return [];
      const { ports, groupIds } = worldOpenPorts(d, r);
      const risky = ports.intersect(RISKY_PORTS);
      if (risky.isEmpty()) return [];
      const reached = internetReach(ctx, r.id).intersect(portTraffic(risky));
      const confirmed = !reached.isEmpty();
      const shown = confirmed ? reached.portsFor(6).union(reached.portsFor(17)).intersect(RISKY_PORTS) : risky;
      return [
        makeFinding(this, {
          ids: [r.id],
          severity: confirmed ? 'critical' : 'high',
          message: `${r.name} has a public address in a public subnet and ${describePorts(shown)} open to the world${confirmed ? ', reachable from the Internet' : ' (blocked on the way, per the engine)'}`,
          risk: 'The host answers on a risky service to anyone on the Internet: the first exploit or guessed password gives an attacker a foothold inside the VPC.',
          fix: 'Remove the public address and reach the host through a load balancer or a bastion, or restrict the rule to known sources.',
          targets: [resourceTarget(r.id), ...groupIds.map(groupTarget)],
          resourceIds: [r.id],
          quickFix: removePublicAddress(r),
        }),
      ];
    });
  },
};
