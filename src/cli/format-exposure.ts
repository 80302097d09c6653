/** An exposure answer for people (one line per thing reached, then its chain) and for machines (JSON). */
import type { ChainHop, ExposureEntry, ExposureResult } from '../core/engine/types.ts';
import type { Design } from '../core/model/types.ts';
import { componentLabel, shortList } from './format-reach.ts';

type Namer = (id: string) => string;

/** Names for the ids a chain mentions: resources, listeners, target groups, external networks. */
function namer(design: Design): Namer {
  const names = new Map<string, string>([['internet', 'Internet']]);
  for (const n of Object.values(design.externalNetworks)) names.set(n.id, n.name);
  for (const r of Object.values(design.resources)) {
    names.set(r.id, r.name || r.id);
    if (r.kind !== 'load-balancer') continue;
    for (const l of r.listeners) names.set(l.id, `listener ${l.protocol} ${l.port}`);
    for (const t of r.targetGroups) names.set(t.id, `target group ${t.name}`);
  }
  return (id) => names.get(id) ?? id;
}

function chainStep(hop: ChainHop, name: Namer): string {
  return `${name(hop.from)} -> ${name(hop.to)} ${hop.traffic}${hop.via ? ` (${name(hop.via)})` : ''}`;
}

function entryLines(entry: ExposureEntry, name: Namer): string[] {
  const only = entry.sources?.length ? ` (only from ${shortList(entry.sources)})` : '';
  const head = `  ${componentLabel(entry.resourceName, entry.resourceId)}: ${entry.traffic}${only}`;
  if (entry.chain.length <= 1) return [head];
  return [head, `    through: ${entry.chain.map((hop) => chainStep(hop, name)).join('; ')}`];
}

/** The text form: what the source reaches, in the engine's order, each chain step by name. */
export function formatExposureText(result: ExposureResult, from: string, design: Design): string {
  if (result.entries.length === 0) return `${from} reaches nothing in the design.\n`;
  const count = result.entries.length === 1 ? '1 resource' : `${result.entries.length} resources`;
  const name = namer(design);
  const lines = [`${from} reaches ${count}:`, ...result.entries.flatMap((e) => entryLines(e, name))];
  return `${lines.join('\n')}\n`;
}

export function formatExposureJson(result: ExposureResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
