/**
 * reachMatrix(): every ordered pair of resources and what gets from one to the other (both
 * families, every interface pair). Only pairs whose destination groups could admit the source
 * are evaluated (peer-index.ts), which keeps the common case cheap.
 */
import { TrafficSet } from '../net/index.ts';
import type { Design } from '../model/types.ts';
import type { Flow, ReachMatrix } from './types.ts';
import { compile } from './compile.ts';
import { askedTraffic } from './flow-traffic.ts';
import { resourceGrant, trafficRanges } from './grants.ts';
import { possibleTargets } from './peer-index.ts';

/** All-pairs reachability between resources, for `flow` (default: all traffic). */
export function reachMatrix(design: Design, flow?: Flow): ReachMatrix {
  const ix = compile(design);
  const asked = flow ? askedTraffic(flow) : TrafficSet.all();
  const resources = [...ix.resources.values()];
  const matrix: ReachMatrix = { resourceIds: resources.map((r) => r.resource.id), reachable: [] };
  for (const a of resources) {
    for (const b of possibleTargets(ix, a)) {
      if (b.resource.kind === 'lambda') continue;
      const traffic = resourceGrant(ix, a, b, asked);
      if (traffic.isEmpty()) continue;
      matrix.reachable.push({ from: a.resource.id, to: b.resource.id, traffic: traffic.describe(), ranges: trafficRanges(traffic) });
    }
  }
  return matrix;
}
