/**
 * The answer the Paths panel and the canvas show for a query, computed from the design by the
 * engine (exposure, reach, reverseExposure) and put into words and canvas marks. Pure: the app
 * runs it debounced when the network or the query changes, never on a drag frame.
 */
import {
  exposure,
  reach,
  reverseExposure,
  summariseExposure,
  type ChainHop,
  type ReachResult,
  type ReachRoute,
} from '../../../core/engine/index.ts';
import type { Design } from '../../../core/model/index.ts';
import { resourceKindLabel } from '../labels.ts';
import { anchorNode, anchorOf, type Anchor, type FlowEnds } from './anchors.ts';
import { CanvasBuilder, type PathCanvas } from './canvas-marks.ts';
import { chainIdName, endExists, endName, endpointOf, filterLabel, flowOf, nodeOfChainId, nodeOfEnd, type PathEnd, type PathQuery } from './query.ts';
import { BLOCKER_SHORT, COMPONENT_LABEL } from './words.ts';

export type { PathCanvas, PathEdgeSpec } from './canvas-marks.ts';

export interface ChainStep {
  /** The chain's id for it: 'internet', a network id or a resource id. */
  id: string;
  name: string;
  /** What the step before it opens to it ("tcp 8080"); empty for the first. */
  traffic: string;
}

/** One way in: a chain of hops, each with the traffic it carries. */
export interface RouteRow {
  traffic: string;
  sources?: string;
  steps: ChainStep[];
  /** "Internet → web-1 (tcp 80, 443) → app-1 (tcp 8080)" */
  words: string;
}

export interface ReachRow {
  resourceId: string;
  name: string;
  kind: string;
  traffic: string;
  routes: RouteRow[];
}

export interface HopRow {
  componentId: string;
  typeLabel: string;
  name: string;
  direction?: string;
  detail?: string;
  blocked: boolean;
}

export interface BlockerRow {
  code: string;
  short: string;
  message: string;
  typeLabel: string;
  componentName: string;
  path: 'forward' | 'return';
  /** The first component that blocks; the others would block too once it is fixed. */
  first: boolean;
  /** Where it is on the canvas, to focus it. */
  focusId?: string;
}

export interface TargetView {
  sourceName: string;
  targetName: string;
  verdict: 'reachable' | 'unreachable';
  /** What gets through when it is less than asked. */
  admitted?: string;
  hops: HopRow[];
  blockers: BlockerRow[];
  /** Ways in through other hosts (exposure's chains), when there are any. */
  chains: RouteRow[];
}

export interface ReacherRow {
  sourceId: string;
  sourceName: string;
  kind: 'internet' | 'external' | 'resource';
  /** The canvas node of the source, when it is drawn. */
  nodeId?: string;
  traffic: string;
  routes: RouteRow[];
}

export interface PathsView {
  query: PathQuery;
  heading: string;
  /** What the question is about, in words: the source ("the Internet") or, for who-can-reach, the target. */
  subject: string;
  flowLabel: string;
  reachable?: ReachRow[];
  target?: TargetView;
  reachers?: ReacherRow[];
  /** Why nothing can be answered (an end was deleted). */
  problem?: string;
  canvas: PathCanvas;
}

function routeRow(d: Design, r: ReachRoute): RouteRow {
  const first = r.chain[0];
  const steps: ChainStep[] = first ? [{ id: first.from, name: chainIdName(d, first.from), traffic: '' }] : [];
  // The last hop says what arrives, within the filter (a hop's own traffic is not filtered).
  r.chain.forEach((h, i) => steps.push({ id: h.to, name: chainIdName(d, h.to), traffic: i === r.chain.length - 1 ? r.traffic : h.traffic }));
  const words = steps.map((s, i) => (i === 0 ? s.name : `${s.name} (${s.traffic})`)).join(' → ');
  return { traffic: r.traffic, ...(r.sources ? { sources: r.sources } : {}), steps, words };
}

/** The hosts a chain passes on its way (not its end), so they are not dimmed under their own path. */
function markVia(d: Design, canvas: CanvasBuilder, chain: readonly ChainHop[]) {
  for (const h of chain.slice(0, -1)) {
    const via = nodeOfChainId(d, h.to);
    if (via) canvas.mark(via, 'route', '');
  }
}

