import { describe, expect, it } from 'vitest';
import { networkAclOf, routeTableOf, unwrap } from '../../core/model/index.ts';
import { placer } from './test-placer.ts';
import { addNetworkAclEntry, addRoute, replaceNetworkAclEntry, replaceRoute } from './routing-edits.ts';
import { newNetworkAclFor, newRouteTableFor } from './routing.ts';

function build() {
  const p = placer();
  const vpc = p.place('vpc');
  const pub = p.place('public-subnet', { vpcId: vpc });
  const priv = p.place('private-subnet', { vpcId: vpc });
  const nat = p.place('nat-gateway', { subnetId: pub });
  const d = unwrap(newNetworkAclFor(unwrap(newRouteTableFor(p.design, priv)), priv));
  const igw = Object.keys(d.internetGateways)[0]!;
  return { d, priv, nat, igw, table: routeTableOf(d, d.subnets[priv]!)!.id, acl: networkAclOf(d, d.subnets[priv]!)!.id };
}

describe('adding and editing routes', () => {
  it('refuses a second route to one destination, and edits a route to a new destination and target', () => {
    const { d, table, nat, igw } = build();
    const one = unwrap(addRoute(d, table, { destination: { cidr: '0.0.0.0/0' }, target: { kind: 'nat-gateway', id: nat } }));
    expect(addRoute(one, table, { destination: { cidr: '0.0.0.0/0' }, target: { kind: 'internet-gateway', id: igw } })).toMatchObject({ ok: false, error: { code: 'routes/duplicate' } });
    const edited = unwrap(replaceRoute(one, table, { cidr: '0.0.0.0/0' }, { destination: { cidr: '172.16.0.0/12' }, target: { kind: 'internet-gateway', id: igw } }));
    expect(edited.routeTables[table]!.routes).toEqual([{ destination: { cidr: '172.16.0.0/12' }, target: { kind: 'internet-gateway', id: igw }, state: 'active' }]);
  });

  it('will not move a route onto another one', () => {
    const { d, table, nat, igw } = build();
    let two = unwrap(addRoute(d, table, { destination: { cidr: '0.0.0.0/0' }, target: { kind: 'nat-gateway', id: nat } }));
    two = unwrap(addRoute(two, table, { destination: { cidr: '10.9.0.0/16' }, target: { kind: 'internet-gateway', id: igw } }));
    expect(replaceRoute(two, table, { cidr: '10.9.0.0/16' }, { destination: { cidr: '0.0.0.0/0' }, target: { kind: 'internet-gateway', id: igw } }).ok).toBe(false);
  });
});

describe('adding and editing network ACL entries', () => {
  const entry = { ruleNumber: 100, egress: false, action: 'allow' as const, cidr: '0.0.0.0/0', match: { protocol: 'tcp' as const, ports: { from: 443, to: 443 } } };

  it('refuses a rule number in use on add; an edit may renumber, deny, and change direction', () => {
    const { d, acl } = build();
    const one = unwrap(addNetworkAclEntry(d, acl, entry));
    expect(addNetworkAclEntry(one, acl, { ...entry, action: 'deny' })).toMatchObject({ ok: false, error: { code: 'acl/duplicate', path: 'ruleNumber' } });
    const edited = unwrap(replaceNetworkAclEntry(one, acl, entry, { ...entry, ruleNumber: 90, action: 'deny', egress: true }));
    expect(edited.networkAcls[acl]!.entries).toEqual([{ ...entry, ruleNumber: 90, action: 'deny', egress: true }]);
  });

  it('will not renumber onto another entry', () => {
    const { d, acl } = build();
    const two = unwrap(addNetworkAclEntry(unwrap(addNetworkAclEntry(d, acl, entry)), acl, { ...entry, ruleNumber: 200 }));
    expect(replaceNetworkAclEntry(two, acl, entry, { ...entry, ruleNumber: 200 }).ok).toBe(false);
    expect(unwrap(replaceNetworkAclEntry(two, acl, entry, { ...entry, action: 'deny' })).networkAcls[acl]!.entries[0]!.action).toBe('deny');
  });
});
