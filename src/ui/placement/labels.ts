/** How the designer names kinds of things to people (node subtitles, aria-labels, the inspector). */
import type { Design, Resource } from '../../core/model/index.ts';
import type { EntityCollection } from '../../core/model/index.ts';

/** The icon a resource is drawn with. */
export type ResourceIcon = 'instance' | 'bastion' | 'instance-group' | 'load-balancer' | 'database' | 'lambda';

export function resourceIcon(r: Resource): ResourceIcon {
  if (r.kind === 'instance') return r.role === 'bastion' ? 'bastion' : 'instance';
  return r.kind;
}

export function resourceKindLabel(r: Resource): string {
  switch (r.kind) {
    case 'instance':
      return r.role === 'bastion' ? 'Bastion host' : 'EC2 instance';
    case 'instance-group':
      return 'Instance group';
    case 'load-balancer':
      return 'Application Load Balancer';
    case 'database':
      return 'RDS database';
    case 'lambda':
      return 'Lambda function';
  }
}

/** The kind as a resource card shows it: short enough for one line. */
export function resourceKindShort(r: Resource): string {
  switch (r.kind) {
    case 'load-balancer':
      return 'ALB';
    case 'database':
      return 'RDS';
    case 'instance-group':
      return 'Instance group';
    default:
      return resourceKindLabel(r);
  }
}

/** A short detail under the kind: "2 instances", "postgres", "internet-facing". */
export function resourceDetail(r: Resource): string | undefined {
  switch (r.kind) {
    case 'instance-group':
      return `${r.count} instances`;
    case 'load-balancer':
      return r.scheme;
    case 'database':
      return `${r.engine} :${r.port}`;
    default:
      return undefined;
  }
}

const NOUN: Partial<Record<EntityCollection, string>> = {
  vpcs: 'VPC',
  subnets: 'subnet',
  internetGateways: 'internet gateway',
  natGateways: 'NAT gateway',
  securityGroups: 'security group',
  externalNetworks: 'external network',
};

/** "web-1, EC2 instance": the accessible name of an entity's node. */
export function entityLabel(d: Design, collection: EntityCollection, id: string): string {
  if (collection === 'resources') {
    const r = d.resources[id];
    return r ? `${r.name}, ${resourceKindLabel(r)}` : id;
  }
  const entity = (d[collection] as Record<string, { name?: string }>)[id];
  return `${entity?.name ?? id}, ${NOUN[collection] ?? collection}`;
}
