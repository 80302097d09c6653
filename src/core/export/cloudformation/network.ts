/**
 * CloudFormation for the network. A stack cannot change a VPC's main route table or default ACL,
 * so those become ordinary ones with explicit associations for the subnets that used them
 * implicitly (a default ACL only when the design changed it).
 */
import type { NetworkAcl, NetworkAclEntry, Route, RouteTable, Subnet, Vpc } from '../../model/types.ts';
import { aclFields, canonical, ipv4BlockOf, ipv6Placement, isIpv6, isPristineDefaultAcl, livePeering, otherTargetKind, protocolNumber, writableRoute } from '../iac/common.ts';
import { getAtt, props, ref, type CfnContext, type Json } from './context.ts';

export function writeVpcs(c: CfnContext): void {
  for (const vpc of Object.values(c.design.vpcs)) {
    const id = c.declare('vpc', vpc.id, 'Vpc', vpc.name);
    c.add(id, {
      Type: 'AWS::EC2::VPC',
      Properties: props({ CidrBlock: canonical(vpc.cidrs[0] ?? '10.0.0.0/16'), EnableDnsSupport: true, EnableDnsHostnames: true, Tags: c.tags(vpc.name, vpc.tags) }),
    });
    vpc.cidrs.slice(1).forEach((cidr, i) => {
      const b = c.declare('cidr4', `${vpc.id}#${i + 1}`, 'VpcCidr', `${vpc.name} ${i + 2}`);
      c.add(b, { Type: 'AWS::EC2::VPCCidrBlock', Properties: { VpcId: ref(id), CidrBlock: canonical(cidr) } });
    });
    vpc.ipv6Cidrs.forEach((_, i) => {
      const b = c.declare('cidr6', `${vpc.id}#${i}`, 'VpcIpv6Cidr', `${vpc.name} ${i + 1}`);
      c.add(b, { Type: 'AWS::EC2::VPCCidrBlock', Properties: { VpcId: ref(id), AmazonProvidedIpv6CidrBlock: true } });
    });
    if (vpc.ipv6Cidrs.length > 0) {
      c.notes.push(`VPC ${vpc.name}: its IPv6 block ${vpc.ipv6Cidrs.join(', ')} is Amazon-provided, so AWS picks it; subnets keep their place in it`);
    }
  }
}

function subnetIpv6(c: CfnContext, vpc: Vpc, s: Subnet): { value: Json; dependsOn: string } | undefined {
  const place = ipv6Placement(vpc, s);
  if (!place) return undefined;
  const block = c.id('cidr6', `${vpc.id}#${place.block}`)!;
  if (place.netnum > 255) {
    c.notes.push(`subnet ${s.name}: its IPv6 block is too far into the VPC's for Fn::Cidr; it gets none`);
    return undefined;
  }
  const parent: Json = place.block === 0 ? { 'Fn::Select': [0, getAtt(c.id('vpc', vpc.id)!, 'Ipv6CidrBlocks')] } : getAtt(block, 'Ipv6CidrBlock');
  const bits = 128 - (Number(s.ipv6Cidr!.split('/')[1]) || 64);
  return { value: { 'Fn::Select': [place.netnum, { 'Fn::Cidr': [parent, place.netnum + 1, bits] }] }, dependsOn: block };
}

export function writeSubnets(c: CfnContext): void {
  for (const s of Object.values(c.design.subnets)) {
    const vpc = c.design.vpcs[s.vpcId];
    if (!vpc) {
      c.notes.push(`subnet ${s.name}: its VPC ${s.vpcId} is not in the design`);
      continue;
    }
    const id = c.declare('subnet', s.id, 'Subnet', s.name);
    const v6 = subnetIpv6(c, vpc, s);
    const block4 = ipv4BlockOf(vpc, s);
    const dependsOn = [...(block4 > 0 ? [c.id('cidr4', `${vpc.id}#${block4}`)!] : []), ...(v6 ? [v6.dependsOn] : [])];
    c.add(id, {
      Type: 'AWS::EC2::Subnet',
      Properties: props({
        VpcId: ref(c.id('vpc', vpc.id)!),
        CidrBlock: canonical(s.cidr),
        AvailabilityZone: s.availabilityZone,
        Ipv6CidrBlock: v6?.value,
        Tags: c.tags(s.name, s.tags),
      }),
      ...(dependsOn.length > 0 ? { DependsOn: dependsOn } : {}),
    });
  }
}

