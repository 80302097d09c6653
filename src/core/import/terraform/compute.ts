/**
 * Instances, network interfaces (with attachments and Elastic IPs), RDS instances (with their
 * subnet groups) and Lambda functions (vpc_config), as describe-bundle items.
 */
import type { Cursor } from '../aws/cursor.ts';
import { Traced, made, traced, type Item } from '../translate/writer.ts';
import { Translation, block, elements, isSet, tagList, text, texts, value } from './context.ts';
import { idOf } from './network.ts';
import type { TfResource } from './resources.ts';

/** Public addresses Elastic IPs give, by the instance or network interface they are associated with. */
function elasticIps(tr: Translation): Map<string, Traced> {
  const out = new Map<string, Traced>();
  const note = (owner: string | undefined, ip: Cursor | undefined): void => {
    if (owner && ip && isSet(ip) && !out.has(owner)) out.set(owner, traced(ip));
  };
  for (const eip of tr.of('aws_eip')) {
    note(text(eip.values.at('instance')), eip.values.at('public_ip'));
    note(text(eip.values.at('network_interface')), eip.values.at('public_ip'));
  }
  for (const a of tr.of('aws_eip_association')) {
    const eip = tr.find(text(a.values.at('allocation_id')), 'aws_eip');
    const ip = isSet(a.values.at('public_ip')) ? a.values.at('public_ip') : eip?.values.at('public_ip');
    note(text(a.values.at('instance_id')), ip);
    note(text(a.values.at('network_interface_id')), ip);
  }
  return out;
}

/** Which instance each network interface is attached to, and at which device index. */
function attachments(tr: Translation): Map<string, { instance: Traced; index: Traced }> {
  const out = new Map<string, { instance: Traced; index: Traced }>();
  for (const r of tr.of('aws_instance')) {
    for (const nic of tr.attr(r, 'network_interface').missing ? [] : r.values.objects('network_interface')) {
      const eni = text(nic.at('network_interface_id'));
      if (eni) out.set(eni, { instance: made(r.id, nic), index: value(nic.at('device_index')) });
    }
  }
  for (const a of tr.of('aws_network_interface_attachment')) {
    const eni = text(a.values.at('network_interface_id'));
    if (eni) out.set(eni, { instance: value(a.values.at('instance_id')), index: value(a.values.at('device_index')) });
  }
  for (const r of tr.of('aws_network_interface')) {
    const att = block(r.values.at('attachment'));
    if (att && isSet(att.at('instance')) && !out.has(r.id)) out.set(r.id, { instance: traced(att.at('instance')), index: value(att.at('device_index')) });
  }
  return out;
}

const groupRefs = (ids: Traced[]): Item[] => ids.map((g) => ({ GroupId: g }));

/** Configuration only: an instance launched with a public address (asked for, or its subnet's default), or given an Elastic IP. */
function wantsPublicAddress(tr: Translation, r: TfResource): boolean {
  const asked = r.values.bool('associate_public_ip_address');
  if (asked !== undefined) return asked;
  const subnet = tr.find(text(r.values.at('subnet_id')), 'aws_subnet', 'aws_default_subnet');
  const eip = tr.of('aws_eip').some((e) => text(e.values.at('instance')) === r.id) || tr.of('aws_eip_association').some((a) => text(a.values.at('instance_id')) === r.id);
  return eip || subnet?.values.bool('map_public_ip_on_launch') === true || subnet?.type === 'aws_default_subnet';
}

function instances(tr: Translation, eips: Map<string, Traced>): void {
  for (const r of tr.of('aws_instance')) {
    const v = r.values;
    const ids = elements(tr.attr(r, 'vpc_security_group_ids'));
    // `security_groups` holds names (default VPC) or, in some states, ids.
    const named = elements(tr.attr(r, 'security_groups')).map((g) => (String(g.value).startsWith('sg-') ? { GroupId: g } : { GroupName: g }));
    const groups = ids.length > 0 ? groupRefs(ids) : named;
    let publicIp = isSet(v.at('public_ip')) ? traced(v.at('public_ip')) : eips.get(r.id);
    if (publicIp === undefined && tr.configuration && wantsPublicAddress(tr, r)) {
      publicIp = tr.standInPublicIp(v.at('associate_public_ip_address'), `instance ${r.address}'s public address`, r.id);
    }
    const primary = v.at('primary_network_interface_id');
    const privateIps = [value(tr.attr(r, 'private_ip')), ...elements(v.at('secondary_private_ips'))].filter((ip) => ip.value !== undefined);
    const nic: Item | undefined = isSet(primary)
      ? {
          NetworkInterfaceId: traced(primary),
          SubnetId: value(v.at('subnet_id')),
          PrivateIpAddresses: privateIps.map((ip, i) => ({ PrivateIpAddress: ip, Primary: i === 0 })),
          Groups: groups,
          Ipv6Addresses: elements(v.at('ipv6_addresses')).map((a) => ({ Ipv6Address: a })),
          Attachment: { DeviceIndex: 0 },
        }
      : undefined;
    const item: Item = {
      InstanceId: idOf(r),
      SubnetId: value(tr.attr(r, 'subnet_id')),
      PrivateIpAddress: value(v.at('private_ip')),
      PublicIpAddress: publicIp,
      SecurityGroups: groups,
      NetworkInterfaces: nic ? [nic] : [],
      State: isSet(v.at('instance_state')) ? { Name: traced(v.at('instance_state')) } : undefined,
      Tags: tagList(v),
    };
    const writer = tr.writer(r.at.file);
    const reservation = writer.add('Reservations', { Instances: [item] }, { file: r.values.file, path: r.values.where });
    tr.items.set(r.address, { item: (reservation.Instances as Item[])[0]!, writer });
  }
}

