/** The network part of the deploy script: VPCs, subnets, gateways, peerings, route tables, ACLs. */
import type { Design, NetworkAcl, NetworkAclEntry, Route, Subnet, Vpc } from '../model/types.ts';
import { parseCidr } from '../net/index.ts';
import { defaultAclEntries } from '../model/defaults.ts';
import { shellQuote } from './shell-quote.ts';
import { createTags, tagSpec, type Script } from './aws-cli-script.ts';

const ACTIVE_NAT_STATES = new Set([undefined, 'available', 'pending']);

/** The Region variable of a VPC of the design. */
export function regionOfVpc(s: Script, d: Design, vpcId: string | undefined): string {
  const vpc = vpcId ? d.vpcs[vpcId] : undefined;
  return s.region(vpc?.region ?? Object.values(d.vpcs)[0]?.region ?? 'us-east-1');
}

export function writeVpcs(s: Script, d: Design): void {
  for (const vpc of Object.values(d.vpcs)) {
    const r = s.region(vpc.region);
    const v = s.declare(`vpc:${vpc.id}`, 'VPC');
    const [primary, ...secondary] = vpc.cidrs;
    if (!primary) {
      s.note(`left out: VPC ${vpc.name} has no IPv4 CIDR`);
      continue;
    }
    const v6 = vpc.ipv6Cidrs.length > 0 ? ' --amazon-provided-ipv6-cidr-block' : '';
    s.push(`${v}="$(newid vpc "$${r}" ec2 create-vpc --cidr-block ${shellQuote(primary)}${v6}${tagSpec('vpc', vpc.name, vpc.tags)} --query Vpc.VpcId)"`);
    for (const c of secondary) s.push(`awsr "$${r}" ec2 associate-vpc-cidr-block --vpc-id "$${v}" --cidr-block ${shellQuote(c)} >/dev/null`);
    if (vpc.ipv6Cidrs.length > 0) {
      // AWS picks the VPC's IPv6 block; subnets keep their place inside it.
      s.push(`${v}_V6="$(vpc_ipv6 "$${r}" "$${v}")"`);
      if (vpc.ipv6Cidrs.length > 1) s.note(`left out: IPv6 blocks after the first of VPC ${vpc.name} (AWS assigns them)`);
    }
  }
}

/** The /64 index of a subnet's IPv6 block inside its VPC's /56, or undefined. */
function ipv6Offset(vpc: Vpc, subnet: Subnet): number | undefined {
  const outer = vpc.ipv6Cidrs[0] ? parseCidr(vpc.ipv6Cidrs[0]) : undefined;
  const inner = subnet.ipv6Cidr ? parseCidr(subnet.ipv6Cidr) : undefined;
  if (!outer?.ok || !inner?.ok || outer.value.prefix !== 56 || inner.value.prefix !== 64) return undefined;
  if (inner.value.first < outer.value.first || inner.value.last > outer.value.last) return undefined;
  return Number((inner.value.first - outer.value.first) >> 64n);
}

/** The AZ for the script: the design's letter in the script's Region when the AZ belongs to the VPC's Region. */
export function zoneWord(vpc: Vpc, regionVar: string, az: string): string {
  const suffix = az.startsWith(vpc.region) ? az.slice(vpc.region.length) : undefined;
  return suffix !== undefined && /^[a-z]$/.test(suffix) ? `"$${regionVar}"${suffix}` : shellQuote(az);
}

export function writeSubnets(s: Script, d: Design): void {
  for (const subnet of Object.values(d.subnets)) {
    const vpc = d.vpcs[subnet.vpcId];
    const vpcVar = s.varOf(`vpc:${subnet.vpcId}`);
    if (!vpc || !vpcVar) {
      s.note(`left out: subnet ${subnet.name} (its VPC is not in the design)`);
      continue;
    }
    const r = s.region(vpc.region);
    const v = s.declare(`subnet:${subnet.id}`, 'SUBNET');
    let v6 = '';
    if (subnet.ipv6Cidr) {
      const offset = ipv6Offset(vpc, subnet);
      if (offset === undefined) s.note(`left out: IPv6 block of subnet ${subnet.name} (not a /64 inside the VPC's /56)`);
      else v6 = ` --ipv6-cidr-block "$(ipv6_subnet "$${vpcVar}_V6" ${offset})"`;
    }
    s.push(
      `${v}="$(newid subnet "$${r}" ec2 create-subnet --vpc-id "$${vpcVar}" --cidr-block ${shellQuote(subnet.cidr)} --availability-zone ${zoneWord(vpc, r, subnet.availabilityZone)}${v6}${tagSpec('subnet', subnet.name, subnet.tags)} --query Subnet.SubnetId)"`,
    );
  }
}

