import { describe, expect, it } from 'vitest';
import { design, tcp } from './builder.ts';
import { unwrap } from './result.ts';
import {
  allowsAllEgress,
  connectResources,
  copyName,
  duplicateResource,
  removeExternalNetwork,
  removeGateway,
  removeNetworkAcl,
  removeRouteTable,
  removeRuleRefs,
  renameDesign,
  renameExternalNetwork,
  setExternalNetworkCidrs,
} from './commands/index.ts';
import { groupsOfResource } from './queries.ts';
import { validateDesign } from './schema.ts';

const base = () =>
  design('Small')
    .vpc('vpc', '10.0.0.0/16')
    .igw('igw')
    .subnet('pub', '10.0.1.0/24', 'us-east-1a', { routes: [['0.0.0.0/0', 'igw']] })
    .subnet('priv', '10.0.2.0/24', 'us-east-1b')
    .internet()
    .external('corp', ['203.0.113.0/24'], { name: 'CorpNet' })
    .sg('web-sg', { ingress: [tcp(443, '0.0.0.0/0')] })
    .sg('db-sg', { egress: [] })
    .instance('web', { subnet: 'pub', groups: ['web-sg'], name: 'web-1' })
    .rds('db', { subnets: ['priv'], groups: ['db-sg'], name: 'db-1' })
    .edit((d) => {
      d.layout = { igw: { x: 1, y: 1 }, corp: { x: 5, y: 5 } };
    });

describe('external networks', () => {
  it('renames, re-ranges and removes one, with its layout', () => {
    let d = base().build();
    d = unwrap(renameExternalNetwork(d, 'corp', 'Head office'));
    expect(d.externalNetworks.corp!.name).toBe('Head office');
    d = unwrap(setExternalNetworkCidrs(d, 'corp', ['198.51.100.0/24', '203.0.113.0/24']));
    expect(d.externalNetworks.corp!.cidrs).toEqual(['198.51.100.0/24', '203.0.113.0/24']);
    expect(setExternalNetworkCidrs(d, 'corp', ['nope'])).toMatchObject({ ok: false });
    expect(setExternalNetworkCidrs(d, 'corp', [])).toMatchObject({ ok: false, error: { code: 'externalNetworks/no-cidr' } });
    expect(setExternalNetworkCidrs(d, 'internet', ['1.2.3.0/24'])).toMatchObject({ ok: false, error: { code: 'externalNetworks/internet-cidrs' } });
    d = unwrap(removeExternalNetwork(d, 'corp'));
    expect(d.externalNetworks.corp).toBeUndefined();
    expect(d.layout.corp).toBeUndefined();
    expect(removeExternalNetwork(d, 'corp')).toMatchObject({ ok: false, error: { code: 'externalNetworks/not-found' } });
  });
});

describe('the design', () => {
  it('renames it, refusing an empty name', () => {
    expect(unwrap(renameDesign(base().build(), 'Workshop')).name).toBe('Workshop');
    expect(renameDesign(base().build(), '  ')).toMatchObject({ ok: false });
  });
});

describe('route tables and network ACLs', () => {
  it('refuses to remove the main table or one in use, and removes a spare one', () => {
    const d = base().routeTable('spare', { vpc: 'vpc' }).build();
    expect(removeRouteTable(d, 'vpc-main-rt')).toMatchObject({ ok: false, error: { code: 'routeTables/main' } });
    expect(removeRouteTable(d, 'rt-pub')).toMatchObject({ ok: false, error: { code: 'routeTables/associated' } });
    expect(unwrap(removeRouteTable(d, 'spare')).routeTables.spare).toBeUndefined();
  });

  it('refuses to remove the default ACL or one in use, and removes a spare one', () => {
    const d = base().nacl('used', { subnets: ['priv'] }).nacl('spare', { vpc: 'vpc' }).build();
    expect(removeNetworkAcl(d, 'vpc-default-acl')).toMatchObject({ ok: false, error: { code: 'networkAcls/default' } });
    expect(removeNetworkAcl(d, 'used')).toMatchObject({ ok: false, error: { code: 'networkAcls/associated' } });
    expect(unwrap(removeNetworkAcl(d, 'spare')).networkAcls.spare).toBeUndefined();
  });

  it('removes a gateway together with its layout entry', () => {
    const d = unwrap(removeGateway(base().build(), 'internetGateways', 'igw'));
    expect(d.internetGateways.igw).toBeUndefined();
    expect(d.layout.igw).toBeUndefined();
  });
});

