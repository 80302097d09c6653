import { describe, expect, it } from 'vitest';
import type { Design, SecurityGroupRule } from '../model/index.ts';
import { groupsOfResource, isPublicSubnet, validateDesign } from '../model/index.ts';
import { FIRST_VISIT_TEMPLATE, TEMPLATES, templateById } from './index.ts';

const build = (id: string) => templateById(id)!.build();
const group = (d: Design, name: string) => Object.values(d.securityGroups).find((g) => g.name === name)!;
const resource = (d: Design, name: string) => Object.values(d.resources).find((r) => r.name === name)!;

/** A rule as people read it: `tcp 22 from 203.0.113.0/24`, `tcp 8080 from WebSG`. */
function describeRule(d: Design, r: SecurityGroupRule): string {
  const ports = r.match.ports ? (r.match.ports.from === r.match.ports.to ? `${r.match.ports.from}` : `${r.match.ports.from}-${r.match.ports.to}`) : 'all';
  const peer = r.peer.kind === 'cidr' ? r.peer.cidr : r.peer.kind === 'security-group' ? (d.securityGroups[r.peer.groupId]?.name ?? r.peer.groupId) : r.peer.prefixListId;
  return `${r.match.protocol} ${ports} from ${peer}`;
}
const inbound = (d: Design, name: string) => group(d, name).ingress.map((r) => describeRule(d, r)).sort();

describe('the template registry', () => {
  it('lists nine templates with unique ids, titles and one-line descriptions, three-tier first', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['three-tier', 'two-tier-mysql', 'default-group-postgres', 'public-web-server', 'private-database', 'lambda-rds', 'alb-ec2', 'bastion-host', 'peered-vpcs']);
    expect(FIRST_VISIT_TEMPLATE.id).toBe('three-tier');
    for (const t of TEMPLATES) {
      expect(t.title.length).toBeGreaterThan(3);
      expect(t.description).not.toMatch(/\n/);
      expect(t.description.length).toBeLessThan(130);
    }
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s is a valid design with a layout entry for every node', (_id, t) => {
    const d = t.build();
    const valid = validateDesign(JSON.parse(JSON.stringify(d)));
    expect(valid.ok ? 'valid' : valid.error.message).toBe('valid');
    for (const c of ['vpcs', 'subnets', 'resources', 'externalNetworks', 'internetGateways', 'natGateways'] as const) {
      for (const id of Object.keys(d[c])) expect(d.layout[id], `${c} ${id}`).toBeDefined();
    }
    expect(t.build()).toEqual(d);
    expect(t.build()).not.toBe(d);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s describes every group and rule, and keeps AWS\'s allow-all egress on its own groups', (_id, t) => {
    const d = t.build();
    for (const g of Object.values(d.securityGroups)) {
      if (g.isDefault) continue;
      expect(g.description.trim(), g.name).not.toBe('');
      for (const r of [...g.ingress, ...g.egress]) expect(r.description?.trim(), `${g.name} ${r.id}`).toBeTruthy();
      expect(g.egress.map((r) => [r.match, r.peer])).toEqual([[{ protocol: 'all' }, { kind: 'cidr', cidr: '0.0.0.0/0' }]]);
    }
  });

  it.each(TEMPLATES.filter((t) => t.id !== 'default-group-postgres').map((t) => [t.id, t] as const))('%s keeps resources off the default group', (_id, t) => {
    const d = t.build();
    for (const r of Object.values(d.resources)) for (const g of groupsOfResource(r)) expect(d.securityGroups[g]!.isDefault, `${r.name} in ${g}`).toBe(false);
  });
});

