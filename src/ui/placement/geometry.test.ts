import { describe, expect, it } from 'vitest';
import { placer } from './test-placer.ts';
import { setLayout, unwrap } from '../../core/model/index.ts';
import { absoluteRects, containerAt, designGeometry, freeSlot, relativePosition } from './geometry.ts';
import { PAD, RESOURCE_SIZE, SUBNET_HEADER, SUBNET_MIN, VPC_HEADER } from './sizes.ts';

function build() {
  const p = placer();
  const vpc = p.place('vpc');
  const subnet = p.place('public-subnet', { vpcId: vpc });
  const web = p.place('instance', { subnetId: subnet });
  return { d: p.design, vpc, subnet, web };
}

describe('designGeometry', () => {
  it('lists parents before children, with positions relative to the parent', () => {
    const { d, vpc, subnet, web } = build();
    const nodes = designGeometry(d);
    const index = (id: string) => nodes.findIndex((n) => n.id === id);
    expect(index(vpc)).toBeLessThan(index(subnet));
    expect(index(subnet)).toBeLessThan(index(web));
    expect(nodes[index(subnet)]).toMatchObject({ parentId: vpc, x: PAD, y: VPC_HEADER });
    expect(nodes[index(web)]).toMatchObject({ parentId: subnet, x: PAD, y: SUBNET_HEADER });
  });

  it('grows a subnet (and its VPC) to fit a child moved past its edge', () => {
    const { d, subnet, web, vpc } = build();
    const moved = unwrap(setLayout(d, { [web]: { x: 600, y: 500 } }));
    const nodes = designGeometry(moved);
    const s = nodes.find((n) => n.id === subnet)!;
    expect(s.width).toBe(600 + RESOURCE_SIZE.width + PAD);
    expect(s.height).toBe(500 + RESOURCE_SIZE.height + PAD);
    const v = nodes.find((n) => n.id === vpc)!;
    expect(v.width).toBeGreaterThanOrEqual(s.x + s.width + PAD);
  });

  it('keeps the minimum size of an empty subnet', () => {
    const { d, subnet } = build();
    const empty = designGeometry({ ...d, resources: {} }).find((n) => n.id === subnet)!;
    expect({ width: empty.width, height: empty.height }).toEqual(SUBNET_MIN);
  });
});

describe('containerAt', () => {
  it('finds the innermost container under a point', () => {
    const { d, vpc, subnet } = build();
    const nodes = designGeometry(d);
    const abs = absoluteRects(nodes);
    const s = abs.get(subnet)!;
    const v = abs.get(vpc)!;
    expect(containerAt(nodes, { x: s.x + 5, y: s.y + 5 })).toEqual({ subnetId: subnet, vpcId: vpc });
    expect(containerAt(nodes, { x: v.x + v.width - 3, y: v.y + v.height - 3 })).toEqual({ vpcId: vpc });
    expect(containerAt(nodes, { x: -500, y: -500 })).toEqual({});
  });
});

describe('relativePosition and freeSlot', () => {
  it('centres a dropped node on the point, inside the parent and below its title', () => {
    const { d, subnet } = build();
    const nodes = designGeometry(d);
    const s = absoluteRects(nodes).get(subnet)!;
    expect(relativePosition(nodes, subnet, RESOURCE_SIZE, { x: s.x + 200, y: s.y + 200 })).toEqual({
      x: 200 - RESOURCE_SIZE.width / 2,
      y: 200 - RESOURCE_SIZE.height / 2,
    });
    expect(relativePosition(nodes, subnet, RESOURCE_SIZE, { x: s.x, y: s.y })).toEqual({ x: PAD / 2, y: SUBNET_HEADER });
  });

  it('takes the next free slot row by row', () => {
    const taken = [{ x: 0, y: 0, width: 100, height: 50 }];
    expect(freeSlot(taken, { width: 100, height: 50 }, { x: 0, y: 0 }, 2)).toEqual({ x: 128, y: 0 });
    expect(freeSlot(taken, { width: 100, height: 50 }, { x: 0, y: 0 }, 1)).toEqual({ x: 0, y: 78 });
  });
});
