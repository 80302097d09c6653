/**
 * VPCs (with AWS::EC2::VPCCidrBlock and what AWS creates with each VPC), subnets, internet
 * gateways and their attachments, NAT gateways with their Elastic IPs, peering connections and
 * managed prefix lists, as describe items.
 */
import { defaultAclOf, defaultGroupOf, mainRouteTableOf } from './attributes.ts';
import type { Build, Item } from './build.ts';
import { defaultAclItem, defaultGroupItems, mainRouteTableItem } from './default-items.ts';
import { Skip } from './reader.ts';
import { Unresolved } from './values.ts';

export function translateVpcs(b: Build): void {
  for (const r of b.readers('AWS::EC2::VPC')) {
    r.entity(`VPC ${r.logicalId}`, () => {
      const cidrAt = r.prop('CidrBlock');
      const pool = r.prop('Ipv4IpamPoolId');
      if (cidrAt.missing && !pool.missing) throw new Skip(pool, new Unresolved('the VPC takes its CIDR from an IPAM pool when the stack is created'));
      const cidr = r.need(cidrAt);
      const item: Item = { VpcId: r.id, CidrBlock: cidr, CidrBlockAssociationSet: [], Ipv6CidrBlockAssociationSet: [], Tags: r.tags() };
      b.draft.add(r.file, 'Vpcs', b.draft.track(item, r.at, { CidrBlock: cidrAt, Tags: r.prop('Tags') }));
      b.vpcs.set(r.id, { item, reader: r, cidrs: typeof cidr === 'string' ? [cidr] : [], ipv6: false });
    });
  }
  for (const r of b.readers('AWS::EC2::VPCCidrBlock')) {
    r.entity(`the CIDR block ${r.logicalId}`, () => {
      const vpcAt = r.prop('VpcId');
      const vpc = b.vpcs.get(r.idAt(vpcAt) ?? '');
      if (!vpc) {
        r.scope.warn('import/cfn-unknown-vpc', `adds a CIDR block to VPC ${String(vpcAt.value)}, which the templates do not create; it was left out.`, vpcAt, r.id);
        return;
      }
      const v4 = r.prop('CidrBlock');
      const v6 = r.prop('Ipv6CidrBlock');
      if (!v4.missing) {
        const cidr = r.need(v4);
        (vpc.item.CidrBlockAssociationSet as Item[]).push(b.draft.track({ CidrBlock: cidr, CidrBlockState: { State: 'associated' } }, r.at, { CidrBlock: v4 }));
        if (typeof cidr === 'string') vpc.cidrs.push(cidr);
      } else if (!v6.missing) {
        const cidr = r.need(v6);
        (vpc.item.Ipv6CidrBlockAssociationSet as Item[]).push(b.draft.track({ Ipv6CidrBlock: cidr, Ipv6CidrBlockState: { State: 'associated' } }, r.at, { Ipv6CidrBlock: v6 }));
        vpc.ipv6 = true;
      } else {
        const how = r.flag(r.prop('AmazonProvidedIpv6CidrBlock')) ? 'AWS picks the Amazon-provided IPv6 block' : 'the block comes from an IPAM pool';
        r.scope.warn('import/cfn-unknown-cidr', `${how} when the stack is created, so VPC ${String(vpcAt.value)} was imported without it (and its subnets without IPv6).`, r.at, r.id);
      }
    });
  }
  for (const [vpcId, vpc] of b.vpcs) {
    const file = vpc.reader.file;
    const at = vpc.reader.resource.at;
    const main = b.draft.track(mainRouteTableItem(vpcId), at);
    b.draft.add(file, 'RouteTables', main);
    b.routeTables.set(mainRouteTableOf(vpcId), main);
    const acl = b.draft.track(defaultAclItem(vpcId, vpc.ipv6), at);
    b.draft.add(file, 'NetworkAcls', acl);
    b.networkAcls.set(defaultAclOf(vpcId), acl);
    const { group, rules } = defaultGroupItems(vpcId, vpc.ipv6);
    b.draft.add(file, 'SecurityGroups', b.draft.track(group, at));
    for (const rule of rules) b.draft.add(file, 'SecurityGroupRules', b.draft.track(rule, at));
    b.groups.set(defaultGroupOf(vpcId), { vpcId });
  }
}

