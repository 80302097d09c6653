/** Small pieces every edit command shares: lookups that fail with a coded error, ids, record updates. */
import type { Design, EntityCollection } from '../types.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import type { ModelError } from '../errors.ts';
import { modelError } from '../errors.ts';

export type CommandResult = Result<Design, ModelError>;

const NOUN: Record<EntityCollection, string> = {
  vpcs: 'VPC',
  subnets: 'subnet',
  routeTables: 'route table',
  internetGateways: 'internet gateway',
  natGateways: 'NAT gateway',
  peerings: 'peering connection',
  networkAcls: 'network ACL',
  prefixLists: 'prefix list',
  securityGroups: 'security group',
  resources: 'resource',
  externalNetworks: 'external network',
};

type EntityOf<C extends EntityCollection> = Design[C][string];

/** Looks an entity up, or says which one is missing. */
export function find<C extends EntityCollection>(d: Design, collection: C, id: string): Result<EntityOf<C>, ModelError> {
  const found = (d[collection] as Record<string, EntityOf<C>>)[id];
  if (found === undefined || !Object.hasOwn(d[collection], id)) {
    return err(modelError(`${collection}/not-found`, `There is no ${NOUN[collection]} "${id}" in the design.`, { subject: id }));
  }
  return ok(found);
}

/** Returns a design with one entity put (added or replaced); everything else stays identical. */
export function put<C extends EntityCollection>(d: Design, collection: C, entity: EntityOf<C> & { id: string }): Design {
  return { ...d, [collection]: { ...d[collection], [entity.id]: entity } };
}

/** Returns a design without the given entities of one collection. */
export function drop<C extends EntityCollection>(d: Design, collection: C, ids: Iterable<string>): Design {
  const next = { ...d[collection] } as Record<string, unknown>;
  let changed = false;
  for (const id of ids) {
    if (Object.hasOwn(next, id)) {
      delete next[id];
      changed = true;
    }
  }
  return changed ? { ...d, [collection]: next } : d;
}

const PREFIX: Record<EntityCollection, string> = {
  vpcs: 'vpc',
  subnets: 'subnet',
  routeTables: 'rtb',
  internetGateways: 'igw',
  natGateways: 'nat',
  peerings: 'pcx',
  networkAcls: 'acl',
  prefixLists: 'pl',
  securityGroups: 'sg',
  resources: 'res',
  externalNetworks: 'ext',
};

/**
 * A fresh id for a drawn entity: `sg-tw3`. The `tw` marker keeps drawn ids apart from AWS's hex
 * ids, and counting up (rather than random) keeps commands pure and tests repeatable.
 */
export function newId(d: Design, collection: EntityCollection, used: ReadonlySet<string> = new Set()): string {
  const prefix = `${PREFIX[collection]}-tw`;
  let n = Object.keys(d[collection]).length + 1;
  while (Object.hasOwn(d[collection], `${prefix}${n}`) || used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** A fresh id within a list of things that carry ids (rules, ENIs, listeners). */
export function newChildId(prefix: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  let n = set.size + 1;
  while (set.has(`${prefix}-tw${n}`)) n++;
  return `${prefix}-tw${n}`;
}

/** All ENI ids in the design: ENI ids are unique across resources. */
export function allEniIds(d: Design): string[] {
  return Object.values(d.resources).flatMap((r) => r.enis.map((e) => e.id));
}
