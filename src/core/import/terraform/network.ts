/**
 * VPCs, subnets, gateways, route tables, peerings, network ACLs and prefix lists, from their
 * Terraform resources into describe-bundle items. Resources that add to another (aws_route,
 * aws_network_acl_rule, associations) are written into their owner's item.
 */
import type { Cursor } from '../aws/cursor.ts';
import { Traced, made, traced, type Item } from '../translate/writer.ts';
import { Translation, blocks, elements, isSet, tagList, text, value } from './context.ts';
import type { TfResource } from './resources.ts';

/** The resource's own id as a traced value (its address when the input gives no id). */
export function idOf(r: TfResource): Traced {
  return r.values.has('id') ? traced(r.values.at('id')) : made(r.id, r.at);
}

/** The VPC an HCL `aws_default_*` resource belongs to, read from `aws_vpc.main.default_…_id`. */
function vpcOfDefault(tr: Translation, r: TfResource, key: string): Traced {
  const own = r.values.at('vpc_id');
  if (isSet(own)) return traced(own);
  const raw = r.raw ? text(r.raw.at(key)) : undefined;
  const m = raw ? /^\$\{\s*(aws_vpc\.[\w-]+)\.[a-z_]+\s*\}$/.exec(raw) : null;
  if (m && tr.find(m[1])) return made(m[1], r.raw!.at(key));
  const id = text(r.values.at(key));
  const vpc = id ? tr.of('aws_vpc', 'aws_default_vpc').find((v) => text(v.values.at(key)) === id) : undefined;
  return vpc ? made(vpc.id, r.values.at(key)) : value(r.values.at('vpc_id'));
}

function vpcs(tr: Translation): void {
  for (const r of tr.of('aws_vpc', 'aws_default_vpc')) {
    const v = r.values;
    const ipv6 = v.at('ipv6_cidr_block');
    tr.emit(r, 'Vpcs', {
      VpcId: idOf(r),
      CidrBlock: value(tr.attr(r, 'cidr_block')),
      Ipv6CidrBlockAssociationSet: isSet(ipv6) ? [{ Ipv6CidrBlock: traced(ipv6) }] : [],
      IsDefault: r.type === 'aws_default_vpc',
      OwnerId: value(v.at('owner_id')),
      Tags: tagList(v),
    });
  }
  for (const r of tr.of('aws_vpc_ipv4_cidr_block_association')) {
    const vpc = tr.find(text(tr.attr(r, 'vpc_id')), 'aws_vpc', 'aws_default_vpc');
    if (!vpc || !tr.extend(vpc.address, 'CidrBlockAssociationSet', { CidrBlock: value(tr.attr(r, 'cidr_block')) }, r.values)) {
      tr.warn('import/terraform-owner-missing', `${r.address} adds a CIDR to VPC ${text(r.values.at('vpc_id')) ?? '(none)'}, which is not in the Terraform input; it was left out.`, r.at);
    }
  }
}

function subnets(tr: Translation): void {
  for (const r of tr.of('aws_subnet', 'aws_default_subnet')) {
    const v = r.values;
    const ipv6 = v.at('ipv6_cidr_block');
    tr.emit(r, 'Subnets', {
      SubnetId: idOf(r),
      VpcId: value(tr.attr(r, 'vpc_id')),
      CidrBlock: value(tr.attr(r, 'cidr_block')),
      AvailabilityZone: value(isSet(v.at('availability_zone')) ? tr.attr(r, 'availability_zone') : tr.attr(r, 'availability_zone_id')),
      Ipv6CidrBlockAssociationSet: isSet(ipv6) ? [{ Ipv6CidrBlock: traced(ipv6) }] : [],
      Tags: tagList(v),
    });
  }
}