export function writeGateways(s: Script, d: Design): void {
  for (const igw of Object.values(d.internetGateways)) {
    const r = regionOfVpc(s, d, igw.vpcId);
    const v = s.declare(`igw:${igw.id}`, 'IGW');
    s.push(`${v}="$(newid igw "$${r}" ec2 create-internet-gateway${tagSpec('internet-gateway', igw.name, igw.tags)} --query InternetGateway.InternetGatewayId)"`);
    const vpcVar = igw.vpcId ? s.varOf(`vpc:${igw.vpcId}`) : undefined;
    if (vpcVar) s.push(`awsr "$${r}" ec2 attach-internet-gateway --internet-gateway-id "$${v}" --vpc-id "$${vpcVar}" >/dev/null`);
  }
  const waits = new Map<string, string[]>();
  for (const nat of Object.values(d.natGateways)) {
    const subnetVar = s.varOf(`subnet:${nat.subnetId}`);
    if (!subnetVar || !ACTIVE_NAT_STATES.has(nat.state)) {
      s.note(`left out: NAT gateway ${nat.name} (${subnetVar ? `state ${nat.state}` : 'its subnet is not in the design'}); routes to it are left out too`);
      continue;
    }
    const r = regionOfVpc(s, d, d.subnets[nat.subnetId]?.vpcId);
    const v = s.declare(`nat:${nat.id}`, 'NAT');
    if (nat.connectivity === 'public') {
      s.push(`${v}_EIP="$(newid eipalloc "$${r}" ec2 allocate-address --domain vpc --query AllocationId)"`);
      s.push(
        `${v}="$(newid nat "$${r}" ec2 create-nat-gateway --subnet-id "$${subnetVar}" --allocation-id "$${v}_EIP"${tagSpec('natgateway', nat.name, nat.tags)} --query NatGateway.NatGatewayId)"`,
      );
    } else {
      s.push(
        `${v}="$(newid nat "$${r}" ec2 create-nat-gateway --subnet-id "$${subnetVar}" --connectivity-type private${tagSpec('natgateway', nat.name, nat.tags)} --query NatGateway.NatGatewayId)"`,
      );
    }
    waits.set(r, [...(waits.get(r) ?? []), v]);
  }
  for (const [r, vars] of waits) s.push(`awsr "$${r}" ec2 wait nat-gateway-available --nat-gateway-ids ${vars.map((v) => `"$${v}"`).join(' ')}`);
}

export function writePeerings(s: Script, d: Design): void {
  for (const p of Object.values(d.peerings)) {
    const req = s.varOf(`vpc:${p.requester.vpcId}`);
    const acc = s.varOf(`vpc:${p.accepter.vpcId}`);
    if (!req || !acc) {
      s.note(`left out: peering ${p.name} (the other VPC is not in the design; request it from that account)`);
      continue;
    }
    if (p.status !== 'active' && p.status !== 'pending-acceptance') {
      s.note(`left out: peering ${p.name} (status ${p.status}); routes to it are left out too`);
      continue;
    }
    const rReq = regionOfVpc(s, d, p.requester.vpcId);
    const rAcc = regionOfVpc(s, d, p.accepter.vpcId);
    const v = s.declare(`pcx:${p.id}`, 'PCX');
    s.push(
      `${v}="$(newid pcx "$${rReq}" ec2 create-vpc-peering-connection --vpc-id "$${req}" --peer-vpc-id "$${acc}" --peer-region "$${rAcc}"${tagSpec('vpc-peering-connection', p.name, p.tags)} --query VpcPeeringConnection.VpcPeeringConnectionId)"`,
    );
    if (p.status === 'active') {
      if (rReq !== rAcc) s.push(`awsr "$${rAcc}" ec2 wait vpc-peering-connection-exists --vpc-peering-connection-ids "$${v}"`);
      s.push(`awsr "$${rAcc}" ec2 accept-vpc-peering-connection --vpc-peering-connection-id "$${v}" >/dev/null`);
    }
  }
}