export function writeGateways(c: CfnContext): void {
  for (const igw of Object.values(c.design.internetGateways)) {
    const id = c.declare('igw', igw.id, 'InternetGateway', igw.name);
    c.add(id, { Type: 'AWS::EC2::InternetGateway', Properties: { Tags: c.tags(igw.name, igw.tags) } });
    const vpc = igw.vpcId ? c.id('vpc', igw.vpcId) : undefined;
    if (vpc) {
      const att = c.declare('igw-attachment', igw.id, 'GatewayAttachment', igw.name);
      c.add(att, { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref(vpc), InternetGatewayId: ref(id) } });
    }
  }
  for (const nat of Object.values(c.design.natGateways)) {
    const subnet = c.design.subnets[nat.subnetId];
    const subnetId = c.id('subnet', nat.subnetId);
    if (!subnet || !subnetId) {
      c.notes.push(`NAT gateway ${nat.name}: its subnet ${nat.subnetId} is not in the design`);
      continue;
    }
    const id = c.declare('nat', nat.id, 'NatGateway', nat.name);
    let allocation: Json | undefined;
    if (nat.connectivity === 'public') {
      const attachments = igwAttachmentsOf(c, subnet.vpcId);
      const eip = c.declare('eip', nat.id, 'Eip', nat.name);
      c.add(eip, { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc', Tags: c.tags(`${nat.name} eip`, nat.tags) }, ...(attachments.length > 0 ? { DependsOn: attachments } : {}) });
      allocation = getAtt(eip, 'AllocationId');
    }
    c.add(id, {
      Type: 'AWS::EC2::NatGateway',
      Properties: props({
        AllocationId: allocation,
        SubnetId: ref(subnetId),
        ConnectivityType: nat.connectivity,
        PrivateIpAddress: nat.privateIp,
        Tags: c.tags(nat.name, nat.tags),
      }),
    });
  }
}

/** Logical ids of the gateway attachments of a VPC's internet gateways. */
function igwAttachmentsOf(c: CfnContext, vpcId: string): string[] {
  return Object.values(c.design.internetGateways)
    .filter((g) => g.vpcId === vpcId)
    .map((g) => c.id('igw-attachment', g.id))
    .filter((x): x is string => x !== undefined);
}

export function writePeerings(c: CfnContext): void {
  for (const p of Object.values(c.design.peerings)) {
    const requester = c.id('vpc', p.requester.vpcId);
    if (!requester || !livePeering(p)) {
      c.notes.push(`VPC peering ${p.name}: ${!requester ? 'the requester VPC is not in the design' : `its status is ${p.status}`}`);
      continue;
    }
    const accepter = c.id('vpc', p.accepter.vpcId);
    const crossAccount = p.accepter.ownerId !== undefined && p.accepter.ownerId !== p.requester.ownerId;
    const crossRegion = p.accepter.region !== p.requester.region;
    if (crossAccount) c.notes.push(`VPC peering ${p.name}: the other account must accept it (or give PeerRoleArn)`);
    const id = c.declare('peering', p.id, 'Peering', p.name);
    c.add(id, {
      Type: 'AWS::EC2::VPCPeeringConnection',
      Properties: props({
        VpcId: ref(requester),
        PeerVpcId: accepter ? ref(accepter) : p.accepter.vpcId,
        PeerOwnerId: crossAccount ? p.accepter.ownerId : undefined,
        PeerRegion: crossRegion ? p.accepter.region : undefined,
        Tags: c.tags(p.name, p.tags),
      }),
    });
  }
}

function routeTarget(c: CfnContext, r: Route): { props: { [k: string]: Json }; dependsOn?: string } | string {
  const t = r.target;
  const need = (kind: string, prop: string) => {
    const id = c.id(kind, t.kind === 'local' ? '' : t.id);
    return id ? { props: { [prop]: ref(id) } } : 'its target is not exported';
  };
  switch (t.kind) {
    case 'internet-gateway': {
      const found = need('igw', 'GatewayId');
      const att = c.id('igw-attachment', t.id);
      return typeof found === 'string' ? found : { ...found, ...(att ? { dependsOn: att } : {}) };
    }
    case 'nat-gateway':
      return need('nat', 'NatGatewayId');
    case 'peering':
      return need('peering', 'VpcPeeringConnectionId');
    case 'other': {
      const kind = otherTargetKind(t.id);
      const field = { gateway: 'GatewayId', 'transit-gateway': 'TransitGatewayId', 'network-interface': 'NetworkInterfaceId', 'vpc-endpoint': 'VpcEndpointId', 'egress-only': 'EgressOnlyInternetGatewayId' } as const;
      return kind ? { props: { [field[kind]]: t.id } } : `its target ${t.id} is of a kind CloudFormation cannot name`;
    }
    case 'local':
      return 'local routes are implicit';
  }
}

function routeDestination(r: Route): { [k: string]: Json } {
  if ('prefixListId' in r.destination) return { DestinationPrefixListId: r.destination.prefixListId };
  const cidr = canonical(r.destination.cidr);
  return isIpv6(cidr) ? { DestinationIpv6CidrBlock: cidr } : { DestinationCidrBlock: cidr };
}

function writeRoutes(c: CfnContext, table: RouteTable, tableId: string): void {
  table.routes.forEach((r, i) => {
    const dest = 'cidr' in r.destination ? r.destination.cidr : r.destination.prefixListId;
    if (!writableRoute(r)) {
      if (r.state === 'blackhole') c.notes.push(`route table ${table.name}: the blackhole route to ${dest} is not written`);
      return;
    }
    const target = routeTarget(c, r);
    if (typeof target === 'string') {
      c.notes.push(`route table ${table.name}: the route to ${dest} is not written (${target})`);
      return;
    }
    const id = c.declare('route', `${table.id}#${i}`, 'Route', `${table.name} ${i + 1}`);
    c.add(id, {
      Type: 'AWS::EC2::Route',
      Properties: { RouteTableId: ref(tableId), ...routeDestination(r), ...target.props },
      ...(target.dependsOn ? { DependsOn: [target.dependsOn] } : {}),
    });
  });
}

export function writeRouteTables(c: CfnContext): void {
  const tables = Object.values(c.design.routeTables).filter((t) => c.id('vpc', t.vpcId));
  for (const t of tables) {
    const id = c.declare('rt', t.id, 'RouteTable', t.name);
    c.add(id, { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref(c.id('vpc', t.vpcId)!), Tags: c.tags(t.name, t.tags) } });
    writeRoutes(c, t, id);
  }
  for (const vpc of Object.values(c.design.vpcs)) {
    const main = vpc.mainRouteTableId ? c.design.routeTables[vpc.mainRouteTableId] : undefined;
    if (main && c.id('rt', main.id) && main.routes.some(writableRoute)) {
      c.notes.push(`VPC ${vpc.name}: a stack cannot replace the main route table, so its routes go to a new table that every subnet without its own table is associated with`);
    }
  }
  for (const s of Object.values(c.design.subnets)) {
    const subnet = c.id('subnet', s.id);
    const tableKey = s.routeTableId ?? c.design.vpcs[s.vpcId]?.mainRouteTableId;
    const table = tableKey ? c.id('rt', tableKey) : undefined;
    if (!subnet || !table) continue;
    const id = c.declare('rt-assoc', s.id, 'RouteTableAssociation', s.name);
    c.add(id, { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: ref(subnet), RouteTableId: ref(table) } });
  }
}