function gateways(tr: Translation): void {
  for (const r of tr.of('aws_internet_gateway')) {
    const vpc = r.values.at('vpc_id');
    tr.emit(r, 'InternetGateways', {
      InternetGatewayId: idOf(r),
      Attachments: isSet(tr.attr(r, 'vpc_id')) ? [{ VpcId: traced(vpc), State: 'available' }] : [],
      Tags: tagList(r.values),
    });
  }
  for (const r of tr.of('aws_internet_gateway_attachment')) {
    const igw = tr.find(text(tr.attr(r, 'internet_gateway_id')), 'aws_internet_gateway');
    if (!igw || !tr.extend(igw.address, 'Attachments', { VpcId: value(tr.attr(r, 'vpc_id')), State: 'available' }, r.values)) {
      tr.warn('import/terraform-owner-missing', `${r.address} attaches internet gateway ${text(r.values.at('internet_gateway_id')) ?? '(none)'}, which is not in the Terraform input; it was left out.`, r.at);
    }
  }
  for (const r of tr.of('aws_nat_gateway')) {
    const v = r.values;
    const eip = tr.find(text(v.at('allocation_id')), 'aws_eip');
    let publicIp = isSet(v.at('public_ip')) ? traced(v.at('public_ip')) : eip ? value(eip.values.at('public_ip')) : undefined;
    if (publicIp?.value === undefined && tr.configuration && isSet(v.at('allocation_id')) && text(v.at('connectivity_type')) !== 'private') {
      publicIp = tr.standInPublicIp(v.at('allocation_id'), `NAT gateway ${r.address}'s Elastic IP`, r.id);
    }
    tr.emit(r, 'NatGateways', {
      NatGatewayId: idOf(r),
      SubnetId: value(tr.attr(r, 'subnet_id')),
      ConnectivityType: value(v.at('connectivity_type')),
      NatGatewayAddresses: [
        {
          AllocationId: value(v.at('allocation_id')),
          NetworkInterfaceId: value(v.at('network_interface_id')),
          PrivateIp: value(v.at('private_ip')),
          PublicIp: publicIp,
          IsPrimary: true,
        },
      ],
      Tags: tagList(v),
    });
  }
}

/** Route fields of Terraform (in-line `route` blocks, aws_route) to describe-route-tables' Routes. */
function route(tr: Translation, c: Cursor, standalone: boolean): Item {
  const dest = (inline: string, resource: string) => value(c.at(standalone ? resource : inline));
  tr.touch(c);
  const gateway = text(c.at('gateway_id'));
  // A NAT gateway named in gateway_id (the provider accepts it) is still a NAT gateway.
  const gatewayIsNat = gateway !== undefined && (gateway.startsWith('nat-') || tr.find(gateway, 'aws_nat_gateway') !== undefined);
  return {
    DestinationCidrBlock: dest('cidr_block', 'destination_cidr_block'),
    DestinationIpv6CidrBlock: dest('ipv6_cidr_block', 'destination_ipv6_cidr_block'),
    DestinationPrefixListId: value(c.at('destination_prefix_list_id')),
    GatewayId: gatewayIsNat ? undefined : isSet(c.at('gateway_id')) ? traced(c.at('gateway_id')) : value(c.at('vpc_endpoint_id')),
    NatGatewayId: gatewayIsNat ? traced(c.at('gateway_id')) : value(c.at('nat_gateway_id')),
    VpcPeeringConnectionId: value(c.at('vpc_peering_connection_id')),
    TransitGatewayId: value(c.at('transit_gateway_id')),
    EgressOnlyInternetGatewayId: value(c.at('egress_only_gateway_id')),
    NetworkInterfaceId: value(c.at('network_interface_id')),
    InstanceId: value(c.at('instance_id')),
    CarrierGatewayId: value(c.at('carrier_gateway_id')),
    LocalGatewayId: value(c.at('local_gateway_id')),
    CoreNetworkArn: value(c.at('core_network_arn')),
    State: standalone ? value(c.at('state')) : undefined,
  };
}

const destinationOf = (routeItem: Item): string =>
  String(routeItem.DestinationCidrBlock ?? routeItem.DestinationIpv6CidrBlock ?? routeItem.DestinationPrefixListId ?? '');
