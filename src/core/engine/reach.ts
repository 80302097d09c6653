/**
 * reach(): does a flow get from one endpoint to another, by which components, and if not, why
 * (network-semantics.md §5). Engine choices, each documented where it is made:
 * - several interfaces: reachable if any source interface reaches any destination interface; the
 *   answer reports the first pair that gets through (`sourceEniId`/`destinationEniId`), else the
 *   pair whose first blocker comes latest on the path (ties: the widest address range, then the
 *   first pair); `admitted` is the union over every pair that gets through;
 * - another VPC: over a peering on private addresses, or through the Internet to a public
 *   address, whichever works (candidates.ts);
 * - an external end without an address stands for all its addresses; `admitted.sources` says
 *   which get through (atoms.ts);
 * - families: see Flow.ipVersion (endpoints.ts);
 * - blockers after the first: evaluated as if the earlier ones let everything through (chain.ts);
 * - a load balancer, a Lambda function or a NAT gateway as destination is checked first
 *   (preconditions.ts), so its code leads the explanations.
 */
import { PROTOCOL_TCP, PROTOCOL_UDP, TrafficSet, type IpFamily } from '../net/index.ts';
import type { Design } from '../model/types.ts';
import type { Endpoint, Explanation, Flow, Hop, ReachResult } from './types.ts';
import { compile } from './compile.ts';
import type { CompiledDesign } from './compiled.ts';
import { askedTraffic } from './flow-traffic.ts';
import { familiesFor, resolveEnd, type End } from './endpoints.ts';
import { inboundCandidates, outboundCandidates, resourceCandidates, type Candidate } from './candidates.ts';
import { natHop, explain, hopOf } from './hops.ts';
import { rangesToCidrs, type Range } from './atoms.ts';
import { runChain, type ChainResult } from './chain.ts';

/** Whether `flow` gets from `source` to `destination` in `design`, the path, and why not. */
export function reach(design: Design, source: Endpoint, destination: Endpoint, flow: Flow): ReachResult {
  const ix = compile(design);
  const asked = askedTraffic(flow);
  const src = resolveEnd(ix, source);
  const dst = resolveEnd(ix, destination);
  if (asked.isEmpty()) return refused('PROTOCOL_RESTRICTION', hopOf('resource', '', 'flow'), 'The flow asks about no traffic: check its protocol, port and ICMP fields.');
  if (src.kind === 'missing') return refused('NO_NETWORK_INTERFACE', hopOf('resource', src.id, src.id), src.message);
  if (dst.kind === 'missing') return refused('NO_NETWORK_INTERFACE', hopOf('resource', dst.id, dst.id), dst.message);
  if (dst.kind === 'nat') {
    const hop = natHop(dst.nat, dst.nat.nat.id);
    return refused('NAT_NO_INBOUND', hop, `${dst.label} admits no connection initiated toward it; it only carries connections its VPC opens.`);
  }
  if (src.kind === 'nat') {
    const hop = natHop(src.nat, src.nat.nat.id);
    return refused('NO_NETWORK_INTERFACE', hop, `${src.label} does not open connections of its own; ask about the resource behind it.`);
  }
  if (src.kind === 'external' && dst.kind === 'external') {
    return refused('NO_NETWORK_INTERFACE', hopOf('internet', 'internet', 'Internet'), 'Neither end is in the design: ask about a resource.');
  }

  let fallback: ReachResult | undefined;
  let anyPair = false;
  for (const family of familiesFor(flow, src, dst)) {
    const cands = candidatesFor(ix, src, dst, family, asked);
    if (cands.length === 0) continue;
    anyPair = true;
    const result = summarise(cands, src, dst, family, asked);
    if (result.verdict === 'reachable') return result;
    fallback ??= result;
  }
  if (fallback) return fallback;
  if (!anyPair && src.kind === 'resource' && dst.kind === 'resource' && src.res === dst.res && src.enis.length + dst.enis.length <= 2) {
    const e = src.enis[0]!;
    return refused('SAME_INTERFACE', hopOf('network-interface', e.eni.id, e.eni.id), `Source and destination are the same network interface of ${src.label}; the traffic never crosses the network.`);
  }
  const fam = familiesFor(flow, src, dst).map((f) => `IPv${f}`).join(' or ');
  return refused('NO_NETWORK_INTERFACE', hopOf('resource', '', ''), `The two ends have no ${fam} addresses to talk over.`);
}