/** Chain edges of a route, between the canvas nodes its hops join; the last says what arrives (`traffic`, within the filter). */
function drawChain(d: Design, canvas: CanvasBuilder, chain: readonly ChainHop[], traffic: string) {
  chain.forEach((h, i) => {
    const from = nodeOfChainId(d, h.from);
    const to = nodeOfChainId(d, h.to);
    if (from && to) canvas.edge(from, to, 'reach', i === chain.length - 1 ? traffic : h.traffic);
  });
}

/** Computes the view for a query; every answer comes from the engine. */
export function computePaths(d: Design, query: PathQuery): PathsView {
  const flowLabel = filterLabel(query.filter);
  const flow = flowOf(query.filter);
  const canvas = new CanvasBuilder();
  if (query.mode === 'to') {
    const target = d.resources[query.target];
    const subject = target?.name ?? query.target;
    const heading = `Who can reach ${subject}?`;
    if (!target) return { query, heading, subject, flowLabel, problem: `${query.target} is no longer in the design.`, canvas: canvas.build(false) };
    const answer = reverseExposure(d, target.id, { flow });
    const reachers = answer.reachers.map((x): ReacherRow => {
      const [row] = summariseExposure(d, x.source, x.entries);
      const nodeId = nodeOfChainId(d, x.sourceId);
      return { sourceId: x.sourceId, sourceName: x.sourceName, kind: x.sourceKind, ...(nodeId ? { nodeId } : {}), traffic: row!.traffic, routes: row!.routes.map((r) => routeRow(d, r)) };
    });
    canvas.mark(target.id, 'target', reachers.length === 0 ? 'nobody' : `${reachers.length} ${reachers.length === 1 ? 'source' : 'sources'}`);
    for (const x of reachers) if (x.nodeId) canvas.mark(x.nodeId, 'reacher', x.traffic);
    for (const x of answer.reachers) {
      const first = x.entries[0]!;
      markVia(d, canvas, first.chain);
      drawChain(d, canvas, first.chain, first.traffic);
    }
    return { query, heading, subject, flowLabel, reachers, canvas: canvas.build(true) };
  }

  const source = query.source;
  const sourceName = endName(d, source);
  const heading = query.target ? `From ${sourceName} to ${endName(d, query.target)}` : `Reach from ${sourceName}`;
  const subject = sourceName;
  if (!endExists(d, source)) return { query, heading, subject, flowLabel, problem: `${sourceName} is no longer in the design.`, canvas: canvas.build(false) };
  if (query.target && !endExists(d, query.target)) return { query, heading, subject, flowLabel, problem: `${endName(d, query.target)} is no longer in the design.`, canvas: canvas.build(false) };
  const sourceNode = nodeOfEnd(d, source);
  const entries = exposure(d, endpointOf(source), { flow }).entries;
  const rows = summariseExposure(d, endpointOf(source), entries);
  if (sourceNode) canvas.mark(sourceNode, 'source', '');

  if (!query.target) {
    const reachable = rows.map(
      (r): ReachRow => ({ resourceId: r.resourceId, name: r.resourceName, kind: kindOf(d, r.resourceId), traffic: r.traffic, routes: r.routes.map((x) => routeRow(d, x)) }),
    );
    for (const r of rows) {
      canvas.mark(r.resourceId, 'reached', r.traffic);
      markVia(d, canvas, r.routes[0]!.chain);
      drawChain(d, canvas, r.routes[0]!.chain, r.routes[0]!.traffic);
    }
    return { query, heading, subject, flowLabel, reachable, canvas: canvas.build(true) };
  }

  const target = query.target;
  const result = reach(d, endpointOf(source), endpointOf(target), flow);
  const targetNode = nodeOfEnd(d, target);
  const targetRow = target.kind === 'resource' ? rows.find((r) => r.resourceId === target.id) : undefined;
  // Ways in through other hosts: exposure's chains to the target, direct ones left to the hop list.
  const chains = (targetRow?.routes ?? []).filter((r) => r.chain.length > 1);
  const view = targetView(d, source, target, result, chains.map((r) => routeRow(d, r)));
  const reachedOn = result.verdict === 'reachable' ? (result.admitted?.traffic ?? flowLabel) : targetRow?.traffic;
  if (targetNode) canvas.mark(targetNode, 'target', reachedOn ?? 'unreachable');
  drawRoute(d, canvas, source, target, result, flowLabel);
  for (const c of chains) {
    markVia(d, canvas, c.chain);
    drawChain(d, canvas, c.chain, c.traffic);
  }
  return { query, heading, subject, flowLabel, target: view, canvas: canvas.build(true) };
}

