/** Terraform for the network: VPCs, subnets, gateways, peerings, route tables and network ACLs. */
import type { NetworkAcl, NetworkAclEntry, Route, RouteTable, Vpc } from '../../model/types.ts';
import { aclFields, canonical, ipv4BlockOf, ipv6Placement, isIpv6, livePeering, otherTargetKind, protocolNumber, writableRoute } from '../iac/common.ts';
import type { TfContext } from './context.ts';
import { attr, block, expr, type Expr, type HclItem } from './hcl.ts';

const regionOf = (c: TfContext, vpcId: string | undefined) => (vpcId ? c.design.vpcs[vpcId]?.region : undefined);

export function writeVpcs(c: TfContext): void {
  for (const vpc of Object.values(c.design.vpcs)) {
    const name = c.declare(vpc.id, 'aws_vpc', vpc.name, 'vpc');
    const v6 = vpc.ipv6Cidrs.length > 0;
    c.resource(
      'aws_vpc',
      name,
      [
        ...c.provider(vpc.region),
        ...attr('cidr_block', canonical(vpc.cidrs[0] ?? '10.0.0.0/16')),
        ...attr('enable_dns_support', true),
        ...attr('enable_dns_hostnames', true),
        ...attr('assign_generated_ipv6_cidr_block', v6 ? true : undefined),
        ...c.tags(vpc.name, vpc.tags),
      ],
      v6
        ? `IPv6: the design's ${vpc.ipv6Cidrs.join(', ')} is Amazon-provided space, so AWS picks the block;\nsubnets keep their place in it through cidrsubnet().`
        : undefined,
    );
    vpc.cidrs.slice(1).forEach((cidr, i) => {
      const n = c.declare(`${vpc.id}#v4#${i + 1}`, 'aws_vpc_ipv4_cidr_block_association', `${vpc.name} ${cidr}`, 'cidr');
      c.resource('aws_vpc_ipv4_cidr_block_association', n, [...c.provider(vpc.region), ...attr('vpc_id', c.ref('aws_vpc', vpc.id, 'id')), ...attr('cidr_block', canonical(cidr))]);
    });
    vpc.ipv6Cidrs.slice(1).forEach((_, i) => {
      const n = c.declare(`${vpc.id}#v6#${i + 1}`, 'aws_vpc_ipv6_cidr_block_association', `${vpc.name} ipv6 ${i + 2}`, 'cidr');
      c.resource('aws_vpc_ipv6_cidr_block_association', n, [
        ...c.provider(vpc.region),
        ...attr('vpc_id', c.ref('aws_vpc', vpc.id, 'id')),
        ...attr('assign_generated_ipv6_cidr_block', true),
      ]);
    });
  }
}

/** The VPC id expression a subnet uses: through the CIDR association when it sits in a secondary block. */
function subnetVpcId(c: TfContext, vpc: Vpc, block4: number): Expr | undefined {
  if (block4 > 0) return c.ref('aws_vpc_ipv4_cidr_block_association', `${vpc.id}#v4#${block4}`, 'vpc_id');
  return c.ref('aws_vpc', vpc.id, 'id');
}

export function writeSubnets(c: TfContext): void {
  for (const s of Object.values(c.design.subnets)) {
    const vpc = c.design.vpcs[s.vpcId];
    if (!vpc) {
      c.notes.push(`subnet ${s.name}: its VPC ${s.vpcId} is not in the design`);
      continue;
    }
    const name = c.declare(s.id, 'aws_subnet', s.name, 'subnet');
    const place = ipv6Placement(vpc, s);
    let v6: Expr | undefined;
    if (place) {
      const parent = place.block === 0 ? c.ref('aws_vpc', vpc.id, 'ipv6_cidr_block') : c.ref('aws_vpc_ipv6_cidr_block_association', `${vpc.id}#v6#${place.block}`, 'ipv6_cidr_block');
      if (parent) v6 = expr(`cidrsubnet(${parent.expr}, ${place.newbits}, ${place.netnum})`);
    }
    c.resource('aws_subnet', name, [
      ...c.provider(vpc.region),
      ...attr('vpc_id', subnetVpcId(c, vpc, ipv4BlockOf(vpc, s))),
      ...attr('cidr_block', canonical(s.cidr)),
      ...attr('availability_zone', s.availabilityZone),
      ...attr('ipv6_cidr_block', v6),
      ...c.tags(s.name, s.tags),
    ]);
  }
}

