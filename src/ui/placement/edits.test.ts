import { describe, expect, it } from 'vitest';
import { placer } from './test-placer.ts';
import { duplicateResourceHere, moveResourceTo, nudge, removeEntity, renameEntity } from './edits.ts';
import { designGeometry } from './geometry.ts';
import { newGroupIssue } from './group-name.ts';

function build() {
  const p = placer();
  const vpc = p.place('vpc');
  const pub = p.place('public-subnet', { vpcId: vpc });
  const priv = p.place('private-subnet', { vpcId: vpc });
  const web = p.place('instance', { subnetId: pub });
  const internet = p.place('internet');
  return { d: p.design, vpc, pub, priv, web, internet };
}

describe('moveResourceTo', () => {
  it('moves the interface (subnet and address) and gives the resource a slot in the new subnet', () => {
    const { d, priv, web } = build();
    const r = moveResourceTo(d, web, priv);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.resources[web]!.enis[0]).toMatchObject({ subnetId: priv, privateIps: ['10.0.2.4'] });
    expect(designGeometry(r.value).find((n) => n.id === web)!.parentId).toBe(priv);
  });
});

describe('duplicateResourceHere', () => {
  it('copies kind, subnet and groups under the next free name', () => {
    const { d, web, pub } = build();
    const r = duplicateResourceHere(d, web);
    if (!r.ok) throw new Error(r.error.message);
    const copy = r.value.design.resources[r.value.id]!;
    expect(copy).toMatchObject({ kind: 'instance', name: 'web-2', role: 'web' });
    expect(copy.enis[0]).toMatchObject({ subnetId: pub, privateIps: ['10.0.1.5'], securityGroupIds: d.resources[web]!.enis[0]!.securityGroupIds });
    expect(r.value.design.layout[r.value.id]!.y).toBeGreaterThan(d.layout[web]!.y);
  });
});

describe('removeEntity and renameEntity', () => {
  it('deletes through the matching command, external networks included', () => {
    const { d, web, internet, pub } = build();
    const noWeb = removeEntity(d, web);
    expect(noWeb.ok && noWeb.value.resources[web]).toBeUndefined();
    const noInternet = removeEntity(d, internet);
    expect(noInternet.ok && Object.keys(noInternet.value.externalNetworks)).toEqual([]);
    const noSubnet = removeEntity(d, pub);
    expect(noSubnet.ok && Object.keys(noSubnet.value.resources)).toEqual([]);
  });

  it('refuses a group in use unless forced', () => {
    const { d } = build();
    const group = Object.values(d.securityGroups).find((g) => g.isDefault)!;
    const r = removeEntity(d, group.id);
    expect(!r.ok && r.error.code).toBe('securityGroups/default-immutable');
  });

  it('renames through the model, so bad names come back as errors', () => {
    const { d, web } = build();
    const ok = renameEntity(d, web, 'frontend');
    expect(ok.ok && ok.value.resources[web]!.name).toBe('frontend');
    expect(renameEntity(d, web, '').ok).toBe(false);
  });
});

describe('nudge', () => {
  it('moves a node by a few pixels and never past its parent edge', () => {
    const { d, web } = build();
    const before = d.layout[web]!;
    const r = nudge(d, web, 10, 0);
    expect(r.ok && r.value.layout[web]).toEqual({ x: before.x + 10, y: before.y });
    const far = nudge(d, web, -1000, 0);
    expect(far.ok && far.value.layout[web]!.x).toBe(0);
  });
});

describe('newGroupIssue', () => {
  it('refuses AWS-reserved and duplicate names, and accepts the rest', () => {
    const { d, vpc } = build();
    expect(newGroupIssue(d, vpc, 'sg-web')).toBe('Security group names may not start with "sg-" (AWS reserves it for group ids).');
    expect(newGroupIssue(d, vpc, 'default')).toBe('This VPC already has a group named "default".');
    expect(newGroupIssue(d, vpc, 'web-sg')).toBeUndefined();
  });
});