const plainDestination = (c: Cursor): string =>
  text(c.at('destination_cidr_block')) ?? text(c.at('destination_ipv6_cidr_block')) ?? text(c.at('destination_prefix_list_id')) ?? '';

function routeTables(tr: Translation): void {
  const TABLES = ['aws_route_table', 'aws_default_route_table'];
  for (const r of tr.of(...TABLES)) {
    const isDefault = r.type === 'aws_default_route_table';
    tr.emit(r, 'RouteTables', {
      RouteTableId: idOf(r),
      VpcId: isDefault ? vpcOfDefault(tr, r, 'default_route_table_id') : value(tr.attr(r, 'vpc_id')),
      Routes: blocks(tr.attr(r, 'route')).map((c) => route(tr, c, false)),
      Associations: [],
      Tags: tagList(r.values),
    });
  }
  for (const r of tr.of('aws_route')) {
    const table = tr.find(text(tr.attr(r, 'route_table_id')), ...TABLES);
    const written = table ? tr.items.get(table.address) : undefined;
    if (!table || !written) {
      tr.warn('import/terraform-owner-missing', `${r.address} is a route of table ${text(r.values.at('route_table_id')) ?? '(none)'}, which is not in the Terraform input; it was left out.`, r.at);
      continue;
    }
    // A refreshed state lists aws_route routes in their table's `route` too: one route per destination.
    const existing = (written.item.Routes as Item[] | undefined) ?? [];
    if (existing.some((x) => destinationOf(x) === plainDestination(r.values) && plainDestination(r.values) !== '')) continue;
    tr.extend(table.address, 'Routes', route(tr, r.values, true), r.values);
  }
  for (const r of tr.of('aws_route_table_association')) {
    if (!isSet(r.values.at('subnet_id'))) continue; // a gateway (edge) association: not modelled
    const table = tr.find(text(tr.attr(r, 'route_table_id')), ...TABLES);
    if (!table || !tr.extend(table.address, 'Associations', { SubnetId: value(tr.attr(r, 'subnet_id')) }, r.values)) {
      tr.warn('import/terraform-owner-missing', `${r.address} associates route table ${text(r.values.at('route_table_id')) ?? '(none)'}, which is not in the Terraform input; it was left out.`, r.at);
    }
  }
  // The main table of each VPC: an explicit main association, else the default table, else the one the VPC names.
  const mains = new Map<string, { table: TfResource; at: Cursor }>();
  for (const r of tr.of('aws_main_route_table_association')) {
    const table = tr.find(text(tr.attr(r, 'route_table_id')), ...TABLES);
    const vpc = text(tr.attr(r, 'vpc_id'));
    if (table && vpc) mains.set(vpc, { table, at: r.values });
    else tr.warn('import/terraform-owner-missing', `${r.address} makes route table ${text(r.values.at('route_table_id')) ?? '(none)'} the main one, but that table is not in the Terraform input; it was left out.`, r.at);
  }
  for (const table of tr.of('aws_default_route_table')) {
    const vpc = vpcOfDefault(tr, table, 'default_route_table_id').value;
    if (typeof vpc === 'string' && !mains.has(vpc)) mains.set(vpc, { table, at: table.values });
  }
  for (const vpc of tr.of('aws_vpc', 'aws_default_vpc')) {
    const table = tr.find(text(vpc.values.at('main_route_table_id')), ...TABLES);
    if (table && !mains.has(vpc.id)) mains.set(vpc.id, { table, at: vpc.values.at('main_route_table_id') });
  }
  for (const { table, at } of mains.values()) tr.extend(table.address, 'Associations', { Main: true }, at);
}