export function writeGateways(c: TfContext): void {
  for (const igw of Object.values(c.design.internetGateways)) {
    const name = c.declare(igw.id, 'aws_internet_gateway', igw.name, 'igw');
    const vpcId = igw.vpcId && c.has('aws_vpc', igw.vpcId) ? c.ref('aws_vpc', igw.vpcId, 'id') : undefined;
    c.resource('aws_internet_gateway', name, [...c.provider(regionOf(c, igw.vpcId)), ...attr('vpc_id', vpcId), ...c.tags(igw.name, igw.tags)]);
  }
  for (const nat of Object.values(c.design.natGateways)) {
    const subnet = c.design.subnets[nat.subnetId];
    if (!subnet || !c.has('aws_subnet', subnet.id)) {
      c.notes.push(`NAT gateway ${nat.name}: its subnet ${nat.subnetId} is not in the design`);
      continue;
    }
    const region = regionOf(c, subnet.vpcId);
    const name = c.declare(nat.id, 'aws_nat_gateway', nat.name, 'nat');
    const items: HclItem[] = [...c.provider(region)];
    if (nat.connectivity === 'public') {
      const eip = c.declare(nat.id, 'aws_eip', `${nat.name} eip`, 'eip');
      c.resource('aws_eip', eip, [...c.provider(region), ...attr('domain', 'vpc'), ...c.tags(`${nat.name} eip`, nat.tags)]);
      items.push(...attr('allocation_id', c.ref('aws_eip', nat.id, 'id')));
    }
    const igws = Object.values(c.design.internetGateways)
      .filter((g) => g.vpcId === subnet.vpcId)
      .map((g) => c.address('aws_internet_gateway', g.id))
      .filter((a): a is Expr => a !== undefined);
    items.push(
      ...attr('subnet_id', c.ref('aws_subnet', subnet.id, 'id')),
      ...attr('connectivity_type', nat.connectivity),
      ...attr('private_ip', nat.privateIp),
      ...c.tags(nat.name, nat.tags),
      ...attr('depends_on', nat.connectivity === 'public' && igws.length > 0 ? igws : undefined),
    );
    c.resource('aws_nat_gateway', name, items);
  }
}

export function writePeerings(c: TfContext): void {
  for (const p of Object.values(c.design.peerings)) {
    const requester = c.design.vpcs[p.requester.vpcId];
    if (!requester || !livePeering(p)) {
      c.notes.push(`VPC peering ${p.name}: ${!requester ? 'the requester VPC is not in the design' : `its status is ${p.status}`}`);
      continue;
    }
    const name = c.declare(p.id, 'aws_vpc_peering_connection', p.name, 'peering');
    const accepterInDesign = c.has('aws_vpc', p.accepter.vpcId);
    const sameAccount = (p.requester.ownerId ?? '') === (p.accepter.ownerId ?? '') || !p.accepter.ownerId;
    const sameRegion = p.requester.region === p.accepter.region;
    const items: HclItem[] = [
      ...c.provider(requester.region),
      ...attr('vpc_id', c.ref('aws_vpc', requester.id, 'id')),
      ...attr('peer_vpc_id', accepterInDesign ? c.ref('aws_vpc', p.accepter.vpcId, 'id') : p.accepter.vpcId),
      ...attr('peer_owner_id', sameAccount ? undefined : p.accepter.ownerId),
      ...attr('peer_region', sameRegion ? undefined : p.accepter.region),
      ...attr('auto_accept', sameAccount && sameRegion ? true : undefined),
      ...c.tags(p.name, p.tags),
    ];
    const lead = sameAccount && sameRegion ? undefined : 'Another account or Region: accept it there (aws_vpc_peering_connection_accepter).';
    c.resource('aws_vpc_peering_connection', name, items, lead);
  }
}