/** `--destination-… X --…-id Y` for a route, or why it cannot be written. */
function routeArgs(s: Script, r: Route): string | { why: string } {
  if (r.state === 'blackhole') return { why: 'a blackhole route (its target is gone) cannot be created' };
  let dest: string;
  if ('prefixListId' in r.destination) dest = `--destination-prefix-list-id ${s.idWord(`pl:${r.destination.prefixListId}`, r.destination.prefixListId)}`;
  else dest = r.destination.cidr.includes(':') ? `--destination-ipv6-cidr-block ${shellQuote(r.destination.cidr)}` : `--destination-cidr-block ${shellQuote(r.destination.cidr)}`;
  const t = r.target;
  const known = (key: string): string | undefined => s.varOf(key);
  switch (t.kind) {
    case 'local':
      return { why: 'local' };
    case 'internet-gateway':
      return known(`igw:${t.id}`) ? `${dest} --gateway-id "$${known(`igw:${t.id}`)}"` : { why: `internet gateway ${t.id} is not in the design` };
    case 'nat-gateway':
      return known(`nat:${t.id}`) ? `${dest} --nat-gateway-id "$${known(`nat:${t.id}`)}"` : { why: `NAT gateway ${t.id} is not created` };
    case 'peering':
      return known(`pcx:${t.id}`) ? `${dest} --vpc-peering-connection-id "$${known(`pcx:${t.id}`)}"` : { why: `peering ${t.id} is not created` };
    case 'other':
      return { why: `target ${t.id} (not modelled: VGW, TGW, ENI or endpoint) is not in the design` };
  }
}

export function writeRouteTables(s: Script, d: Design): void {
  for (const table of Object.values(d.routeTables)) {
    const vpc = d.vpcs[table.vpcId];
    const vpcVar = s.varOf(`vpc:${table.vpcId}`);
    if (!vpc || !vpcVar) continue;
    const r = s.region(vpc.region);
    const v = s.declare(`rtb:${table.id}`, 'RTB');
    if (vpc.mainRouteTableId === table.id) {
      s.push(
        `${v}="$(newid rtb "$${r}" ec2 describe-route-tables --filters "Name=vpc-id,Values=$${vpcVar}" Name=association.main,Values=true --query 'RouteTables[0].RouteTableId')"`,
        ...createTags(r, v, table.name, table.tags),
      );
    } else {
      s.push(`${v}="$(newid rtb "$${r}" ec2 create-route-table --vpc-id "$${vpcVar}"${tagSpec('route-table', table.name, table.tags)} --query RouteTable.RouteTableId)"`);
    }
    for (const route of table.routes) {
      const args = routeArgs(s, route);
      if (typeof args === 'string') s.push(`awsr "$${r}" ec2 create-route --route-table-id "$${v}" ${args} >/dev/null`);
      else if (args.why !== 'local') s.note(`left out: route of ${table.name}: ${args.why}`);
    }
    for (const subnet of Object.values(d.subnets)) {
      const subnetVar = s.varOf(`subnet:${subnet.id}`);
      if (subnet.routeTableId === table.id && subnetVar) {
        s.push(`awsr "$${r}" ec2 associate-route-table --route-table-id "$${v}" --subnet-id "$${subnetVar}" >/dev/null`);
      }
    }
  }
}

const PROTOCOL_NUMBERS: Record<string, number> = { all: -1, tcp: 6, udp: 17, icmp: 1, icmpv6: 58 };