function networkInterfaces(tr: Translation, eips: Map<string, Traced>): void {
  const attached = attachments(tr);
  const primaries = new Set(tr.of('aws_instance').flatMap((i) => text(i.values.at('primary_network_interface_id')) ?? []));
  for (const r of tr.of('aws_network_interface')) {
    const v = r.values;
    const att = attached.get(r.id);
    const listed = isSet(v.at('private_ip_list')) ? elements(v.at('private_ip_list')) : elements(v.at('private_ips'));
    const first = value(v.at('private_ip'));
    const ips = first.value !== undefined && !listed.some((ip) => ip.value === first.value) ? [first, ...listed] : listed;
    const primaryIp = first.value !== undefined ? first.value : ips[0]?.value;
    const ordered = [...ips.filter((ip) => ip.value === primaryIp), ...ips.filter((ip) => ip.value !== primaryIp)];
    tr.emit(r, 'NetworkInterfaces', {
      NetworkInterfaceId: idOf(r),
      SubnetId: value(tr.attr(r, 'subnet_id')),
      Description: value(v.at('description')),
      InterfaceType: value(v.at('interface_type')),
      PrivateIpAddresses: ordered.map((ip, i) => ({ PrivateIpAddress: ip, Primary: i === 0 })),
      Groups: groupRefs(elements(tr.attr(r, 'security_groups'))),
      Ipv6Addresses: elements(v.at('ipv6_addresses')).map((a) => ({ Ipv6Address: a })),
      Association: eips.has(r.id) ? { PublicIp: eips.get(r.id) } : undefined,
      // An instance's primary interface is in use even where the state records no attachment block.
      Status: att || primaries.has(r.id) ? 'in-use' : 'available',
      Attachment: att ? { InstanceId: att.instance, DeviceIndex: att.index } : undefined,
      TagSet: tagList(v),
    });
  }
  for (const a of tr.of('aws_network_interface_sg_attachment')) {
    const eni = tr.find(text(a.values.at('network_interface_id')), 'aws_network_interface');
    if (!eni || !tr.extend(eni.address, 'Groups', { GroupId: value(tr.attr(a, 'security_group_id')) }, a.values)) {
      tr.warn('import/terraform-owner-missing', `${a.address} adds a security group to interface ${text(a.values.at('network_interface_id')) ?? '(none)'}, which is not in the Terraform input as an aws_network_interface; it was left out.`, a.at);
    }
  }
}

/** Subnet groups by every name a DB instance may use for them: name, id and address. */
function subnetGroups(tr: Translation): Map<string, TfResource> {
  const out = new Map<string, TfResource>();
  for (const g of tr.of('aws_db_subnet_group')) for (const k of [text(g.values.at('name')), g.id, g.address]) if (k && !out.has(k)) out.set(k, g);
  return out;
}

function databases(tr: Translation): void {
  const byName = subnetGroups(tr);
  for (const r of tr.of('aws_db_instance')) {
    const v = r.values;
    const groupName = text(tr.attr(r, 'db_subnet_group_name'));
    const group = groupName ? byName.get(groupName) : undefined;
    if (groupName && !group) {
      tr.warn('import/terraform-owner-missing', `${r.address} uses DB subnet group ${groupName}, which is not in the Terraform input; its subnets are unknown.`, v.at('db_subnet_group_name'), r.id);
    }
    const subnets = group ? elements(tr.attr(group, 'subnet_ids')) : [];
    tr.emit(r, 'DBInstances', {
      DBInstanceIdentifier: isSet(v.at('identifier')) ? traced(v.at('identifier')) : idOf(r),
      DBInstanceArn: value(v.at('arn')),
      Engine: value(v.at('engine')),
      Endpoint: { Port: value(v.at('port')) },
      PubliclyAccessible: value(v.at('publicly_accessible')),
      MultiAZ: value(v.at('multi_az')),
      AvailabilityZone: value(v.at('availability_zone')),
      DBSubnetGroup: { Subnets: subnets.map((s) => ({ SubnetIdentifier: s })) },
      VpcSecurityGroups: elements(tr.attr(r, 'vpc_security_group_ids')).map((g) => ({ VpcSecurityGroupId: g })),
      TagList: tagList(v),
    });
  }
}

function functions(tr: Translation): void {
  for (const r of tr.of('aws_lambda_function')) {
    const v = r.values;
    const vpc = block(tr.attr(r, 'vpc_config'));
    tr.emit(r, 'Functions', {
      FunctionName: value(tr.attr(r, 'function_name')),
      FunctionArn: value(v.at('arn')),
      VpcConfig: vpc ? { SubnetIds: elements(vpc.at('subnet_ids')), SecurityGroupIds: elements(vpc.at('security_group_ids')) } : undefined,
      Tags: tagList(v),
    });
  }
}

/** The name the bundle knows a Lambda function by (its id in the design). */
export function functionName(r: TfResource): string {
  return texts(r.values.at('function_name'))[0] ?? r.id;
}

/** Writes instances, interfaces, databases and functions into the bundle. */
export function translateCompute(tr: Translation): void {
  const eips = elasticIps(tr);
  instances(tr, eips);
  networkInterfaces(tr, eips);
  databases(tr);
  functions(tr);
}

export const COMPUTE_TYPES = [
  'aws_instance',
  'aws_network_interface',
  'aws_network_interface_attachment',
  'aws_network_interface_sg_attachment',
  'aws_db_instance',
  'aws_db_subnet_group',
  'aws_lambda_function',
];