export function translateSubnets(b: Build): void {
  for (const r of b.readers('AWS::EC2::Subnet')) {
    r.entity(`subnet ${r.logicalId}`, () => {
      const vpcAt = r.prop('VpcId');
      const cidrAt = r.prop('CidrBlock');
      const vpcId = r.idAt(vpcAt);
      const cidr = r.need(cidrAt);
      const zoneAt = r.prop('AvailabilityZone').missing ? r.prop('AvailabilityZoneId') : r.prop('AvailabilityZone');
      const zone = r.optional(zoneAt);
      const v6At = r.prop('Ipv6CidrBlock');
      const v6 = r.optional(v6At);
      const item: Item = {
        SubnetId: r.id,
        VpcId: vpcId,
        CidrBlock: cidr,
        AvailabilityZone: zone,
        ...(v6 !== undefined ? { Ipv6CidrBlockAssociationSet: [b.draft.track({ Ipv6CidrBlock: v6, Ipv6CidrBlockState: { State: 'associated' } }, r.at, { Ipv6CidrBlock: v6At })] } : {}),
        Tags: r.tags(),
      };
      b.draft.add(r.file, 'Subnets', b.draft.track(item, r.at, { VpcId: vpcAt, CidrBlock: cidrAt, AvailabilityZone: zoneAt, Tags: r.prop('Tags') }));
      b.subnets.set(r.id, { vpcId, zone: typeof zone === 'string' ? zone : undefined, mapPublicIp: r.flag(r.prop('MapPublicIpOnLaunch')) ?? false });
    });
  }
}

export function translateInternetGateways(b: Build): void {
  for (const r of b.readers('AWS::EC2::InternetGateway')) {
    const bundleId = r.scope.bundleId(r.template, r.logicalId);
    const item: Item = { InternetGatewayId: bundleId, Attachments: [], Tags: r.tags() };
    b.draft.add(r.file, 'InternetGateways', b.draft.track(item, r.at, { Tags: r.prop('Tags') }));
    b.internetGateways.set(bundleId, item);
  }
  for (const r of b.readers('AWS::EC2::VPCGatewayAttachment')) {
    r.entity(`the gateway attachment ${r.logicalId}`, () => {
      const gatewayAt = r.prop('InternetGatewayId');
      if (gatewayAt.missing) return; // a virtual private gateway: not modelled
      const gateway = b.internetGateways.get(r.idAt(gatewayAt) ?? '');
      if (!gateway) {
        r.scope.warn('import/cfn-unknown-gateway', `attaches internet gateway ${String(gatewayAt.value)}, which the templates do not create; it was left out.`, gatewayAt, r.id);
        return;
      }
      const vpcAt = r.prop('VpcId');
      (gateway.Attachments as Item[]).push(b.draft.track({ VpcId: r.idAt(vpcAt), State: 'available' }, r.at, { VpcId: vpcAt }));
    });
  }
}

export function translateNatGateways(b: Build): void {
  for (const r of b.readers('AWS::EC2::NatGateway')) {
    r.entity(`NAT gateway ${r.logicalId}`, () => {
      const subnetAt = r.prop('SubnetId');
      const connectivityAt = r.prop('ConnectivityType');
      const connectivity = r.optional(connectivityAt) ?? 'public';
      const privateAt = r.prop('PrivateIpAddress');
      const privateIp = r.optional(privateAt);
      const address: Item = { IsPrimary: true, ...(privateIp !== undefined ? { PrivateIp: privateIp } : {}) };
      if (connectivity === 'public') {
        if (r.prop('AllocationId').missing) {
          r.scope.warn('import/cfn-nat-without-eip', 'a public NAT gateway needs an Elastic IP (AllocationId), and this one names none; it cannot reach the Internet.', r.at, r.id);
        } else {
          address.PublicIp = r.scope.nextPublicIp();
          r.scope.warn('import/cfn-stand-in-address', `AWS gives NAT gateway ${r.logicalId} its Elastic IP's address when the stack is created; ${String(address.PublicIp)} stands in for it.`, r.prop('AllocationId'), r.id);
        }
      }
      const item: Item = { NatGatewayId: r.id, SubnetId: r.idAt(subnetAt), State: 'available', ConnectivityType: connectivity, NatGatewayAddresses: [b.draft.track(address, r.at, { PrivateIp: privateAt })], Tags: r.tags() };
      b.draft.add(r.file, 'NatGateways', b.draft.track(item, r.at, { SubnetId: subnetAt, ConnectivityType: connectivityAt, Tags: r.prop('Tags') }));
    });
  }
}

