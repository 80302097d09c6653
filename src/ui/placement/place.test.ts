import { describe, expect, it } from 'vitest';
import { emptyDesign, isPublicSubnet, type Design } from '../../core/model/index.ts';
import type { PaletteItemKind } from './catalogue.ts';
import { placeItem, type PlacementTarget } from './place.ts';

function place(d: Design, kind: PaletteItemKind, target: PlacementTarget = {}) {
  const r = placeItem(d, kind, target);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** vpc-1 with public-a, public-b and private-a, built the way the palette builds it. */
function threeSubnets() {
  const vpc = place(emptyDesign(), 'vpc');
  const pubA = place(vpc.design, 'public-subnet', { vpcId: vpc.id });
  const pubB = place(pubA.design, 'public-subnet', { vpcId: vpc.id });
  const privA = place(pubB.design, 'private-subnet', { vpcId: vpc.id });
  return { d: privA.design, vpc: vpc.id, pubA: pubA.id, pubB: pubB.id, privA: privA.id };
}

describe('placeItem', () => {
  it('creates a VPC with the next free /16 and a layout entry', () => {
    const a = place(emptyDesign(), 'vpc');
    expect(a.design.vpcs[a.id]).toMatchObject({ name: 'vpc-1', cidrs: ['10.0.0.0/16'] });
    expect(a.design.layout[a.id]).toEqual({ x: 0, y: 0 });
    const b = place(a.design, 'vpc');
    expect(b.design.vpcs[b.id]).toMatchObject({ name: 'vpc-2', cidrs: ['10.1.0.0/16'] });
  });

  it('makes a public subnet public through a route to a new internet gateway', () => {
    const { d, vpc, pubA, pubB } = threeSubnets();
    const igws = Object.values(d.internetGateways);
    expect(igws).toHaveLength(1);
    expect(igws[0]!.vpcId).toBe(vpc);
    expect(d.subnets[pubA]).toMatchObject({ name: 'public-a', cidr: '10.0.1.0/24', availabilityZone: 'us-east-1a' });
    expect(d.subnets[pubB]).toMatchObject({ name: 'public-b', cidr: '10.0.2.0/24', availabilityZone: 'us-east-1b' });
    expect(d.subnets[pubA]!.routeTableId).toBe(d.subnets[pubB]!.routeTableId);
    expect(isPublicSubnet(d, d.subnets[pubA]!)).toBe(true);
  });

  it('leaves a private subnet on the main table, which has no Internet route', () => {
    const { d, privA } = threeSubnets();
    expect(d.subnets[privA]).toMatchObject({ name: 'private-a', cidr: '10.0.3.0/24', availabilityZone: 'us-east-1a' });
    expect(d.subnets[privA]!.routeTableId).toBeUndefined();
    expect(isPublicSubnet(d, d.subnets[privA]!)).toBe(false);
  });

  it('names instances after their tier and gives public ones a public address', () => {
    const { d, pubA, privA } = threeSubnets();
    const web = place(d, 'instance', { subnetId: pubA });
    const app = place(web.design, 'instance', { subnetId: privA });
    expect(web.design.resources[web.id]).toMatchObject({ name: 'web-1', kind: 'instance', role: 'web' });
    expect(web.design.resources[web.id]!.enis[0]).toMatchObject({ subnetId: pubA, privateIps: ['10.0.1.4'], publicIp: '192.0.2.10' });
    expect(app.design.resources[app.id]).toMatchObject({ name: 'app-1', role: 'app' });
    expect(app.design.resources[app.id]!.enis[0]!.publicIp).toBeUndefined();
  });

  it('gives new resources the VPC default group', () => {
    const { d, privA } = threeSubnets();
    const db = place(d, 'database', { subnetId: privA });
    const defaultGroup = Object.values(db.design.securityGroups).find((g) => g.isDefault)!;
    expect(db.design.resources[db.id]!.enis[0]!.securityGroupIds).toEqual([defaultGroup.id]);
  });

  it('spreads a load balancer over a second public subnet in another AZ', () => {
    const { d, pubA, pubB } = threeSubnets();
    const alb = place(d, 'load-balancer', { subnetId: pubA });
    const r = alb.design.resources[alb.id]!;
    expect(r).toMatchObject({ kind: 'load-balancer', name: 'alb-1', scheme: 'internet-facing' });
    expect(r.enis.map((e) => e.subnetId)).toEqual([pubA, pubB]);
  });

  it('explains what a load balancer is missing when there is no second AZ', () => {
    const { d, privA } = threeSubnets();
    const r = placeItem(d, 'load-balancer', { subnetId: privA });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('placement/alb-second-subnet');
      expect(r.error.message).toContain('two private subnets in different Availability Zones');
    }
  });

  it('refuses a database outside any subnet, saying where it goes, and changes nothing', () => {
    const { d, vpc } = threeSubnets();
    const r = placeItem(d, 'database', { vpcId: vpc });
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'placement/outside-subnet', message: 'An RDS database goes inside a subnet: drop it onto a private subnet.' }) });
  });

  it('tells an empty canvas to start with a VPC', () => {
    const r = placeItem(emptyDesign(), 'private-subnet', {});
    expect(!r.ok && r.error.message).toBe('A subnet goes inside a VPC: drop it onto a VPC (add a VPC from the palette first).');
  });

  it('refuses a NAT gateway in a private subnet and a VPC inside a VPC', () => {
    const { d, vpc, privA, pubA } = threeSubnets();
    expect(placeItem(d, 'nat-gateway', { subnetId: privA }).ok).toBe(false);
    expect(placeItem(d, 'vpc', { vpcId: vpc }).ok).toBe(false);
    const nat = place(d, 'nat-gateway', { subnetId: pubA });
    expect(nat.design.natGateways[nat.id]).toMatchObject({ name: 'nat-1', subnetId: pubA });
  });

  it('places a dropped item with its centre at the drop point, relative to its parent', () => {
    const { d, vpc, pubA } = threeSubnets();
    const subnetAt = { x: d.layout[vpc]!.x + d.layout[pubA]!.x, y: d.layout[vpc]!.y + d.layout[pubA]!.y };
    const r = placeItem(d, 'instance', { subnetId: pubA }, { x: subnetAt.x + 200, y: subnetAt.y + 200 });
    expect(r.ok && r.value.design.layout[r.value.id]).toEqual({ x: 200 - 124, y: 200 - 72 });
  });

  it('creates the Internet once and named external networks outside VPCs', () => {
    const internet = place(emptyDesign(), 'internet');
    expect(internet.design.externalNetworks[internet.id]).toMatchObject({ name: 'Internet', kind: 'internet', cidrs: [] });
    expect(placeItem(internet.design, 'internet', {}).ok).toBe(false);
    const corp = place(internet.design, 'external-network');
    expect(corp.design.externalNetworks[corp.id]).toMatchObject({ name: 'CorpNet', kind: 'cidr' });
  });
});

describe('placeItem at a drop point', () => {
  it('takes the next free slot instead of covering a sibling', () => {
    const vpc = placeItem(emptyDesign(), 'vpc', {});
    if (!vpc.ok) throw new Error(vpc.error.message);
    const first = placeItem(vpc.value.design, 'public-subnet', { vpcId: vpc.value.id }, { x: 200, y: 200 });
    if (!first.ok) throw new Error(first.error.message);
    const second = placeItem(first.value.design, 'private-subnet', { vpcId: vpc.value.id, subnetId: first.value.id }, { x: 200, y: 200 });
    if (!second.ok) throw new Error(second.error.message);
    const a = second.value.design.layout[first.value.id]!;
    const b = second.value.design.layout[second.value.id]!;
    expect(b.x).toBeGreaterThanOrEqual(a.x + 312);
  });
});
