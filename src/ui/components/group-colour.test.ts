import { describe, expect, it } from 'vitest';
import { GROUP_COLOURS, groupColour, groupColourIn, hashId } from './group-colour.ts';

describe('groupColour', () => {
  it('gives a group the same colour every time', () => {
    expect(groupColour('sg-tw3')).toBe(groupColour('sg-tw3'));
    expect(hashId('sg-0abc')).toBe(hashId('sg-0abc'));
  });

  it('spreads consecutive drawn ids over several colours', () => {
    const used = new Set(Array.from({ length: 10 }, (_, i) => groupColour(`sg-tw${i + 1}`)));
    expect(used.size).toBeGreaterThanOrEqual(6);
    expect(GROUP_COLOURS).toHaveLength(10);
  });

  it("gives a design's first ten groups ten different colours, in the design's order", () => {
    const groups = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`sg-${i}`, {}]));
    const colours = Object.keys(groups).map((id) => groupColourIn(groups, id));
    expect(new Set(colours.slice(0, 10)).size).toBe(10);
    expect(colours[0]).toBe(GROUP_COLOURS[0]);
    expect(colours[10]).toBe(GROUP_COLOURS[0]);
    expect(groupColourIn(groups, 'sg-elsewhere')).toBe(groupColour('sg-elsewhere'));
  });
});
