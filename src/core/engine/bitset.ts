/** Bit sets as Uint32Arrays (32 members a word), as exposure and the peer index keep them. */

export function setBit(bits: Uint32Array, n: number): void {
  bits[n >>> 5]! |= 1 << (n & 31);
}

/** `bits` |= `other`, word by word (same length). */
export function orInto(bits: Uint32Array, other: Uint32Array): void {
  for (let w = 0; w < other.length; w++) bits[w]! |= other[w]!;
}

/** The first set bit at or after `from`, or `end` when there is none. */
export function nextBit(bits: Uint32Array, from: number, end: number): number {
  let w = from >>> 5;
  if (w >= bits.length) return end;
  let word = bits[w]! & (~0 << (from & 31));
  for (;;) {
    if (word !== 0) return Math.min(end, (w << 5) + 31 - Math.clz32(word & -word));
    if (++w >= bits.length) return end;
    word = bits[w]!;
  }
}
