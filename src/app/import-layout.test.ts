/**
 * autoLayout (core) mirrors the canvas's node sizes because core cannot import the UI; this checks
 * the two agree: the canvas draws an auto-laid-out design exactly where the layout put each node,
 * with the sizes it gave, growing and moving nothing.
 */
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../bench/generate-design.ts';
import { autoLayout } from '../core/layout/index.ts';
import type { Design } from '../core/model/index.ts';
import { TEMPLATES } from '../core/templates/index.ts';
import { designGeometry } from '../ui/placement/geometry.ts';

async function drawnAsLaidOut(d: Design) {
  const laid = await autoLayout({ ...d, layout: {} });
  const nodes = designGeometry(laid);
  expect(nodes.length).toBe(Object.keys(laid.layout).length);
  for (const n of nodes) {
    const l = laid.layout[n.id];
    expect({ id: n.id, x: n.x, y: n.y, width: n.width, height: n.height }).toEqual({ id: n.id, x: l?.x, y: l?.y, width: l?.width, height: l?.height });
  }
}

describe('the canvas draws an auto-laid-out design as laid out', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('template %s', async (_id, t) => drawnAsLaidOut(t.build()));
  it('a generated design of about 100 resources', async () => drawnAsLaidOut(generateDesign({ enis: 160, seed: 11 })));
});
