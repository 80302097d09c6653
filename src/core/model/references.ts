/**
 * Reference checks between entities: what the zod shape cannot see. Strict where the engine
 * could not evaluate otherwise (an ENI's subnet, a listener's target group); lenient where AWS
 * itself allows a dangling reference (a rule naming a deleted group is stale, a route to a gone
 * target is a blackhole) because the linter reports those.
 */
import type { Design } from './types.ts';
import { ENTITY_COLLECTIONS } from './types.ts';
import type { ModelError } from './errors.ts';
import { modelError } from './errors.ts';
import { cidrIssue } from './cidr-check.ts';

type Check = ModelError | undefined;

const missing = (path: string, what: string, id: string, subject?: string): ModelError =>
  modelError('design/dangling-reference', `${path} refers to ${what} "${id}", which is not in the design.`, { path, subject });

/** The first broken reference in a design, or undefined when all hold. */
export function checkReferences(d: Design): Check {
  return (
    checkKeys(d) ??
    checkVpcs(d) ??
    checkSubnets(d) ??
    checkRouteTables(d) ??
    checkGateways(d) ??
    checkNetworkAcls(d) ??
    checkSecurityGroups(d) ??
    checkResources(d) ??
    checkExternalNetworks(d)
  );
}

function checkKeys(d: Design): Check {
  for (const collection of ENTITY_COLLECTIONS) {
    for (const [key, entity] of Object.entries(d[collection])) {
      if ((entity as { id: string }).id !== key) {
        return modelError('design/key-mismatch', `${collection}.${key} holds an entity whose id is "${(entity as { id: string }).id}"; the key must equal the id.`, {
          path: `${collection}.${key}.id`,
        });
      }
    }
  }
  return undefined;
}

function checkVpcs(d: Design): Check {
  for (const v of Object.values(d.vpcs)) {
    const base = `vpcs.${v.id}`;
    for (const [i, c] of v.cidrs.entries()) {
      const bad = cidrIssue(c, 4, `${base}.cidrs[${i}]`);
      if (bad) return bad;
    }
    for (const [i, c] of v.ipv6Cidrs.entries()) {
      const bad = cidrIssue(c, 6, `${base}.ipv6Cidrs[${i}]`);
      if (bad) return bad;
    }
    if (v.mainRouteTableId && !d.routeTables[v.mainRouteTableId]) return missing(`${base}.mainRouteTableId`, 'route table', v.mainRouteTableId, v.id);
    if (v.defaultNetworkAclId && !d.networkAcls[v.defaultNetworkAclId]) return missing(`${base}.defaultNetworkAclId`, 'network ACL', v.defaultNetworkAclId, v.id);
  }
  return undefined;
}

function checkSubnets(d: Design): Check {
  for (const s of Object.values(d.subnets)) {
    const base = `subnets.${s.id}`;
    if (!d.vpcs[s.vpcId]) return missing(`${base}.vpcId`, 'VPC', s.vpcId, s.id);
    const bad = cidrIssue(s.cidr, 4, `${base}.cidr`) ?? (s.ipv6Cidr ? cidrIssue(s.ipv6Cidr, 6, `${base}.ipv6Cidr`) : undefined);
    if (bad) return bad;
    if (s.routeTableId && !d.routeTables[s.routeTableId]) return missing(`${base}.routeTableId`, 'route table', s.routeTableId, s.id);
    if (s.networkAclId && !d.networkAcls[s.networkAclId]) return missing(`${base}.networkAclId`, 'network ACL', s.networkAclId, s.id);
  }
  return undefined;
}

function checkRouteTables(d: Design): Check {
  for (const t of Object.values(d.routeTables)) {
    const base = `routeTables.${t.id}`;
    if (!d.vpcs[t.vpcId]) return missing(`${base}.vpcId`, 'VPC', t.vpcId, t.id);
    for (const [i, r] of t.routes.entries()) {
      if ('cidr' in r.destination) {
        const bad = cidrIssue(r.destination.cidr, undefined, `${base}.routes[${i}].destination.cidr`);
        if (bad) return bad;
      }
    }
  }
  return undefined;
}

