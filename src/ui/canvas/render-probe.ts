/**
 * An opt-in render counter for performance tests: with `window.__tierwiseProbe = {}` set, node
 * components and the design-to-nodes derivation count their runs by key. Off by default (one
 * property read per render).
 */
type Probe = Record<string, number>;

declare global {
  interface Window {
    __tierwiseProbe?: Probe;
  }
}

export function probe(key: string): void {
  const counts = typeof window === 'undefined' ? undefined : window.__tierwiseProbe;
  if (counts) counts[key] = (counts[key] ?? 0) + 1;
}
