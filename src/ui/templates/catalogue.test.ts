import { describe, expect, it } from 'vitest';
import { isPublicSubnet, routeTableOf, validateDesign } from '../../core/model/index.ts';
import { TEMPLATES } from './catalogue.ts';

describe('the built-in templates', () => {
  it.each(TEMPLATES.map((t) => [t.name, t] as const))('%s builds a valid, fully laid-out design', (_name, template) => {
    const d = template.build();
    const valid = validateDesign(JSON.parse(JSON.stringify(d)));
    expect(valid.ok ? 'valid' : valid.error.message).toBe('valid');
    for (const collection of ['vpcs', 'subnets', 'resources', 'externalNetworks'] as const) {
      for (const id of Object.keys(d[collection])) expect(d.layout[id], `${collection} ${id} has a position`).toBeDefined();
    }
  });

  it('three-tier: public ALB, private app and database, app subnet routed through the NAT gateway', () => {
    const d = TEMPLATES.find((t) => t.id === 'three-tier')!.build();
    const byName = Object.fromEntries(Object.values(d.subnets).map((s) => [s.name, s]));
    expect(Object.keys(byName).sort()).toEqual(['private-a', 'private-b', 'public-a', 'public-b']);
    expect(isPublicSubnet(d, byName['public-a']!)).toBe(true);
    expect(isPublicSubnet(d, byName['private-a']!)).toBe(false);
    expect(routeTableOf(d, byName['private-a']!)!.routes).toContainEqual(expect.objectContaining({ target: expect.objectContaining({ kind: 'nat-gateway' }) }));
    expect(Object.values(d.resources).map((r) => r.name).sort()).toEqual(['alb-1', 'app-asg-1', 'db-1']);
  });
});