function checkGateways(d: Design): Check {
  for (const g of Object.values(d.internetGateways)) {
    if (g.vpcId && !d.vpcs[g.vpcId]) return missing(`internetGateways.${g.id}.vpcId`, 'VPC', g.vpcId, g.id);
  }
  for (const n of Object.values(d.natGateways)) {
    if (!d.subnets[n.subnetId]) return missing(`natGateways.${n.id}.subnetId`, 'subnet', n.subnetId, n.id);
  }
  return undefined;
}

function checkNetworkAcls(d: Design): Check {
  for (const acl of Object.values(d.networkAcls)) {
    const base = `networkAcls.${acl.id}`;
    if (!d.vpcs[acl.vpcId]) return missing(`${base}.vpcId`, 'VPC', acl.vpcId, acl.id);
    const seen = new Set<string>();
    for (const [i, e] of acl.entries.entries()) {
      const bad = cidrIssue(e.cidr, undefined, `${base}.entries[${i}].cidr`);
      if (bad) return bad;
      const key = `${e.egress ? 'egress' : 'ingress'}:${e.ruleNumber}`;
      if (seen.has(key)) {
        return modelError('design/duplicate-rule-number', `Network ACL ${acl.name} has two ${e.egress ? 'outbound' : 'inbound'} entries numbered ${e.ruleNumber}.`, {
          path: `${base}.entries[${i}].ruleNumber`,
          subject: acl.id,
        });
      }
      seen.add(key);
    }
  }
  return undefined;
}

function checkSecurityGroups(d: Design): Check {
  for (const g of Object.values(d.securityGroups)) {
    const base = `securityGroups.${g.id}`;
    for (const direction of ['ingress', 'egress'] as const) {
      const ids = new Set<string>();
      for (const [i, r] of g[direction].entries()) {
        const at = `${base}.${direction}[${i}]`;
        if (ids.has(r.id)) return modelError('design/duplicate-rule-id', `Security group ${g.name} has two ${direction} rules with id ${r.id}.`, { path: `${at}.id`, subject: g.id });
        ids.add(r.id);
        if (r.peer.kind === 'cidr') {
          const bad = cidrIssue(r.peer.cidr, undefined, `${at}.peer.cidr`);
          if (bad) return bad;
        }
      }
    }
  }
  return undefined;
}

function checkResources(d: Design): Check {
  const eniIds = new Set<string>();
  for (const r of Object.values(d.resources)) {
    const base = `resources.${r.id}`;
    for (const [i, eni] of r.enis.entries()) {
      const at = `${base}.enis[${i}]`;
      if (eniIds.has(eni.id)) return modelError('design/duplicate-eni', `Network interface ${eni.id} appears twice (again on ${r.name}).`, { path: `${at}.id`, subject: r.id });
      eniIds.add(eni.id);
      if (!d.subnets[eni.subnetId]) return missing(`${at}.subnetId`, 'subnet', eni.subnetId, r.id);
      for (const [j, g] of eni.securityGroupIds.entries()) {
        if (!d.securityGroups[g]) return missing(`${at}.securityGroupIds[${j}]`, 'security group', g, r.id);
      }
    }
    if (r.kind === 'database') {
      for (const [i, s] of r.subnetIds.entries()) if (!d.subnets[s]) return missing(`${base}.subnetIds[${i}]`, 'subnet', s, r.id);
    }
    if (r.kind === 'load-balancer') {
      const groups = new Set(r.targetGroups.map((t) => t.id));
      for (const [i, l] of r.listeners.entries()) {
        if (!groups.has(l.targetGroupId)) return missing(`${base}.listeners[${i}].targetGroupId`, 'target group', l.targetGroupId, r.id);
      }
      for (const [i, tg] of r.targetGroups.entries()) {
        for (const [j, t] of tg.targets.entries()) {
          if (!d.resources[t.resourceId]) return missing(`${base}.targetGroups[${i}].targets[${j}].resourceId`, 'resource', t.resourceId, r.id);
        }
      }
    }
  }
  return undefined;
}

function checkExternalNetworks(d: Design): Check {
  for (const n of Object.values(d.externalNetworks)) {
    for (const [i, c] of n.cidrs.entries()) {
      const bad = cidrIssue(c, undefined, `externalNetworks.${n.id}.cidrs[${i}]`);
      if (bad) return bad;
    }
  }
  return undefined;
}