function candidatesFor(ix: CompiledDesign, src: End, dst: End, family: IpFamily, asked: TrafficSet): Candidate[] {
  // Every candidate runs in fast mode; only the one the answer reports runs again in full.
  if (src.kind === 'resource' && dst.kind === 'resource') return resourceCandidates(ix, src, dst, family, asked, true);
  if (src.kind === 'external' && dst.kind === 'resource') return inboundCandidates(ix, src, dst, family, asked, true);
  if (src.kind === 'resource' && dst.kind === 'external') return outboundCandidates(ix, src, dst, family, asked, true);
  return [];
}

function refused(code: Explanation['code'], hop: Hop, message: string): ReachResult {
  return { verdict: 'unreachable', path: hop.componentId ? [hop] : [], explanations: [explain(code, hop, 'forward', message)] };
}

function atomSize(c: Candidate): bigint {
  return c.atom ? c.atom[1] - c.atom[0] : 0n;
}

/** Combines the candidates: reachable if any is; `admitted` when less than asked gets through. */
function summarise(cands: Candidate[], src: End, dst: End, family: IpFamily, asked: TrafficSet): ReachResult {
  const through = cands.filter((c) => c.run.blockedAt < 0);
  if (through.length === 0) {
    // The pair (or addresses) that got furthest says the most; among equals the widest atom, then the first.
    let best = cands[0]!;
    for (const c of cands) {
      if (c.run.blockedAt > best.run.blockedAt || (c.run.blockedAt === best.run.blockedAt && atomSize(c) > atomSize(best))) best = c;
    }
    const full = wording(best, cands);
    return { verdict: 'unreachable', path: full.hops, explanations: full.explanations, ...ids(best) };
  }
  const first = through[0]!;
  let traffic = TrafficSet.empty();
  for (const c of through) traffic = traffic.union(c.run.final.traffic);
  const admitted: NonNullable<ReachResult['admitted']> = {};
  if (!traffic.equals(asked)) admitted.traffic = traffic.describe();

  const external = src.kind === 'external' ? src : dst.kind === 'external' ? dst : undefined;
  if (external && !external.address) {
    const ranges: Range[] = through.map((c) => c.atom!).filter((a) => a !== undefined);
    const all = external.sets[family].toRanges();
    const got = rangesToCidrs(family, ranges);
    const full = rangesToCidrs(family, all);
    if (got.length !== full.length || got.some((c, i) => c.text !== full[i]!.text)) {
      if (src.kind === 'external') admitted.sources = got.map((c) => c.text);
    }
  }
  const proto = !traffic.portsFor(PROTOCOL_TCP).isEmpty() ? 'tcp' : !traffic.portsFor(PROTOCOL_UDP).isEmpty() ? 'udp' : undefined;
  if (proto) {
    let ports = through[0]!.run.final.ret[proto];
    for (const c of through.slice(1)) ports = ports.union(c.run.final.ret[proto]);
    if (!ports.equals(first.start.ret[proto])) admitted.returnPorts = `${proto} ${ports.describe()}`;
  }
  return {
    verdict: 'reachable',
    path: wording(first, cands).hops,
    explanations: [],
    ...(Object.keys(admitted).length > 0 ? { admitted } : {}),
    ...ids(first),
  };
}

/**
 * The reported candidate run in full. An external end without an address is evaluated atom by
 * atom; a hop detail or explanation that every atom of the same interface shares word for word
 * names the end as a whole ("the Internet"), the others keep the atom's addresses.
 */
function wording(c: Candidate, cands: readonly Candidate[]): ChainResult {
  const full = runChain(c.checks, c.start);
  if (!c.wholeChecks) return full;
  const whole = runChain(c.wholeChecks(), c.start);
  const peers = cands.filter((o) => o !== c && o.srcEni === c.srcEni && o.dstEni === c.dstEni && o.wholeChecks);
  const others = peers.map((o) => runChain(o.wholeChecks!(), o.start));
  const key = (x: unknown): string => JSON.stringify(x);
  const shared = <T>(mine: readonly T[], theirs: (r: ChainResult) => readonly T[], i: number): boolean => {
    const k = key(mine[i]);
    return others.every((r) => theirs(r).some((x) => key(x) === k));
  };
  return {
    ...full,
    hops: full.hops.map((h, i) => (shared(whole.hops, (r) => r.hops, i) ? whole.hops[i]! : h)),
    explanations: full.explanations.map((e, i) => (shared(whole.explanations, (r) => r.explanations, i) ? whole.explanations[i]! : e)),
  };
}

function ids(c: Candidate): Pick<ReachResult, 'sourceEniId' | 'destinationEniId'> {
  return { ...(c.srcEni ? { sourceEniId: c.srcEni.eni.id } : {}), ...(c.dstEni ? { destinationEniId: c.dstEni.eni.id } : {}) };
}
