/**
 * RDS DB instances (their subnets from the AWS::RDS::DBSubnetGroup they name, groups, port and
 * engine from the instance or, for Aurora, its AWS::RDS::DBCluster) and Lambda functions with a
 * VpcConfig, as describe-db-instances and list-functions items. A database without
 * VPCSecurityGroups gets its VPC's default group, as AWS gives it.
 */
import type { Build, Item } from './build.ts';
import type { ResourceReader } from './reader.ts';

/** The AWS::RDS::DBSubnetGroup a DB names, when the templates create it. */
function subnetGroup(b: Build, r: ResourceReader, owner: ResourceReader): string[] | undefined {
  const at = owner.prop('DBSubnetGroupName');
  const id = r.idAt(at);
  if (!id) return undefined;
  const group = b.reader(id);
  if (group?.resource.type !== 'AWS::RDS::DBSubnetGroup') {
    r.scope.warn('import/cfn-unknown-subnet-group', `names the DB subnet group ${id}, which the templates do not create, so the database's subnets are unknown.`, at, r.id);
    return [];
  }
  return group.ids(group.prop('SubnetIds'));
}

export function translateDatabases(b: Build): void {
  for (const r of b.readers('AWS::RDS::DBInstance')) {
    r.entity(`database ${r.logicalId}`, () => {
      const clusterId = r.idAt(r.prop('DBClusterIdentifier'));
      const cluster = clusterId ? b.reader(clusterId) : undefined;
      const source = cluster?.resource.type === 'AWS::RDS::DBCluster' ? cluster : r;
      const subnets = subnetGroup(b, r, r.prop('DBSubnetGroupName').missing ? source : r);
      if (subnets === undefined) {
        r.scope.warn('import/cfn-db-default-subnets', 'names no DBSubnetGroupName, so AWS places it in the default VPC\'s subnets, which the templates do not describe; it has no network interface in the design.', r.at, r.id);
      }
      const groupsAt = source === r ? r.prop('VPCSecurityGroups') : cluster!.prop('VpcSecurityGroupIds');
      let groups = r.ids(groupsAt);
      if (groupsAt.missing && groups.length === 0) groups = [b.defaultGroupOfSubnet(subnets?.[0])].flatMap((g) => g ?? []);
      const portAt = r.prop('Port').missing ? source.prop('Port') : r.prop('Port');
      const engineAt = r.prop('Engine').missing ? source.prop('Engine') : r.prop('Engine');
      const item: Item = {
        DBInstanceIdentifier: r.id,
        Engine: r.optional(engineAt),
        Endpoint: b.draft.track({ Port: r.optional(portAt) }, r.at, { Port: portAt }),
        PubliclyAccessible: r.flag(r.prop('PubliclyAccessible')) ?? false,
        MultiAZ: r.flag(r.prop('MultiAZ')) ?? false,
        AvailabilityZone: r.optional(r.prop('AvailabilityZone')),
        DBSubnetGroup: { Subnets: (subnets ?? []).map((s) => ({ SubnetIdentifier: s, SubnetAvailabilityZone: { Name: b.subnets.get(s)?.zone } })) },
        VpcSecurityGroups: groups.map((id) => ({ VpcSecurityGroupId: id })),
        TagList: r.tags(),
      };
      b.draft.add(r.file, 'DBInstances', b.draft.track(item, r.at, { Engine: engineAt, VpcSecurityGroups: groupsAt, PubliclyAccessible: r.prop('PubliclyAccessible'), TagList: r.prop('Tags') }));
      const name = r.optional(r.prop('DBInstanceIdentifier'));
      if (typeof name === 'string' && name.trim() !== '') b.names.set(`resources/${r.id}`, name.trim());
    });
  }
}

export function translateFunctions(b: Build): void {
  for (const r of b.readers('AWS::Lambda::Function')) {
    r.entity(`function ${r.logicalId}`, () => {
      const vpc = r.prop('VpcConfig');
      const subnetsAt = vpc.at('SubnetIds');
      const groupsAt = vpc.at('SecurityGroupIds');
      const item: Item = {
        FunctionName: r.id,
        ...(vpc.missing ? {} : { VpcConfig: b.draft.track({ SubnetIds: r.ids(subnetsAt), SecurityGroupIds: r.ids(groupsAt) }, vpc, { SubnetIds: subnetsAt, SecurityGroupIds: groupsAt }) }),
        Tags: r.tags(),
      };
      b.draft.add(r.file, 'Functions', b.draft.track(item, r.at, { VpcConfig: vpc }));
      const name = r.optional(r.prop('FunctionName'));
      if (typeof name === 'string' && name.trim() !== '') b.names.set(`resources/${r.id}`, name.trim());
    });
  }
}
