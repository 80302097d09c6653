/**
 * Route tables with their routes and subnet associations, and network ACLs with their entries and
 * associations, as describe items. A route, entry or association joins the item of the table or
 * ACL it names; one naming a table or ACL the templates do not create is left out with a warning.
 */
import type { Cursor } from '../aws/cursor.ts';
import type { Build, Item } from './build.ts';
import type { ResourceReader } from './reader.ts';

/** Route fields passed as they are: every destination and target a route may name. */
const ROUTE_FIELDS = [
  'DestinationCidrBlock',
  'DestinationIpv6CidrBlock',
  'DestinationPrefixListId',
  'GatewayId',
  'NatGatewayId',
  'VpcPeeringConnectionId',
  'TransitGatewayId',
  'EgressOnlyInternetGatewayId',
  'NetworkInterfaceId',
  'InstanceId',
  'CarrierGatewayId',
  'LocalGatewayId',
  'CoreNetworkArn',
] as const;

/** The item a property names (a table, an ACL), or a warning and undefined. */
function owner(r: ResourceReader, at: Cursor, items: Map<string, Item>, what: string): Item | undefined {
  const id = r.idAt(at);
  const item = id ? items.get(id) : undefined;
  if (!item) r.scope.warn('import/cfn-unknown-owner', `names ${what} ${id ?? '(none)'}, which the templates do not create; ${r.logicalId} was left out.`, at, r.id);
  return item;
}

export function translateRouteTables(b: Build): void {
  for (const r of b.readers('AWS::EC2::RouteTable')) {
    r.entity(`route table ${r.logicalId}`, () => {
      const vpcAt = r.prop('VpcId');
      const item: Item = { RouteTableId: r.id, VpcId: r.idAt(vpcAt), Routes: [], Associations: [], Tags: r.tags() };
      b.draft.add(r.file, 'RouteTables', b.draft.track(item, r.at, { VpcId: vpcAt, Tags: r.prop('Tags') }));
      b.routeTables.set(r.id, item);
    });
  }
  for (const r of b.readers('AWS::EC2::Route')) {
    r.entity(`route ${r.logicalId}`, () => {
      const table = owner(r, r.prop('RouteTableId'), b.routeTables, 'route table');
      if (!table) return;
      const route: Item = { State: 'active' };
      const fields: Record<string, Cursor> = {};
      for (const key of ROUTE_FIELDS) {
        const at = r.prop(key);
        if (at.missing) continue;
        route[key] = r.need(at);
        fields[key] = at;
      }
      // A gateway endpoint is named by GatewayId in describe output.
      const endpoint = r.prop('VpcEndpointId');
      if (!endpoint.missing && route.GatewayId === undefined) {
        route.GatewayId = r.need(endpoint);
        fields.GatewayId = endpoint;
      }
      (table.Routes as Item[]).push(b.draft.track(route, r.at, fields));
    });
  }
  for (const r of b.readers('AWS::EC2::SubnetRouteTableAssociation')) {
    r.entity(`the route table association ${r.logicalId}`, () => {
      const table = owner(r, r.prop('RouteTableId'), b.routeTables, 'route table');
      if (!table) return;
      const subnetAt = r.prop('SubnetId');
      const association = { RouteTableAssociationId: r.id, SubnetId: r.idAt(subnetAt), Main: false, AssociationState: { State: 'associated' } };
      (table.Associations as Item[]).push(b.draft.track(association, r.at, { SubnetId: subnetAt }));
    });
  }
}

export function translateNetworkAcls(b: Build): void {
  for (const r of b.readers('AWS::EC2::NetworkAcl')) {
    r.entity(`network ACL ${r.logicalId}`, () => {
      const vpcAt = r.prop('VpcId');
      const item: Item = { NetworkAclId: r.id, VpcId: r.idAt(vpcAt), IsDefault: false, Entries: [], Associations: [], Tags: r.tags() };
      b.draft.add(r.file, 'NetworkAcls', b.draft.track(item, r.at, { VpcId: vpcAt, Tags: r.prop('Tags') }));
      b.networkAcls.set(r.id, item);
    });
  }
  for (const r of b.readers('AWS::EC2::NetworkAclEntry')) {
    r.entity(`network ACL entry ${r.logicalId}`, () => {
      const acl = owner(r, r.prop('NetworkAclId'), b.networkAcls, 'network ACL');
      if (!acl) return;
      const value = (key: string): unknown => r.need(r.prop(key));
      const ports = r.prop('PortRange');
      const icmp = r.prop('Icmp');
      const entry: Item = {
        RuleNumber: value('RuleNumber'),
        Protocol: value('Protocol'),
        RuleAction: value('RuleAction'),
        Egress: value('Egress') ?? false,
        ...(r.prop('CidrBlock').missing ? {} : { CidrBlock: value('CidrBlock') }),
        ...(r.prop('Ipv6CidrBlock').missing ? {} : { Ipv6CidrBlock: value('Ipv6CidrBlock') }),
        ...(ports.missing ? {} : { PortRange: b.draft.track(shapeOrValue(r.need(ports)), ports, { From: ports.at('From'), To: ports.at('To') }) }),
        ...(icmp.missing ? {} : { IcmpTypeCode: b.draft.track(shapeOrValue(r.need(icmp)), icmp, { Type: icmp.at('Type'), Code: icmp.at('Code') }) }),
      };
      const fields = Object.fromEntries(['RuleNumber', 'Protocol', 'RuleAction', 'Egress', 'CidrBlock', 'Ipv6CidrBlock'].map((k) => [k, r.prop(k)]));
      (acl.Entries as Item[]).push(b.draft.track(entry, r.at, fields));
    });
  }
  for (const r of b.readers('AWS::EC2::SubnetNetworkAclAssociation')) {
    r.entity(`the network ACL association ${r.logicalId}`, () => {
      const acl = owner(r, r.prop('NetworkAclId'), b.networkAcls, 'network ACL');
      if (!acl) return;
      const subnetAt = r.prop('SubnetId');
      (acl.Associations as Item[]).push(b.draft.track({ NetworkAclAssociationId: r.id, SubnetId: r.idAt(subnetAt) }, r.at, { SubnetId: subnetAt }));
    });
  }
}

/** A copy of a mapping (so tracking never touches the evaluated tree), or the value itself for the describe importer to refuse. */
function shapeOrValue(value: unknown): Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(value as Item) } : (value as Item);
}