function peerings(tr: Translation): void {
  const cidrOf = (vpcId: string | undefined): Traced | undefined => {
    const vpc = tr.find(vpcId, 'aws_vpc', 'aws_default_vpc');
    return vpc ? value(vpc.values.at('cidr_block')) : undefined;
  };
  const accepted = new Set(tr.of('aws_vpc_peering_connection_accepter').flatMap((a) => text(a.values.at('vpc_peering_connection_id')) ?? []));
  for (const r of tr.of('aws_vpc_peering_connection')) {
    const v = r.values;
    const status = isSet(v.at('accept_status'))
      ? traced(v.at('accept_status'))
      : made(v.bool('auto_accept') === true || accepted.has(r.id) ? 'active' : 'pending-acceptance', v);
    tr.emit(r, 'VpcPeeringConnections', {
      VpcPeeringConnectionId: idOf(r),
      RequesterVpcInfo: { VpcId: value(tr.attr(r, 'vpc_id')), CidrBlock: cidrOf(text(v.at('vpc_id'))) },
      AccepterVpcInfo: {
        VpcId: value(tr.attr(r, 'peer_vpc_id')),
        OwnerId: value(v.at('peer_owner_id')),
        Region: value(v.at('peer_region')),
        CidrBlock: cidrOf(text(v.at('peer_vpc_id'))),
      },
      Status: { Code: status },
      Tags: tagList(v),
    });
  }
  // The accepter's side of a peering requested elsewhere (another account's or Region's state).
  for (const r of tr.of('aws_vpc_peering_connection_accepter')) {
    const v = r.values;
    const id = text(v.at('vpc_peering_connection_id'));
    if (!id || tr.find(id, 'aws_vpc_peering_connection')) continue;
    tr.emit(r, 'VpcPeeringConnections', {
      VpcPeeringConnectionId: value(v.at('vpc_peering_connection_id')),
      RequesterVpcInfo: { VpcId: value(v.at('peer_vpc_id')), OwnerId: value(v.at('peer_owner_id')), Region: value(v.at('peer_region')), CidrBlock: cidrOf(text(v.at('peer_vpc_id'))) },
      AccepterVpcInfo: { VpcId: value(tr.attr(r, 'vpc_id')), CidrBlock: cidrOf(text(v.at('vpc_id'))) },
      Status: { Code: isSet(v.at('accept_status')) ? traced(v.at('accept_status')) : made('active', v) },
      Tags: tagList(v),
    });
  }
}

/** A network ACL entry from an in-line `ingress`/`egress` block or an aws_network_acl_rule. */
function aclEntry(c: Cursor, egress: boolean | Traced, standalone: boolean): Item {
  return {
    RuleNumber: value(c.at(standalone ? 'rule_number' : 'rule_no')),
    Egress: egress,
    RuleAction: value(c.at(standalone ? 'rule_action' : 'action')),
    Protocol: value(c.at('protocol')),
    CidrBlock: value(c.at('cidr_block')),
    Ipv6CidrBlock: value(c.at('ipv6_cidr_block')),
    PortRange: { From: value(c.at('from_port')), To: value(c.at('to_port')) },
    IcmpTypeCode: { Type: value(c.at('icmp_type')), Code: value(c.at('icmp_code')) },
  };
}

