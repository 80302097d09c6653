/**
 * Which application tier a resource belongs to, for checks whose severity depends on it: the load
 * balancer and web tier face the Internet, the data tier should talk to no one. The design checks
 * (and open egress) refine it with names and group membership in rules/design-support.ts.
 */
import type { Design, Resource } from '../../model/types.ts';
import { groupsOfResource } from '../../model/queries.ts';
import { DATABASE_PORTS } from './ports.ts';
import { openPorts } from './rule-traffic.ts';

export type Tier = 'web' | 'bastion' | 'app' | 'data';

/**
 * web: load balancers and web-role instances; bastion: bastion-role instances; data: databases,
 * and hosts whose groups admit only database or cache ports (a self-managed Redis, Cassandra…);
 * app: everything else (app-role and other instances, Lambda).
 */
export function tierOf(d: Design, r: Resource): Tier {
  if (r.kind === 'load-balancer') return 'web';
  if (r.kind === 'database') return 'data';
  if (r.kind === 'lambda') return 'app';
  if (r.role === 'web') return 'web';
  if (r.role === 'bastion') return 'bastion';
  const ingress = groupsOfResource(r).flatMap((g) => d.securityGroups[g]?.ingress ?? []);
  const ports = ingress.map((rule) => openPorts(rule.match));
  if (ports.length > 0 && ports.every((p) => !p.isEmpty() && DATABASE_PORTS.containsSet(p))) return 'data';
  return 'app';
}