function entryProps(e: NetworkAclEntry, aclId: string): { [k: string]: Json } {
  const f = aclFields(e);
  const cidr = canonical(e.cidr);
  return props({
    NetworkAclId: ref(aclId),
    RuleNumber: e.ruleNumber,
    Protocol: protocolNumber(e.match.protocol),
    RuleAction: e.action,
    Egress: e.egress,
    CidrBlock: isIpv6(cidr) ? undefined : cidr,
    Ipv6CidrBlock: isIpv6(cidr) ? cidr : undefined,
    PortRange: f.ports ? { From: f.ports.from, To: f.ports.to } : undefined,
    Icmp: f.icmp ? { Type: f.icmp.type, Code: f.icmp.code } : undefined,
  });
}

/** Whether the stack must write an ACL: custom ones always, a default one only when the design changed it. */
function needsAcl(c: CfnContext, acl: NetworkAcl): boolean {
  const vpc = c.design.vpcs[acl.vpcId];
  if (!vpc || !c.id('vpc', vpc.id)) return false;
  return !acl.isDefault || !isPristineDefaultAcl(vpc, acl);
}

export function writeNetworkAcls(c: CfnContext): void {
  const acls = Object.values(c.design.networkAcls).filter((a) => needsAcl(c, a));
  for (const acl of acls) {
    const vpc = c.design.vpcs[acl.vpcId]!;
    if (acl.isDefault) c.notes.push(`VPC ${vpc.name}: a stack cannot change the default network ACL, so its entries go to a new ACL that every subnet without its own ACL is associated with`);
    const id = c.declare('acl', acl.id, 'NetworkAcl', acl.name);
    c.add(id, { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: ref(c.id('vpc', vpc.id)!), Tags: c.tags(acl.name, acl.tags) } });
    const sorted = [...acl.entries].sort((a, b) => Number(a.egress) - Number(b.egress) || a.ruleNumber - b.ruleNumber);
    for (const e of sorted) {
      const entry = c.declare('acl-entry', `${acl.id}#${e.egress}#${e.ruleNumber}`, 'NetworkAclEntry', `${acl.name} ${e.egress ? 'Out' : 'In'} ${e.ruleNumber}`);
      c.add(entry, { Type: 'AWS::EC2::NetworkAclEntry', Properties: entryProps(e, id) });
    }
  }
  for (const s of Object.values(c.design.subnets)) {
    const subnet = c.id('subnet', s.id);
    const vpc = c.design.vpcs[s.vpcId];
    const aclKey = s.networkAclId ?? vpc?.defaultNetworkAclId ?? Object.values(c.design.networkAcls).find((a) => a.vpcId === s.vpcId && a.isDefault)?.id;
    const acl = aclKey ? c.id('acl', aclKey) : undefined;
    if (!subnet || !acl) continue;
    const id = c.declare('acl-assoc', s.id, 'NetworkAclAssociation', s.name);
    c.add(id, { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Properties: { SubnetId: ref(subnet), NetworkAclId: ref(acl) } });
  }
}
