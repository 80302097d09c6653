import { describe, expect, it } from 'vitest';
import { addRule, addSecurityGroup, attachGroup, emptyDesign, unwrap, type Design } from '../../../core/model/index.ts';
import { placeItem } from '../../placement/place.ts';
import { ruleEdges } from './rules-to-edges.ts';

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
  it('draws the Internet to web members and web members to the database, labels merged per pair', () => {
    const { d, internet, web, db } = build();
    expect(ruleEdges(d)).toEqual([
      { id: `rule:${internet}->${web}`, source: internet, target: web, label: 'TCP 443 · TCP 80', groupIds: ['sg-web'] },
      { id: `rule:${web}->${db}`, source: web, target: db, label: 'TCP 5432', groupIds: ['sg-db', 'sg-web'] },
    ]);
  });

  it('leaves out the default group talking to itself', () => {
    const { d } = build();
    // Both resources are in the VPC default group, whose only inbound rule references itself.
    expect(ruleEdges(d).every((e) => e.label !== 'All traffic')).toBe(true);
  });
});
