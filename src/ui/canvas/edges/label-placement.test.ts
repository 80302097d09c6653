import { describe, expect, it } from 'vitest';
import { facingSide, ruleCurve } from './floating.ts';
import { defaultLabelAt, labelBox, placeLabels, type Obstacle } from './label-placement.ts';

const corpnet = { x: 0, y: 0, width: 220, height: 84 };
const db = { x: 0, y: 600, width: 248, height: 144 };
const web = { x: 0, y: 200, width: 248, height: 144 };
const boxes = new Map([['corpnet', corpnet], ['db', db], ['web', web]]);
const card = (b: typeof web): Obstacle => ({ ...b, weight: 1 });
const edge = (id: string, lane = 0) => ({ id, source: 'corpnet', target: 'db', label: 'tcp 22, 3389', lane });

/** The label's box where `at` puts it on the corpnet -> db curve. */
const boxAt = (at: number) => {
  const p = ruleCurve(facingSide(corpnet, db), facingSide(db, corpnet), at);
  return labelBox('tcp 22, 3389', p.labelX, p.labelY);
};
const covers = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('placeLabels', () => {
  it('keeps the default third of the way when nothing is in the way', () => {
    expect(placeLabels([edge('e')], boxes, [card(corpnet), card(db)]).get('e')).toBe(defaultLabelAt(0));
  });

  it('moves a label off a card the edge passes over, to a point of the same curve', () => {
    expect(covers(boxAt(defaultLabelAt(0)), web)).toBe(true);
    const at = placeLabels([edge('e')], boxes, [card(corpnet), card(web), card(db)]).get('e')!;
    expect(at).not.toBe(defaultLabelAt(0));
    expect(covers(boxAt(at), web)).toBe(false);
    expect(covers(boxAt(at), db)).toBe(false);
  });

  it('keeps two labels on one curve apart', () => {
    const places = placeLabels([edge('a'), edge('b')], boxes, [card(corpnet), card(db)]);
    expect(covers(boxAt(places.get('a')!), boxAt(places.get('b')!))).toBe(false);
  });

  it('leaves an edge whose ends are unknown at its lane default', () => {
    expect(placeLabels([{ ...edge('e', 2), source: 'gone' }], boxes, []).get('e')).toBe(defaultLabelAt(2));
  });
});