function routeTarget(c: TfContext, r: Route): HclItem[] | string {
  const t = r.target;
  switch (t.kind) {
    case 'internet-gateway':
      return attr('gateway_id', c.ref('aws_internet_gateway', t.id, 'id'));
    case 'nat-gateway':
      return attr('nat_gateway_id', c.ref('aws_nat_gateway', t.id, 'id'));
    case 'peering':
      return attr('vpc_peering_connection_id', c.ref('aws_vpc_peering_connection', t.id, 'id'));
    case 'other': {
      const kind = otherTargetKind(t.id);
      const field = { gateway: 'gateway_id', 'transit-gateway': 'transit_gateway_id', 'network-interface': 'network_interface_id', 'vpc-endpoint': 'vpc_endpoint_id', 'egress-only': 'egress_only_gateway_id' } as const;
      return kind ? attr(field[kind], t.id) : `its target ${t.id} is of a kind Terraform cannot name`;
    }
    case 'local':
      return 'local routes are implicit';
  }
}

function routeDestination(r: Route): HclItem[] {
  if ('prefixListId' in r.destination) return attr('destination_prefix_list_id', r.destination.prefixListId);
  const cidr = canonical(r.destination.cidr);
  return attr(isIpv6(cidr) ? 'destination_ipv6_cidr_block' : 'destination_cidr_block', cidr);
}

function writeRoutes(c: TfContext, table: RouteTable, region: string | undefined): void {
  table.routes.forEach((r, i) => {
    const dest = 'cidr' in r.destination ? r.destination.cidr : r.destination.prefixListId;
    if (!writableRoute(r)) {
      if (r.state === 'blackhole') c.notes.push(`route table ${table.name}: the blackhole route to ${dest} is not written`);
      return;
    }
    const target = routeTarget(c, r);
    if (typeof target === 'string' || target.length === 0) {
      c.notes.push(`route table ${table.name}: the route to ${dest} is not written (${typeof target === 'string' ? target : 'its target is not exported'})`);
      return;
    }
    const name = c.declare(`${table.id}#${i}`, 'aws_route', `${table.name} ${dest}`, 'route');
    c.resource('aws_route', name, [...c.provider(region), ...attr('route_table_id', c.ref('aws_route_table', table.id, 'id')), ...routeDestination(r), ...target]);
  });
}

export function writeRouteTables(c: TfContext): void {
  const tables = Object.values(c.design.routeTables).filter((t) => c.design.vpcs[t.vpcId]);
  for (const t of tables) {
    const name = c.declare(t.id, 'aws_route_table', t.name, 'rt');
    c.resource('aws_route_table', name, [...c.provider(regionOf(c, t.vpcId)), ...attr('vpc_id', c.ref('aws_vpc', t.vpcId, 'id')), ...c.tags(t.name, t.tags)]);
  }
  for (const t of tables) writeRoutes(c, t, regionOf(c, t.vpcId));
  for (const vpc of Object.values(c.design.vpcs)) {
    if (!vpc.mainRouteTableId || !c.has('aws_route_table', vpc.mainRouteTableId)) continue;
    const name = c.declare(vpc.id, 'aws_main_route_table_association', `${vpc.name} main`, 'main');
    c.resource('aws_main_route_table_association', name, [
      ...c.provider(vpc.region),
      ...attr('vpc_id', c.ref('aws_vpc', vpc.id, 'id')),
      ...attr('route_table_id', c.ref('aws_route_table', vpc.mainRouteTableId, 'id')),
    ]);
  }
  for (const s of Object.values(c.design.subnets)) {
    if (!s.routeTableId || !c.has('aws_route_table', s.routeTableId) || !c.has('aws_subnet', s.id)) continue;
    const name = c.declare(s.id, 'aws_route_table_association', s.name, 'assoc');
    c.resource('aws_route_table_association', name, [
      ...c.provider(regionOf(c, s.vpcId)),
      ...attr('subnet_id', c.ref('aws_subnet', s.id, 'id')),
      ...attr('route_table_id', c.ref('aws_route_table', s.routeTableId, 'id')),
    ]);
  }
}