/** The options of create/replace-network-acl-entry for one entry (after --network-acl-id). */
function aclEntryArgs(e: NetworkAclEntry): string {
  const p = typeof e.match.protocol === 'number' ? e.match.protocol : PROTOCOL_NUMBERS[e.match.protocol]!;
  const parts = [
    `--rule-number ${e.ruleNumber}`,
    e.egress ? '--egress' : '--ingress',
    `--rule-action ${e.action}`,
    `--protocol=${p}`,
    e.cidr.includes(':') ? `--ipv6-cidr-block ${shellQuote(e.cidr)}` : `--cidr-block ${shellQuote(e.cidr)}`,
  ];
  if (p === 6 || p === 17) {
    const ports = e.match.ports ?? { from: 0, to: 65535 };
    parts.push(`--port-range From=${ports.from},To=${ports.to}`);
  }
  if (p === 1 || p === 58) {
    const icmp = e.match.icmp ?? { type: -1, code: -1 };
    parts.push(`--icmp-type-code Type=${icmp.type},Code=${icmp.code}`);
  }
  return parts.join(' ');
}

function sameEntries(a: NetworkAclEntry[], b: NetworkAclEntry[]): boolean {
  const key = (list: NetworkAclEntry[]) => JSON.stringify(list.map((e) => [e.ruleNumber, e.egress, e.action, e.cidr, e.match]).sort());
  return key(a) === key(b);
}

function writeAcl(s: Script, d: Design, acl: NetworkAcl, vpcVar: string, r: string, hasIpv6: boolean): void {
  const v = s.declare(`acl:${acl.id}`, 'ACL');
  const entries = [...acl.entries].sort((a, b) => Number(a.egress) - Number(b.egress) || a.ruleNumber - b.ruleNumber);
  if (acl.isDefault) {
    // The default ACL exists already: replace the entries it has, create the others, delete the rest.
    s.push(
      `${v}="$(newid acl "$${r}" ec2 describe-network-acls --filters "Name=vpc-id,Values=$${vpcVar}" Name=default,Values=true --query 'NetworkAcls[0].NetworkAclId')"`,
      ...createTags(r, v, acl.name, acl.tags),
    );
    // A new VPC's default ACL already allows all IPv4 both ways (rule 100); with IPv6, check it.
    if (!hasIpv6 && sameEntries(entries, defaultAclEntries(false))) return;
    s.push(`${v}_HAS="$(acl_entries "$${r}" "$${v}")"`);
    for (const e of entries) {
      s.push(`awsr "$${r}" ec2 "$(acl_op "$${v}_HAS" ${e.ruleNumber} ${e.egress})" --network-acl-id "$${v}" ${aclEntryArgs(e)} >/dev/null`);
    }
    s.push(`acl_prune "$${r}" "$${v}" "$${v}_HAS" ${shellQuote(entries.map((e) => `${e.ruleNumber}:${e.egress}`).join(' '))}`);
  } else {
    s.push(`${v}="$(newid acl "$${r}" ec2 create-network-acl --vpc-id "$${vpcVar}"${tagSpec('network-acl', acl.name, acl.tags)} --query NetworkAcl.NetworkAclId)"`);
    for (const e of entries) s.push(`awsr "$${r}" ec2 create-network-acl-entry --network-acl-id "$${v}" ${aclEntryArgs(e)} >/dev/null`);
    for (const subnet of Object.values(d.subnets)) {
      const subnetVar = s.varOf(`subnet:${subnet.id}`);
      if (subnet.networkAclId === acl.id && subnetVar) s.push(`acl_associate "$${r}" "$${subnetVar}" "$${v}"`);
    }
  }
}

export function writeNetworkAcls(s: Script, d: Design): void {
  for (const acl of Object.values(d.networkAcls)) {
    const vpc = d.vpcs[acl.vpcId];
    const vpcVar = s.varOf(`vpc:${acl.vpcId}`);
    if (!vpc || !vpcVar) continue;
    const isDefault = acl.isDefault || vpc.defaultNetworkAclId === acl.id;
    writeAcl(s, d, { ...acl, isDefault }, vpcVar, s.region(vpc.region), vpc.ipv6Cidrs.length > 0);
  }
}
