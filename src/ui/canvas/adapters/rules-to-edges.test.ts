import { describe, expect, it } from 'vitest';
import { addRule, addSecurityGroup, attachGroup, emptyDesign, unwrap, type Design } from '../../../core/model/index.ts';
import { templateById } from '../../../core/templates/index.ts';
import { placeItem } from '../../placement/place.ts';
import { connections } from '../../placement/connections.ts';
import { BUNDLE_AT, ruleEdges } from './rules-to-edges.ts';

function build() {
  let d: Design = emptyDesign();
  const step = (kind: Parameters<typeof placeItem>[1], target = {}) => {
    const r = placeItem(d, kind, target);
    if (!r.ok) throw new Error(r.error.message);
    d = r.value.design;
    return r.value.id;
  };
  const internet = step('internet');
  const vpc = step('vpc');
  const pub = step('public-subnet', { vpcId: vpc });
  const priv = step('private-subnet', { vpcId: vpc });
  const web = step('instance', { subnetId: pub });
  const db = step('database', { subnetId: priv });
  d = unwrap(addSecurityGroup(d, { id: 'sg-web', vpcId: vpc, name: 'web-sg' }));
  d = unwrap(addSecurityGroup(d, { id: 'sg-db', vpcId: vpc, name: 'db-sg' }));
  d = unwrap(attachGroup(d, web, 'sg-web'));
  d = unwrap(attachGroup(d, db, 'sg-db'));
  d = unwrap(addRule(d, 'sg-web', 'ingress', { match: { protocol: 'tcp', ports: { from: 443, to: 443 } }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } }));
  d = unwrap(addRule(d, 'sg-web', 'ingress', { match: { protocol: 'tcp', ports: { from: 80, to: 80 } }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } }));
  d = unwrap(addRule(d, 'sg-db', 'ingress', { match: { protocol: 'tcp', ports: { from: 5432, to: 5432 } }, peer: { kind: 'security-group', groupId: 'sg-web' } }));
  return { d, internet, web, db };
}

describe('ruleEdges', () => {
  it('draws one edge per connection and node pair, labelled with its ports', () => {
    const { d, internet, web, db } = build();
    expect(ruleEdges(d)).toEqual([
      { id: `conn:${internet}>sg-web:${internet}->${web}`, source: internet, target: web, label: 'tcp 443, 80', groupIds: ['sg-web'], connection: `${internet}>sg-web`, lane: 0, labelled: true },
      { id: `conn:sg-web>sg-db:${web}->${db}`, source: web, target: db, label: 'tcp 5432', groupIds: ['sg-db', 'sg-web'], connection: 'sg-web>sg-db', lane: 0, labelled: true },
    ]);
  });

  it('leaves out the default group talking to itself', () => {
    const { d } = build();
    expect(ruleEdges(d).every((e) => !e.label.includes('all'))).toBe(true);
  });

  it('draws the three-tier template: CIDR rules from CorpNet and VendorNet, group references between tiers', () => {
    const d = templateById('three-tier')!.build();
    const byConnection = Object.fromEntries(connections(d).map((c) => [c.key, c.label]));
    expect(byConnection).toEqual({
      'internet>sg-web': 'tcp 80, 443',
      'corpnet>sg-web': 'tcp 22, 3389',
      'sg-web>sg-app': 'tcp 8080',
      'corpnet>sg-app': 'tcp 22, 3389',
      'sg-app>sg-db': 'tcp 5432',
      'corpnet>sg-db': 'tcp 22, 3389',
      'vendornet>sg-db': 'tcp 22, 3389',
    });
    expect(ruleEdges(d).filter((e) => e.connection === 'sg-web>sg-app')).toHaveLength(4);
  });

  it('bundles a connection with many pairs into one edge per target', () => {
    let { d, web, db } = build();
    for (let i = 0; i < BUNDLE_AT; i++) {
      const placed = placeItem(d, 'instance', { subnetId: d.resources[web]!.enis[0]!.subnetId });
      if (!placed.ok) throw new Error(placed.error.message);
      d = unwrap(attachGroup(placed.value.design, placed.value.id, 'sg-web'));
    }
    const edges = ruleEdges(d).filter((e) => e.connection === 'sg-web>sg-db');
    expect(edges).toEqual([expect.objectContaining({ source: web, target: db, label: `tcp 5432 · ${BUNDLE_AT + 1} sources` })]);
  });

  it('counts the source group’s matching egress rules as part of the connection', () => {
    let { d } = build();
    d = unwrap(addRule(d, 'sg-web', 'egress', { match: { protocol: 'tcp', ports: { from: 5432, to: 5432 } }, peer: { kind: 'security-group', groupId: 'sg-db' } }));
    const c = connections(d).find((x) => x.key === 'sg-web>sg-db')!;
    expect(c.rules.map((r) => r.direction)).toEqual(['ingress', 'egress']);
  });
});
