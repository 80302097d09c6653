/**
 * reverseExposure(): the reverse question of exposure(), "who can reach this resource?": the
 * Internet, each external network and each resource that reaches it, on what, and through which
 * chains. The answer for every source is exactly what exposure(source) reports for the target, so
 * the two questions never disagree.
 *
 * Running exposure from every resource would cost the square of the design, so the sources are
 * first narrowed to a superset of those that can matter: a backward walk from the target over
 * the edges exposure itself follows (a direct grant to the target or to a host that carries
 * chains further; a load balancer that has the target, or a carrier, registered behind a
 * listener). Only the resources the walk finds are asked.
 */
import { TrafficSet } from '../net/index.ts';
import type { Design } from '../model/types.ts';
import type { Endpoint, ExposureEntry, Flow } from './types.ts';
import type { CompiledDesign, ResourceInfo } from './compiled.ts';
import { compile } from './compile.ts';
import { exposure } from './exposure.ts';
import { resourceGrant } from './grants.ts';
import { possibleTargets } from './peer-index.ts';

/** One source that reaches the target. */
export interface Reacher {
  source: Endpoint;
  /** 'internet', an external network's id, or a resource's id (the id chains use). */
  sourceId: string;
  sourceName: string;
  sourceKind: 'internet' | 'external' | 'resource';
  /** What exposure(source) reports for the target: traffic, source addresses and chain. */
  entries: ExposureEntry[];
}

export interface ReverseExposureResult {
  target: string;
  /** The Internet first, then external networks, then resources, each in design order. */
  reachers: Reacher[];
}

export interface ReverseExposureOptions {
  /** Only report traffic within this flow at the target (hops that lead there are still followed). */
  flow?: Flow;
}

/** Who reaches `target` (a resource id): the Internet, external networks and resources, with chains. */
export function reverseExposure(design: Design, target: string, options: ReverseExposureOptions = {}): ReverseExposureResult {
  const result: ReverseExposureResult = { target, reachers: [] };
  const ix = compile(design);
  const dst = ix.resources.get(target);
  // Nothing connects to a Lambda function (LAMBDA_NO_INBOUND), and exposure never lists one.
  if (!dst || dst.resource.kind === 'lambda') return result;
  const ask = (source: Endpoint, sourceId: string, sourceName: string, sourceKind: Reacher['sourceKind']) => {
    const entries = exposure(design, source, options.flow ? { flow: options.flow } : {}).entries.filter((e) => e.resourceId === target);
    if (entries.length > 0) result.reachers.push({ source, sourceId, sourceName, sourceKind, entries });
  };
  const networks = Object.values(design.externalNetworks);
  ask({ kind: 'internet' }, 'internet', networks.find((n) => n.kind === 'internet')?.name ?? 'Internet', 'internet');
  for (const n of networks) if (n.kind !== 'internet') ask({ kind: 'external', externalNetworkId: n.id }, n.id, n.name, 'external');
  for (const res of candidateSources(ix, dst)) ask({ kind: 'resource', resourceId: res.resource.id }, res.resource.id, res.resource.name, 'resource');
  return result;
}

/** Hosts carry chains further (taken over); load balancers carry them to their registered targets. */
const carries = (r: ResourceInfo) => r.resource.kind === 'instance' || r.resource.kind === 'instance-group' || r.resource.kind === 'load-balancer';

/** Resources that might reach `dst`, directly or in a chain, in design order (a superset of those that do). */
function candidateSources(ix: CompiledDesign, dst: ResourceInfo): ResourceInfo[] {
  const reverse = reverseTargets(ix);
  const found = new Set<ResourceInfo>();
  const walked = new Set<ResourceInfo>([dst]);
  const queue: ResourceInfo[] = [dst];
  const reached = (x: ResourceInfo) => {
    if (x === dst) return;
    found.add(x);
    if (carries(x) && !walked.has(x)) {
      walked.add(x);
      queue.push(x);
    }
  };
  for (let i = 0; i < queue.length; i++) {
    const m = queue[i]!;
    for (const x of reverse.get(m) ?? []) if (!found.has(x) && !resourceGrant(ix, x, m, TrafficSet.all()).isEmpty()) reached(x);
    for (const lb of balancersOf(ix, m)) reached(lb);
  }
  return [...ix.resources.values()].filter((r) => found.has(r));
}

/** Per resource, the resources whose groups it might be admitted by turned around: who might open toward it. */
function reverseTargets(ix: CompiledDesign): Map<ResourceInfo, ResourceInfo[]> {
  const hit = ix.memo.get('reverse-targets') as Map<ResourceInfo, ResourceInfo[]> | undefined;
  if (hit) return hit;
  const out = new Map<ResourceInfo, ResourceInfo[]>();
  for (const src of ix.resources.values()) {
    for (const t of possibleTargets(ix, src)) {
      const list = out.get(t);
      if (list) list.push(src);
      else out.set(t, [src]);
    }
  }
  ix.memo.set('reverse-targets', out);
  return out;
}

/** Load balancers with `res` registered in a target group that one of their listeners forwards to. */
function balancersOf(ix: CompiledDesign, res: ResourceInfo): ResourceInfo[] {
  const out: ResourceInfo[] = [];
  for (const lb of ix.resources.values()) {
    const r = lb.resource;
    if (r.kind !== 'load-balancer' || lb === res) continue;
    const forwarded = new Set(r.listeners.map((l) => l.targetGroupId));
    if (r.targetGroups.some((tg) => forwarded.has(tg.id) && tg.targets.some((t) => t.resourceId === res.resource.id))) out.push(lb);
  }
  return out;
}