export function translatePeerings(b: Build): void {
  for (const r of b.readers('AWS::EC2::VPCPeeringConnection')) {
    r.entity(`peering ${r.logicalId}`, () => {
      const requesterAt = r.prop('VpcId');
      const accepterAt = r.prop('PeerVpcId');
      const requester = r.idAt(requesterAt);
      const accepter = r.idAt(accepterAt);
      const ownerAt = r.prop('PeerOwnerId');
      const owner = ownerAt.value instanceof Unresolved ? undefined : r.optional(ownerAt);
      const crossAccount = owner !== undefined && owner !== null;
      const acceptedByRole = !r.prop('PeerRoleArn').missing;
      const status = crossAccount && !acceptedByRole ? 'pending-acceptance' : 'active';
      if (status !== 'active') {
        r.scope.warn('import/cfn-peering-pending', `the peering names another account (PeerOwnerId) and no PeerRoleArn, so it waits for that account to accept it; it carries no traffic until then.`, ownerAt, r.id);
      }
      const side = (vpcId: string | undefined, extra: Item): Item => {
        const vpc = vpcId ? b.vpcs.get(vpcId) : undefined;
        const [primary, ...more] = vpc?.cidrs ?? [];
        return { VpcId: vpcId, ...(primary ? { CidrBlock: primary, CidrBlockSet: [primary, ...more].map((c) => ({ CidrBlock: c })) } : {}), ...extra };
      };
      const regionAt = r.prop('PeerRegion');
      const region = r.optional(regionAt) ?? r.scope.region;
      const item: Item = {
        VpcPeeringConnectionId: r.id,
        Status: { Code: status },
        RequesterVpcInfo: b.draft.track(side(requester, { Region: r.scope.region }), r.at, { VpcId: requesterAt }),
        AccepterVpcInfo: b.draft.track(side(accepter, { Region: region, ...(crossAccount ? { OwnerId: owner } : {}) }), r.at, { VpcId: accepterAt, Region: regionAt, OwnerId: ownerAt }),
        Tags: r.tags(),
      };
      b.draft.add(r.file, 'VpcPeeringConnections', b.draft.track(item, r.at, { Tags: r.prop('Tags') }));
      if (requester && accepter && status === 'active') b.peerings.push({ id: r.id, requester, accepter });
    });
  }
}

export function translatePrefixLists(b: Build): void {
  for (const r of b.readers('AWS::EC2::PrefixList')) {
    r.entity(`prefix list ${r.logicalId}`, () => {
      const entries = r.list(r.prop('Entries')).map((e) => {
        r.need(e);
        return b.draft.track({ Cidr: e.at('Cidr').value, Description: e.at('Description').value }, e, { Cidr: e.at('Cidr'), Description: e.at('Description') });
      });
      const nameAt = r.prop('PrefixListName');
      const familyAt = r.prop('AddressFamily');
      const maxAt = r.prop('MaxEntries');
      const item: Item = { PrefixListId: r.id, PrefixListName: r.optional(nameAt), AddressFamily: r.optional(familyAt), MaxEntries: r.optional(maxAt), Entries: entries, Tags: r.tags() };
      b.draft.add(r.file, 'PrefixLists', b.draft.track(item, r.at, { PrefixListName: nameAt, AddressFamily: familyAt, MaxEntries: maxAt, Entries: r.prop('Entries'), Tags: r.prop('Tags') }));
    });
  }
}
