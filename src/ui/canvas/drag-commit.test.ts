import { describe, expect, it } from 'vitest';
import { placer } from '../placement/test-placer.ts';
import { emptyDesign } from '../../core/model/index.ts';
import { absoluteRects, designGeometry } from '../placement/geometry.ts';
import { commitDrag } from './drag-commit.ts';
import { designStore, openDesign, undo } from '../store/index.ts';

const state = () => designStore.getState();
const history = () => designStore.temporal.getState();

function build() {
  const p = placer();
  const vpc = p.place('vpc');
  const pub = p.place('public-subnet', { vpcId: vpc });
  const priv = p.place('private-subnet', { vpcId: vpc });
  const web = p.place('instance', { subnetId: pub });
  return { d: p.design, vpc, pub, priv, web };
}

describe('commitDrag', () => {
  it('stores the new position of a resource that stayed in its subnet', () => {
    const { d, web } = build();
    const r = commitDrag(d, [{ id: web, position: { x: 40, y: 90 } }]);
    expect(r.ok && r.value.layout[web]).toEqual({ x: 40, y: 90 });
  });

  it('moves a resource dropped into another subnet: new subnet, new address', () => {
    const { d, pub, priv, web } = build();
    const abs = absoluteRects(designGeometry(d));
    const from = abs.get(pub)!;
    const to = abs.get(priv)!;
    // Relative to the old subnet, at the middle of the new one.
    const position = { x: to.x - from.x + 40, y: to.y - from.y + 80 };
    const r = commitDrag(d, [{ id: web, position }]);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.resources[web]!.enis[0]).toMatchObject({ subnetId: priv, privateIps: ['10.0.2.4'] });
    expect(r.value.layout[web]).toEqual({ x: 40, y: 80 });
  });

  it('refuses a resource dropped outside every subnet and changes nothing', () => {
    const { d, web } = build();
    const r = commitDrag(d, [{ id: web, position: { x: -2000, y: -2000 } }]);
    expect(!r.ok && r.error.message).toBe('web-1 must stay inside a subnet: drop it onto a subnet to move it there.');
  });

  it('returns the same design when nothing moved', () => {
    const { d, vpc } = build();
    const r = commitDrag(d, [{ id: vpc, position: { x: 0, y: 0 } }]);
    expect(r.ok && r.value).toBe(d);
  });
});

describe('a finished drag', () => {
  it('is one undo step, even when it moves a resource into another subnet', () => {
    openDesign(emptyDesign());
    state().place('vpc', {});
    const vpc = state().selectedId!;
    state().place('public-subnet', { vpcId: vpc });
    const pub = state().selectedId!;
    state().place('private-subnet', { vpcId: vpc });
    const priv = state().selectedId!;
    state().place('instance', { subnetId: pub });
    const web = state().selectedId!;
    const steps = history().pastStates.length;
    const d = state().design;
    const offset = { x: d.layout[priv]!.x - d.layout[pub]!.x + 40, y: d.layout[priv]!.y - d.layout[pub]!.y + 80 };
    expect(state().apply(commitDrag(d, [{ id: web, position: offset }]))).toBe(true);
    expect(state().design.resources[web]!.enis[0]!.subnetId).toBe(priv);
    expect(history().pastStates.length).toBe(steps + 1);
    undo();
    expect(state().design.resources[web]!.enis[0]!.subnetId).toBe(pub);
    expect(state().design.layout[web]).toEqual(d.layout[web]);
  });
});

describe('commitDrag on a design without positions (an import)', () => {
  it('freezes every auto-placed node where it is drawn, along with the move', () => {
    const { d, web, vpc } = build();
    const bare = { ...d, layout: {} };
    const r = commitDrag(bare, [{ id: web, position: { x: 40, y: 90 } }]);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.layout[web]).toEqual({ x: 40, y: 90 });
    expect(r.value.layout[vpc]).toEqual({ x: 0, y: 0 });
    expect(Object.keys(r.value.layout).length).toBeGreaterThanOrEqual(4);
  });
});
