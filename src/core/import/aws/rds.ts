/**
 * rds describe-db-instances: DBSubnetGroup.Subnets, Endpoint.Port, PubliclyAccessible,
 * VpcSecurityGroups. The ENI comes from describe-network-interfaces ("RDSNetworkInterface" in one
 * of the DB's subnets, preferring one with the DB's groups); without one, an ENI is synthesised in
 * the subnet of the DB's zone (else the group's first subnet).
 */
import type { Cursor } from './cursor.ts';
import type { GroupRef, ImportContext, RawEni } from './context.ts';
import type { InterfaceRecord } from './network-interfaces.ts';
import { syntheticEni } from './enis.ts';
import { nameFrom, readTags } from './tags.ts';

/** Default ports by engine family, for output that gives none (a DB still being created). */
const DEFAULT_PORTS: Array<[RegExp, number]> = [
  [/postgres/, 5432],
  [/mysql|mariadb/, 3306],
  [/oracle/, 1521],
  [/sqlserver/, 1433],
  [/db2/, 50000],
];

function portOf(item: Cursor, engine: string, id: string, ctx: ImportContext): number {
  const port = item.obj('Endpoint')?.int('Port') ?? item.int('DbInstancePort');
  if (port !== undefined && port >= 1 && port <= 65535) return port;
  const guess = DEFAULT_PORTS.find(([pattern]) => pattern.test(engine))?.[1] ?? 5432;
  ctx.warn('import/db-port', `database ${id} gives no endpoint port; ${guess}, the ${engine} default, was used.`, item, id);
  return guess;
}

const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** Imports describe-db-instances with their ENIs (claimed or synthesised). */
export function importDatabases(items: Cursor[], interfaces: InterfaceRecord[], ctx: ImportContext): void {
  const rdsInterfaces = interfaces.filter((r) => r.description === 'RDSNetworkInterface');
  for (const item of items) {
    const id = item.id('DBInstanceIdentifier');
    let engine = item.str('Engine')?.trim();
    if (!engine) {
      ctx.warn('import/db-engine', `database ${id} names no engine; "unknown" was used.`, item, id);
      engine = 'unknown';
    }
    const subnetGroup = item.obj('DBSubnetGroup');
    const subnets = (subnetGroup?.objects('Subnets') ?? []).flatMap((s) => {
      const subnetId = s.optionalId('SubnetIdentifier');
      return subnetId ? [{ subnetId, zone: s.obj('SubnetAvailabilityZone')?.str('Name') }] : [];
    });
    const subnetIds = subnets.map((s) => s.subnetId);
    const groups: GroupRef[] = item.objects('VpcSecurityGroups').flatMap((g) => {
      const gid = g.optionalId('VpcSecurityGroupId');
      return gid ? [{ id: gid }] : [];
    });
    const groupIds = groups.map((g) => g.id!);
    const wanted = item.bool('MultiAZ') ? 2 : 1;
    const candidates = rdsInterfaces
      .filter((r) => !r.claimed && r.eni.subnetId !== undefined && subnetIds.includes(r.eni.subnetId))
      .sort((a, b) => Number(sameSet(b.eni.groups.flatMap((g) => g.id ?? []), groupIds)) - Number(sameSet(a.eni.groups.flatMap((g) => g.id ?? []), groupIds)))
      .slice(0, wanted);
    const enis: RawEni[] = candidates.map((r) => {
      r.claimed = true;
      return r.eni;
    });
    if (enis.length === 0 && subnets.length > 0) {
      const zone = item.str('AvailabilityZone');
      const home = subnets.find((s) => s.zone && s.zone === zone) ?? subnets[0]!;
      enis.push(syntheticEni(`${id}-eni-${home.subnetId}`, home.subnetId, groups, `RDS ${id} (synthesised)`, item));
    }
    const tags = readTags(item, ctx);
    ctx.put('resources', ctx.resources, id, {
      kind: 'database',
      id,
      name: nameFrom(tags, id),
      engine,
      port: portOf(item, engine, id, ctx),
      publiclyAccessible: item.bool('PubliclyAccessible') ?? false,
      subnetIds,
      enis,
      ...(tags ? { tags } : {}),
      at: item,
    }, item);
  }
}
