import { describe, expect, it } from 'vitest';
import { connectResources, groupsOfResource, unwrap } from '../../core/model/index.ts';
import { templateById } from '../../core/templates/index.ts';
import { connectArgs, initialConnectForm, NEW_GROUP, tierGroupName } from './connect-form.ts';
import { connections } from './connections.ts';

const d = templateById('three-tier')!.build();

describe('the connect form', () => {
  it('starts from the ends’ own groups and the database’s port', () => {
    expect(initialConnectForm(d, 'app-1', 'db-1')).toMatchObject({ sourceGroup: 'sg-app', targetGroup: 'sg-db', presetId: 'postgres' });
    expect(tierGroupName('web-12')).toBe('web-sg');
  });

  it('makes a connection the canvas draws, under the key it predicts', () => {
    const form = { ...initialConnectForm(d, 'web-1', 'db-1'), presetId: 'custom', ports: '6379' };
    const { args, key } = unwrap(connectArgs(d, form));
    const next = unwrap(connectResources(d, args));
    expect(connections(next).find((c) => c.key === key)).toMatchObject({ label: 'tcp 5432'.replace('5432', '6379') });
  });

  it('creates new groups named after the tiers', () => {
    const form = { ...initialConnectForm(d, 'web-1', 'app-1'), sourceGroup: NEW_GROUP, targetGroup: NEW_GROUP };
    const { args, key } = unwrap(connectArgs(d, form));
    const next = unwrap(connectResources(d, args));
    const names = (id: string) => groupsOfResource(next.resources[id]!).map((g) => next.securityGroups[g]!.name);
    expect(names('web-1')).toEqual(['WebSG', 'web-sg']);
    expect(names('app-1')).toEqual(['AppSG', 'app-sg']);
    expect(connections(next).some((c) => c.key === key)).toBe(true);
  });

  it('admits an external network by its CIDRs, and refuses bad ports', () => {
    const { args } = unwrap(connectArgs(d, { ...initialConnectForm(d, 'vendornet', 'app-1'), presetId: 'ssh' }));
    expect(args.source).toEqual({ externalNetworkId: 'vendornet' });
    expect(connectArgs(d, { ...initialConnectForm(d, 'web-1', 'app-1'), presetId: 'custom', ports: 'abc' }).ok).toBe(false);
  });
});
