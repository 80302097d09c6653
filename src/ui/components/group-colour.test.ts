import { describe, expect, it } from 'vitest';
import { GROUP_COLOURS, groupColour, hashId } from './group-colour.ts';

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
});