function networkAcls(tr: Translation): void {
  const ACLS = ['aws_network_acl', 'aws_default_network_acl'];
  for (const r of tr.of(...ACLS)) {
    const isDefault = r.type === 'aws_default_network_acl';
    tr.emit(r, 'NetworkAcls', {
      NetworkAclId: idOf(r),
      VpcId: isDefault ? vpcOfDefault(tr, r, 'default_network_acl_id') : value(tr.attr(r, 'vpc_id')),
      IsDefault: isDefault,
      Entries: [
        ...blocks(tr.attr(r, 'ingress')).map((c) => aclEntry(c, false, false)),
        ...blocks(tr.attr(r, 'egress')).map((c) => aclEntry(c, true, false)),
      ],
      Associations: elements(tr.attr(r, 'subnet_ids')).map((s) => ({ SubnetId: s })),
      Tags: tagList(r.values),
    });
  }
  for (const r of tr.of('aws_network_acl_rule')) {
    const acl = tr.find(text(tr.attr(r, 'network_acl_id')), ...ACLS);
    const written = acl ? tr.items.get(acl.address) : undefined;
    if (!acl || !written) {
      tr.warn('import/terraform-owner-missing', `${r.address} is an entry of network ACL ${text(r.values.at('network_acl_id')) ?? '(none)'}, which is not in the Terraform input; it was left out.`, r.at);
      continue;
    }
    tr.touch(r.values);
    const egress = r.values.bool('egress') ?? false;
    const number = r.values.int('rule_number');
    // A refreshed state lists the rule among its ACL's in-line entries too.
    const entries = (written.item.Entries as Item[] | undefined) ?? [];
    if (entries.some((e) => Number(e.RuleNumber) === number && Boolean(e.Egress === true || e.Egress === 'true') === egress)) continue;
    tr.extend(acl.address, 'Entries', aclEntry(r.values, isSet(r.values.at('egress')) ? traced(r.values.at('egress')) : false, true), r.values);
  }
  for (const r of tr.of('aws_network_acl_association')) {
    const acl = tr.find(text(tr.attr(r, 'network_acl_id')), ...ACLS);
    if (!acl || !tr.extend(acl.address, 'Associations', { SubnetId: value(tr.attr(r, 'subnet_id')) }, r.values)) {
      tr.warn('import/terraform-owner-missing', `${r.address} associates network ACL ${text(r.values.at('network_acl_id')) ?? '(none)'}, which is not in the Terraform input; it was left out.`, r.at);
    }
  }
}

function prefixLists(tr: Translation): void {
  for (const r of tr.of('aws_ec2_managed_prefix_list')) {
    const v = r.values;
    tr.emit(r, 'PrefixLists', {
      PrefixListId: idOf(r),
      PrefixListName: value(v.at('name')),
      AddressFamily: value(v.at('address_family')),
      MaxEntries: value(v.at('max_entries')),
      Entries: blocks(tr.attr(r, 'entry')).map((e) => ({ Cidr: value(e.at('cidr')), Description: value(e.at('description')) })),
      Tags: tagList(v),
    });
  }
  for (const r of tr.of('aws_ec2_managed_prefix_list_entry')) {
    const list = tr.find(text(tr.attr(r, 'prefix_list_id')), 'aws_ec2_managed_prefix_list');
    const entry = { Cidr: value(tr.attr(r, 'cidr')), Description: value(r.values.at('description')) };
    if (!list || !tr.extend(list.address, 'Entries', entry, r.values)) {
      tr.warn('import/terraform-owner-missing', `${r.address} is an entry of prefix list ${text(r.values.at('prefix_list_id')) ?? '(none)'}, which is not in the Terraform input; it was left out.`, r.at);
    }
  }
}

/** Writes the network resources into the bundle. */
export function translateNetwork(tr: Translation): void {
  vpcs(tr);
  subnets(tr);
  gateways(tr);
  routeTables(tr);
  peerings(tr);
  networkAcls(tr);
  prefixLists(tr);
}

export const NETWORK_TYPES = [
  'aws_vpc',
  'aws_default_vpc',
  'aws_vpc_ipv4_cidr_block_association',
  'aws_subnet',
  'aws_default_subnet',
  'aws_internet_gateway',
  'aws_internet_gateway_attachment',
  'aws_nat_gateway',
  'aws_eip',
  'aws_eip_association',
  'aws_route_table',
  'aws_default_route_table',
  'aws_route',
  'aws_route_table_association',
  'aws_main_route_table_association',
  'aws_vpc_peering_connection',
  'aws_vpc_peering_connection_accepter',
  'aws_network_acl',
  'aws_default_network_acl',
  'aws_network_acl_rule',
  'aws_network_acl_association',
  'aws_ec2_managed_prefix_list',
  'aws_ec2_managed_prefix_list_entry',
];