describe('the key rules of each template', () => {
  it('three-tier: web from anywhere, app from the web tier, database from the app tier, admin from CorpNet (and VendorNet)', () => {
    const d = build('three-tier');
    expect(Object.fromEntries(Object.values(d.externalNetworks).map((n) => [n.name, n.cidrs]))).toEqual({ Internet: [], CorpNet: ['203.0.113.0/24'], VendorNet: ['198.51.100.0/24'] });
    expect(inbound(d, 'WebSG')).toEqual(['tcp 22 from 203.0.113.0/24', 'tcp 3389 from 203.0.113.0/24', 'tcp 443 from 0.0.0.0/0', 'tcp 80 from 0.0.0.0/0']);
    expect(inbound(d, 'AppSG')).toEqual(['tcp 22 from 203.0.113.0/24', 'tcp 3389 from 203.0.113.0/24', 'tcp 8080 from WebSG']);
    expect(inbound(d, 'DBSG')).toEqual([
      'tcp 22 from 198.51.100.0/24',
      'tcp 22 from 203.0.113.0/24',
      'tcp 3389 from 198.51.100.0/24',
      'tcp 3389 from 203.0.113.0/24',
      'tcp 5432 from AppSG',
    ]);
    expect(groupsOfResource(resource(d, 'web-1')).map((g) => d.securityGroups[g]!.name)).toEqual(['WebSG']);
    expect(isPublicSubnet(d, d.subnets[resource(d, 'web-1').enis[0]!.subnetId]!)).toBe(true);
    expect(isPublicSubnet(d, d.subnets[resource(d, 'db-1').enis[0]!.subnetId]!)).toBe(false);
  });

  it('two-tier: db-sg admits MySQL from web-sg only', () => {
    const d = build('two-tier-mysql');
    expect(inbound(d, 'db-sg')).toEqual(['tcp 3306 from web-sg']);
    expect(resource(d, 'db-1')).toMatchObject({ engine: 'mysql', port: 3306 });
  });

  it('default group: the web servers share it and postgres-sg admits it', () => {
    const d = build('default-group-postgres');
    const def = Object.values(d.securityGroups).find((g) => g.isDefault)!;
    for (const name of ['web-1', 'web-2']) expect(groupsOfResource(resource(d, name))).toContain(def.id);
    expect(inbound(d, 'postgres-sg')).toEqual([`tcp 5432 from ${def.name}`]);
  });

  it('public web server: SSH only from the trusted IP', () => {
    expect(inbound(build('public-web-server'), 'web-sg')).toEqual(['tcp 22 from 203.0.113.10/32', 'tcp 443 from 0.0.0.0/0', 'tcp 80 from 0.0.0.0/0']);
  });

  it('private database: no route to the Internet, PostgreSQL from the app only', () => {
    const d = build('private-database');
    expect(isPublicSubnet(d, d.subnets[resource(d, 'db-1').enis[0]!.subnetId]!)).toBe(false);
    expect(inbound(d, 'db-sg')).toEqual(['tcp 5432 from app-sg']);
  });

  it('Lambda to RDS: db-sg admits the functions; the functions admit nothing', () => {
    const d = build('lambda-rds');
    expect(inbound(d, 'db-sg')).toEqual(['tcp 5432 from lambda-sg']);
    expect(inbound(d, 'lambda-sg')).toEqual([]);
  });

  it('ALB in front of EC2: the instances admit port 80 from the load balancer only', () => {
    const d = build('alb-ec2');
    expect(inbound(d, 'alb-sg')).toEqual(['tcp 443 from 0.0.0.0/0', 'tcp 80 from 0.0.0.0/0']);
    expect(inbound(d, 'ec2-sg')).toEqual(['tcp 80 from alb-sg']);
  });

  it('bastion: SSH from CorpNet to the bastion, from the bastion to the servers', () => {
    const d = build('bastion-host');
    expect(inbound(d, 'bastion-sg')).toEqual(['tcp 22 from 203.0.113.0/24']);
    expect(inbound(d, 'app-sg')).toEqual(['tcp 22 from bastion-sg']);
  });

  it('peered VPCs: an active peering, routes both ways, and a group reference across it', () => {
    const d = build('peered-vpcs');
    expect(Object.values(d.peerings)).toEqual([expect.objectContaining({ status: 'active' })]);
    const rule = group(d, 'db-sg').ingress[0]!;
    expect(rule.peer).toMatchObject({ kind: 'security-group', groupId: group(d, 'app-sg').id, peeringId: 'pcx-app-data' });
  });
});
