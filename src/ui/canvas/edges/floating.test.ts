import { describe, expect, it } from 'vitest';
import { Position } from '@xyflow/react';
import { facingSide, ruleCurve } from './floating.ts';

const card = { x: 0, y: 0, width: 200, height: 100 };

describe('facingSide', () => {
  it('leaves by the side that faces the other node', () => {
    expect(facingSide(card, { ...card, x: 400 })).toEqual({ x: 200, y: 50, position: Position.Right });
    expect(facingSide(card, { ...card, x: -400 })).toEqual({ x: 0, y: 50, position: Position.Left });
    expect(facingSide(card, { ...card, y: 300 })).toEqual({ x: 100, y: 100, position: Position.Bottom });
    expect(facingSide(card, { ...card, x: 50, y: -300 })).toEqual({ x: 100, y: 0, position: Position.Top });
  });
});

describe('ruleCurve', () => {
  it('runs from anchor to anchor and puts the label a third of the way, on the curve', () => {
    const c = ruleCurve({ x: 0, y: 0, position: Position.Bottom }, { x: 0, y: 300, position: Position.Top });
    expect(c.path).toBe('M 0,0 C 0,105 0,195 0,300');
    expect(c.labelX).toBe(0);
    expect(c.labelY).toBeGreaterThan(60);
    expect(c.labelY).toBeLessThan(120);
  });
});
