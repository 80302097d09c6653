import { describe, expect, it } from 'vitest';
import { placer } from './test-placer.ts';
import { isPublicSubnet, routeTableOf, setRoute, unwrap } from '../../core/model/index.ts';
import { aclEntryFromForm, aclEntryLabel, EMPTY_ACL_FORM, newNetworkAclFor, newRouteTableFor, routeTargetOptions, targetLabel } from './routing.ts';

function build() {
  const p = placer();
  const vpc = p.place('vpc');
  const pub = p.place('public-subnet', { vpcId: vpc });
  const priv = p.place('private-subnet', { vpcId: vpc });
  const nat = p.place('nat-gateway', { subnetId: pub });
  return { d: p.design, vpc, pub, priv, nat };
}

describe('routing helpers', () => {
  it('offers the VPC gateways as route targets', () => {
    const { d, vpc, nat } = build();
    expect(routeTargetOptions(d, vpc).map((o) => o.label)).toEqual(['igw-1 (internet gateway)', 'nat-1 (NAT gateway)']);
    expect(targetLabel(d, { kind: 'nat-gateway', id: nat })).toBe('nat-1');
    expect(targetLabel(d, { kind: 'nat-gateway', id: 'nat-x' })).toBe('nat-x (gone)');
  });

  it('gives a subnet its own route table in one edit; a route to the IGW makes it public', () => {
    const { d, priv } = build();
    const withTable = unwrap(newRouteTableFor(d, priv));
    const table = routeTableOf(withTable, withTable.subnets[priv]!)!;
    expect(table.name).toBe('private-a-rt-1');
    const igw = Object.keys(withTable.internetGateways)[0]!;
    const routed = unwrap(setRoute(withTable, table.id, { destination: { cidr: '0.0.0.0/0' }, target: { kind: 'internet-gateway', id: igw } }));
    expect(isPublicSubnet(routed, routed.subnets[priv]!)).toBe(true);
  });

  it('gives a subnet a new (deny-all) network ACL', () => {
    const { d, priv } = build();
    const next = unwrap(newNetworkAclFor(d, priv));
    const acl = next.networkAcls[next.subnets[priv]!.networkAclId!]!;
    expect(acl).toMatchObject({ name: 'private-a-acl-1', entries: [], isDefault: false });
  });

  it('reads the ACL entry form', () => {
    const entry = aclEntryFromForm({ ...EMPTY_ACL_FORM, presetId: 'tcp', ports: '1024-65535', egress: true });
    expect(entry.ok && aclEntryLabel(entry.value)).toBe('100 allow TCP 1024-65535 to 0.0.0.0/0');
    expect(aclEntryFromForm({ ...EMPTY_ACL_FORM, ruleNumber: 'x' }).ok).toBe(false);
  });
});