/** from/to ports and ICMP fields of an ACL entry; in-line rules need ports even when they mean nothing. */
function aclMatch(e: NetworkAclEntry, inline: boolean): HclItem[] {
  const f = aclFields(e);
  const ports = f.ports ?? (inline ? { from: 0, to: 0 } : undefined);
  return [
    ...attr('from_port', ports?.from),
    ...attr('to_port', ports?.to),
    ...attr('icmp_type', f.icmp?.type),
    ...attr('icmp_code', f.icmp?.code),
  ];
}

function aclCidr(e: NetworkAclEntry): HclItem[] {
  const cidr = canonical(e.cidr);
  return attr(isIpv6(cidr) ? 'ipv6_cidr_block' : 'cidr_block', cidr);
}

const byNumber = (a: NetworkAclEntry, b: NetworkAclEntry) => Number(a.egress) - Number(b.egress) || a.ruleNumber - b.ruleNumber;

function writeDefaultAcl(c: TfContext, acl: NetworkAcl): void {
  const vpc = c.design.vpcs[acl.vpcId]!;
  const name = c.declare(acl.id, 'aws_default_network_acl', acl.name, 'default_acl');
  const entries = [...acl.entries].sort(byNumber).map((e) =>
    block(e.egress ? 'egress' : 'ingress', [], [
      ...attr('rule_no', e.ruleNumber),
      ...attr('action', e.action),
      ...attr('protocol', String(protocolNumber(e.match.protocol))),
      ...aclCidr(e),
      ...aclMatch(e, true),
    ]),
  );
  c.resource(
    'aws_default_network_acl',
    name,
    [
      ...c.provider(vpc.region),
      ...attr('default_network_acl_id', c.ref('aws_vpc', vpc.id, 'default_network_acl_id')),
      ...entries,
      ...c.tags(acl.name, acl.tags),
      block('lifecycle', [], attr('ignore_changes', [expr('subnet_ids')])),
    ],
    'The VPC\'s default ACL: Terraform replaces its entries with these. Subnets without another ACL use it.',
  );
}

export function writeNetworkAcls(c: TfContext): void {
  const acls = Object.values(c.design.networkAcls).filter((a) => c.design.vpcs[a.vpcId]);
  for (const acl of acls) {
    const vpc = c.design.vpcs[acl.vpcId]!;
    const isDefault = acl.isDefault && (vpc.defaultNetworkAclId === undefined || vpc.defaultNetworkAclId === acl.id);
    if (isDefault) {
      writeDefaultAcl(c, acl);
      continue;
    }
    const name = c.declare(acl.id, 'aws_network_acl', acl.name, 'acl');
    c.resource('aws_network_acl', name, [...c.provider(vpc.region), ...attr('vpc_id', c.ref('aws_vpc', vpc.id, 'id')), ...c.tags(acl.name, acl.tags)]);
    for (const e of [...acl.entries].sort(byNumber)) {
      const rule = c.declare(`${acl.id}#${e.egress ? 'out' : 'in'}#${e.ruleNumber}`, 'aws_network_acl_rule', `${acl.name} ${e.egress ? 'out' : 'in'} ${e.ruleNumber}`, 'acl_rule');
      c.resource('aws_network_acl_rule', rule, [
        ...c.provider(vpc.region),
        ...attr('network_acl_id', c.ref('aws_network_acl', acl.id, 'id')),
        ...attr('rule_number', e.ruleNumber),
        ...attr('egress', e.egress),
        ...attr('protocol', String(protocolNumber(e.match.protocol))),
        ...attr('rule_action', e.action),
        ...aclCidr(e),
        ...aclMatch(e, false),
      ]);
    }
  }
  for (const s of Object.values(c.design.subnets)) {
    if (!s.networkAclId || !c.has('aws_network_acl', s.networkAclId) || !c.has('aws_subnet', s.id)) continue;
    const name = c.declare(s.id, 'aws_network_acl_association', s.name, 'acl_assoc');
    c.resource('aws_network_acl_association', name, [
      ...c.provider(regionOf(c, s.vpcId)),
      ...attr('network_acl_id', c.ref('aws_network_acl', s.networkAclId, 'id')),
      ...attr('subnet_id', c.ref('aws_subnet', s.id, 'id')),
    ]);
  }
}

