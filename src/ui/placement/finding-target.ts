/**
 * Where the designer goes for a finding: what to select, whether to centre it on the canvas, and
 * which rule to highlight in the inspector. Pure, so it is tested without a browser.
 */
import type { Finding, FindingTarget } from '../../core/lint/index.ts';
import type { Design } from '../../core/model/index.ts';

export interface FindingFocus {
  selectedId: string;
  /** Canvas nodes (resources, subnets) are centred; a group is shown by highlighting its members. */
  centre: boolean;
  highlightedRule?: string;
}

/** The first subnet whose explicit association (or, for the VPC's default, the lack of one) matches. */
function subnetUsing(d: Design, match: (s: Design['subnets'][string]) => boolean): string | undefined {
  return Object.values(d.subnets).find(match)?.id;
}

export function focusForTarget(d: Design, t: FindingTarget): FindingFocus | undefined {
  switch (t.kind) {
    case 'resource':
    case 'load-balancer':
      return d.resources[t.resourceId] ? { selectedId: t.resourceId, centre: true } : undefined;
    case 'subnet':
      return d.subnets[t.subnetId] ? { selectedId: t.subnetId, centre: true } : undefined;
    case 'security-group':
      return d.securityGroups[t.groupId] ? { selectedId: t.groupId, centre: false } : undefined;
    case 'rule':
      return d.securityGroups[t.groupId] ? { selectedId: t.groupId, centre: false, highlightedRule: t.ruleId } : undefined;
    case 'network-acl': {
      const acl = d.networkAcls[t.networkAclId];
      if (!acl) return undefined;
      const id = subnetUsing(d, (s) => s.networkAclId === acl.id || (!s.networkAclId && acl.isDefault && s.vpcId === acl.vpcId));
      return id ? { selectedId: id, centre: true } : undefined;
    }
    case 'route-table': {
      const table = d.routeTables[t.routeTableId];
      if (!table) return undefined;
      const id = subnetUsing(d, (s) => s.routeTableId === table.id || (!s.routeTableId && d.vpcs[table.vpcId]?.mainRouteTableId === table.id && s.vpcId === table.vpcId));
      return id ? { selectedId: id, centre: true } : undefined;
    }
  }
}

/** The first target that still exists, then the first affected resource. */
export function focusForFinding(d: Design, f: Finding): FindingFocus | undefined {
  for (const t of f.targets) {
    const focus = focusForTarget(d, t);
    if (focus) return focus;
  }
  const resource = f.resourceIds.find((id) => d.resources[id]);
  return resource ? { selectedId: resource, centre: true } : undefined;
}