function kindOf(d: Design, id: string): string {
  const r = d.resources[id];
  return r ? resourceKindLabel(r) : '';
}

function endsOf(source: PathEnd, target: PathEnd, result: ReachResult): FlowEnds {
  return {
    ...(source.kind === 'resource' ? { sourceResource: source.id } : {}),
    ...(target.kind === 'resource' ? { destinationResource: target.id } : {}),
    ...(result.sourceEniId ? { sourceEni: result.sourceEniId } : {}),
    ...(result.destinationEniId ? { destinationEni: result.destinationEniId } : {}),
  };
}

/** Hops after the destination itself are the reply's (listed only when the reply is what blocks). */
function hopPaths(result: ReachResult, target: PathEnd): Array<'forward' | 'return'> {
  const targetId = target.kind === 'resource' ? target.id : target.kind === 'external' ? target.id : 'internet';
  const at = result.path.findIndex((h) => h.componentId === targetId && ['resource', 'load-balancer', 'internet', 'external-network'].includes(h.componentType));
  return result.path.map((_, i) => (at >= 0 && i > at ? 'return' : 'forward'));
}

function targetView(d: Design, source: PathEnd, target: PathEnd, result: ReachResult, chains: RouteRow[]): TargetView {
  const ends = endsOf(source, target, result);
  const first = result.explanations[0];
  const hops = result.path.map(
    (h, i): HopRow => ({
      componentId: h.componentId,
      typeLabel: COMPONENT_LABEL[h.componentType],
      name: h.name,
      ...(h.direction ? { direction: h.direction } : {}),
      ...(h.detail ? { detail: h.detail } : {}),
      blocked: result.verdict === 'unreachable' && i === result.path.length - 1 && first?.componentId === h.componentId,
    }),
  );
  const blockers = result.explanations.map((e, i): BlockerRow => {
    const anchor = anchorOf(d, ends, e);
    return {
      code: e.code,
      short: BLOCKER_SHORT[e.code],
      message: e.message,
      typeLabel: COMPONENT_LABEL[e.componentType],
      componentName: e.componentName,
      path: e.path,
      first: i === 0,
      ...(anchor ? { focusId: anchor.kind === 'chip' ? anchor.groupId : anchorNode(anchor) } : {}),
    };
  });
  return {
    sourceName: endName(d, source),
    targetName: endName(d, target),
    verdict: result.verdict,
    ...(result.admitted?.traffic ? { admitted: result.admitted.traffic } : {}),
    hops,
    blockers,
    chains,
  };
}

/**
 * The direct flow on the canvas: the nodes its hops pass (gateways, the load balancer), the
 * subnets whose ACL and routes it crosses; when blocked, every blocking component in red and the
 * last segment drawn as blocked.
 */
function drawRoute(d: Design, canvas: CanvasBuilder, source: PathEnd, target: PathEnd, result: ReachResult, flowLabel: string) {
  const ends = endsOf(source, target, result);
  const paths = hopPaths(result, target);
  const sequence: string[] = [];
  const sourceNode = nodeOfEnd(d, source);
  const targetNode = nodeOfEnd(d, target);
  if (sourceNode) sequence.push(sourceNode);
  result.path.forEach((h, i) => {
    if (paths[i] === 'return') return;
    const a = anchorOf(d, ends, { ...h, path: 'forward' });
    if (!a) return;
    if (a.kind === 'container') canvas.mark(a.id, 'route', '');
    else if (a.kind === 'node' && a.id !== sourceNode && a.id !== targetNode) canvas.mark(a.id, 'route', '');
    const node = a.kind === 'container' ? undefined : anchorNode(a);
    if (node && sequence.at(-1) !== node) sequence.push(node);
  });
  const blocked = result.verdict === 'unreachable';
  result.explanations.forEach((e, i) => {
    const a: Anchor | undefined = anchorOf(d, ends, e);
    if (a) canvas.block(a, BLOCKER_SHORT[e.code], i === 0);
  });
  if (blocked && sequence.length === 1 && targetNode && targetNode !== sequence[0]) sequence.push(targetNode);
  // The edge says what is blocked; the component's own badge says why.
  const label = blocked ? flowLabel : (result.admitted?.traffic ?? flowLabel);
  for (let i = 1; i < sequence.length; i++) {
    const last = i === sequence.length - 1;
    canvas.edge(sequence[i - 1]!, sequence[i]!, blocked && last ? 'blocked' : 'route', last ? label : undefined);
  }
}
