import { describe, expect, it } from 'vitest';
import { placer } from '../../placement/test-placer.ts';
import { renameResource, setLayout, unwrap } from '../../../core/model/index.ts';
import { createFlowAdapter } from './design-to-flow.ts';

function build() {
  const p = placer();
  const vpc = p.place('vpc');
  const pub = p.place('public-subnet', { vpcId: vpc });
  const web1 = p.place('instance', { subnetId: pub });
  const web2 = p.place('instance', { subnetId: pub });
  return { d: p.design, vpc, pub, web1, web2 };
}

describe('design to React Flow nodes', () => {
  it('orders parents before children and nests with relative positions', () => {
    const { d, vpc, pub, web1 } = build();
    const nodes = createFlowAdapter()(d, null);
    const ids = nodes.map((n) => n.id);
    expect(ids.indexOf(vpc)).toBeLessThan(ids.indexOf(pub));
    expect(ids.indexOf(pub)).toBeLessThan(ids.indexOf(web1));
    const web = nodes.find((n) => n.id === web1)!;
    expect(web).toMatchObject({ type: 'resource', parentId: pub, data: { entityId: web1 }, position: d.layout[web1], ariaLabel: 'web-1, EC2 instance' });
    expect(web.extent).toBeUndefined();
    expect(nodes.find((n) => n.id === pub)).toMatchObject({ type: 'subnet', parentId: vpc, extent: 'parent', ariaLabel: 'public-a, subnet' });
  });

  it('keeps unchanged node objects identical when one node moves', () => {
    const { d, vpc, pub, web1, web2 } = build();
    const toFlow = createFlowAdapter();
    const before = toFlow(d, null);
    const moved = unwrap(setLayout(d, { [web1]: { x: d.layout[web1]!.x - 5, y: d.layout[web1]!.y } }));
    const after = toFlow(moved, null);
    const same = (id: string) => before.find((n) => n.id === id) === after.find((n) => n.id === id);
    expect(same(web1)).toBe(false);
    expect([same(web2), same(pub), same(vpc)]).toEqual([true, true, true]);
  });

  it('rebuilds only the nodes whose selection or label changed', () => {
    const { d, web1, web2 } = build();
    const toFlow = createFlowAdapter();
    const before = toFlow(d, null);
    const selected = toFlow(d, web1);
    expect(selected.find((n) => n.id === web1)!.selected).toBe(true);
    expect(selected.find((n) => n.id === web2)).toBe(before.find((n) => n.id === web2));
    const renamed = toFlow(unwrap(renameResource(d, web2, 'frontend')), web1);
    expect(renamed.find((n) => n.id === web2)!.ariaLabel).toBe('frontend, EC2 instance');
    expect(renamed.find((n) => n.id === web1)).toBe(selected.find((n) => n.id === web1));
  });
});
