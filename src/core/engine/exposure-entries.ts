/** How exposure() writes what it found: chain hops and entries, traffic described only when emitted. */
import { PROTOCOL_TCP, type TrafficSet } from '../net/index.ts';
import type { ChainHop, ExposureEntry } from './types.ts';
import type { ResourceInfo } from './compiled.ts';
import type { Sources } from './exposure-coverage.ts';
import { trafficRanges } from './grants.ts';

export function hop(from: string, to: ResourceInfo, traffic: TrafficSet, via?: string): ChainHop {
  const r = to.resource;
  let v = via;
  if (v === undefined && r.kind === 'load-balancer') {
    const hit = r.listeners.filter((l) => traffic.containsPacket(PROTOCOL_TCP, l.port));
    if (hit.length > 0) v = hit.map((l) => l.id).join(',');
  }
  return { from, to: r.id, traffic: traffic.describe(), ...(v ? { via: v } : {}) };
}

const cidrTexts = new WeakMap<object, string[]>();

/** Source sets are shared by every entry of a node: convert each to CIDRs once (entries share the list: read it, do not change it). */
function sourceCidrs(s: NonNullable<Sources>): string[] {
  let hit = cidrTexts.get(s);
  if (!hit) cidrTexts.set(s, (hit = [...s[4].toCidrs(), ...s[6].toCidrs()].map((c) => c.text)));
  return hit;
}

/** `full`: the whole source's addresses; an entry lists its sources only when they are fewer. */
export function toEntry(res: ResourceInfo, shown: TrafficSet, s: Sources, chain: ChainHop[], full: Sources): ExposureEntry {
  const entry: ExposureEntry = {
    resourceId: res.resource.id,
    resourceName: res.resource.name,
    traffic: shown.describe(),
    ranges: trafficRanges(shown),
    chain,
  };
  if (s && full) {
    const restricted = ([4, 6] as const).some((f) => !s[f].isEmpty() && !s[f].equals(full[f]));
    // One list per source set, as `ranges` is one object per traffic set: a thousand entries from the
    // same sources would otherwise each copy the same hundred CIDRs.
    if (restricted) entry.sources = sourceCidrs(s);
  }
  return entry;
}