describe('duplicateResource', () => {
  it('copies kind, subnets, groups and settings under the next free name', () => {
    const d = unwrap(duplicateResource(base().build(), 'db', { id: 'db2' }));
    const copy = d.resources.db2!;
    expect(copy).toMatchObject({ kind: 'database', name: 'db-2', engine: 'postgres', subnetIds: ['priv'] });
    expect(groupsOfResource(copy)).toEqual(['db-sg']);
    expect(copy.enis[0]!.privateIps[0]).not.toBe(d.resources.db!.enis[0]!.privateIps[0]);
    expect(validateDesign(JSON.parse(JSON.stringify(d))).ok).toBe(true);
    expect(copyName(['bastion'], 'bastion')).toBe('bastion-2');
    expect(duplicateResource(d, 'nope')).toMatchObject({ ok: false, error: { code: 'resources/not-found' } });
  });
});

describe('connectResources', () => {
  it('adds an ingress rule naming the source group, and egress when the source restricts egress', () => {
    const d = unwrap(connectResources(base().build(), { source: { resourceId: 'db', group: { groupId: 'db-sg' } }, targetResourceId: 'web', targetGroup: { groupId: 'web-sg' }, match: { protocol: 'tcp', ports: { from: 8080, to: 8080 } } }));
    expect(d.securityGroups['web-sg']!.ingress.at(-1)).toMatchObject({ peer: { kind: 'security-group', groupId: 'db-sg' }, match: { protocol: 'tcp', ports: { from: 8080, to: 8080 } } });
    expect(allowsAllEgress(d.securityGroups['db-sg']!)).toBe(false);
    expect(d.securityGroups['db-sg']!.egress).toEqual([expect.objectContaining({ peer: { kind: 'security-group', groupId: 'web-sg' } })]);
  });

  it('leaves egress alone when the source group allows everything out', () => {
    const d = unwrap(connectResources(base().build(), { source: { resourceId: 'web', group: { groupId: 'web-sg' } }, targetResourceId: 'db', targetGroup: { groupId: 'db-sg' }, match: { protocol: 'tcp', ports: { from: 5432, to: 5432 } } }));
    expect(d.securityGroups['db-sg']!.ingress).toEqual([expect.objectContaining({ peer: { kind: 'security-group', groupId: 'web-sg' } })]);
    expect(d.securityGroups['web-sg']!.egress).toHaveLength(1);
  });

  it('creates and attaches new groups named after the tiers', () => {
    const d = unwrap(
      connectResources(base().build(), {
        source: { resourceId: 'web', group: { newGroupName: 'web', id: 'sg-web' } },
        targetResourceId: 'db',
        targetGroup: { newGroupName: 'db', id: 'sg-db' },
        match: { protocol: 'tcp', ports: { from: 5432, to: 5432 } },
      }),
    );
    expect(groupsOfResource(d.resources.web!)).toEqual(['web-sg', 'sg-web']);
    expect(groupsOfResource(d.resources.db!)).toEqual(['db-sg', 'sg-db']);
    expect(d.securityGroups['sg-db']!.ingress[0]!.peer).toEqual({ kind: 'security-group', groupId: 'sg-web' });
    expect(validateDesign(JSON.parse(JSON.stringify(d))).ok).toBe(true);
  });

  it('admits an external network by its CIDRs, the Internet as 0.0.0.0/0, and refuses a repeat', () => {
    let d = unwrap(connectResources(base().build(), { source: { externalNetworkId: 'corp' }, targetResourceId: 'web', targetGroup: { groupId: 'web-sg' }, match: { protocol: 'tcp', ports: { from: 22, to: 22 } } }));
    expect(d.securityGroups['web-sg']!.ingress.at(-1)!.peer).toEqual({ kind: 'cidr', cidr: '203.0.113.0/24' });
    d = unwrap(connectResources(d, { source: { externalNetworkId: 'internet' }, targetResourceId: 'web', targetGroup: { groupId: 'web-sg' }, match: { protocol: 'tcp', ports: { from: 80, to: 80 } } }));
    expect(d.securityGroups['web-sg']!.ingress.at(-1)!.peer).toEqual({ kind: 'cidr', cidr: '0.0.0.0/0' });
    expect(connectResources(d, { source: { externalNetworkId: 'internet' }, targetResourceId: 'web', targetGroup: { groupId: 'web-sg' }, match: { protocol: 'tcp', ports: { from: 80, to: 80 } } })).toMatchObject({
      ok: false,
      error: { code: 'connect/exists' },
    });
  });

  it('removes the rules of a connection in one step', () => {
    const d = base().build();
    const rule = d.securityGroups['web-sg']!.ingress[0]!;
    const next = unwrap(removeRuleRefs(d, [{ groupId: 'web-sg', direction: 'ingress', ruleId: rule.id }]));
    expect(next.securityGroups['web-sg']!.ingress).toEqual([]);
    expect(removeRuleRefs(d, [{ groupId: 'web-sg', direction: 'ingress', ruleId: 'nope' }])).toMatchObject({ ok: false });
  });
});
