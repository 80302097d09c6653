/**
 * The concrete paths a query stands for: every (source interface, destination interface) pair,
 * and for an external end every atom of its address set (atoms.ts). Each is planned as checks and
 * run; reach and exposure then combine them.
 */
import { addressFromValue, type IpFamily, type TrafficSet } from '../net/index.ts';
import type { CompiledDesign, EniInfo, ResourceInfo } from './compiled.ts';
import { runChain, type ChainResult, type Check } from './chain.ts';
import { gateCheck, passCheck } from './checks.ts';
import { EPHEMERAL } from './compile.ts';
import type { FlowState } from './flow-traffic.ts';
import { explain, externalHop, hopOf, type ExternalEnd } from './hops.ts';
import { addressIn, eniDesc, planPrivate, type Leg } from './plan-private.ts';
import { planEgress, planIngress } from './plan-internet.ts';
import { destinationChecks, loadBalancerSourceChecks } from './preconditions.ts';
import { bestRoute } from './route-eval.ts';
import { atomsOf, boundaryCidrs, rangesToCidrs, type Range } from './atoms.ts';
import { INTERNET, type End } from './endpoints.ts';

export interface Candidate {
  /** The path's checks, to run again in full for the one candidate an answer reports. */
  checks: readonly Check[];
  run: ChainResult;
  family: IpFamily;
  start: FlowState;
  srcEni?: EniInfo;
  dstEni?: EniInfo;
  /** The external end's addresses this candidate stands for. */
  atom?: Range;
  /** The same checks with the external end named as a whole ("the Internet"), for messages that hold for every atom. */
  wholeChecks?: () => readonly Check[];
}

/**
 * The ways between two interfaces. Same VPC: private addresses. Another VPC (engine choice): on the
 * private address when the source's route for it goes to a peering, or when the destination has no
 * public address (the private path then explains what is missing); and on the public address
 * through both internet gateways when it has one. Reachable if any way works.
 */
export function planPairs(ix: CompiledDesign, s: EniInfo, d: EniInfo, family: IpFamily): Leg[] {
  if (s.vpc === d.vpc) return [planPrivate(ix, s, d, family)];
  const dstAddr = addressIn(d, family)!;
  const r = bestRoute(s.subnet.routeTable, dstAddr);
  const pub = family === 4 ? (d.hasPublic4 ? d.public4 : undefined) : d.hasPublic6 ? d.private6 : undefined;
  const legs: Leg[] = [];
  if (!pub || r?.target.kind === 'peering') legs.push(planPrivate(ix, s, d, family));
  if (pub) {
    const out = planEgress(ix, s, pub, eniDesc(d, pub), family, d);
    const seen = out.seenAs ?? addressIn(s, family)!;
    const into = planIngress(seen, eniDesc(s, seen), d, family, s);
    legs.push({ forward: [...out.forward, passCheck(externalHop(INTERNET)), ...into.forward], back: [...into.back, ...out.back] });
  }
  return legs;
}

function notAnInitiator(src: ResourceInfo): Check[] {
  if (src.resource.kind !== 'load-balancer') return [];
  const hop = hopOf('load-balancer', src.resource.id, src.resource.name);
  return [
    gateCheck(hop, 'forward', false, () =>
      explain('ELB_TARGET_NOT_REGISTERED', hop, 'forward', `Load balancer ${src.label} only opens connections to the registered targets of its target groups.`),
    ),
  ];
}

export function startFor(eni: EniInfo | undefined, asked: TrafficSet): FlowState {
  const eph = eni ? eni.ephemeral : EPHEMERAL.wide;
  return { traffic: asked, ret: { tcp: eph, udp: eph } };
}

/** Resource to resource: every interface pair that has addresses of the family. `fast`: verdict and traffic only (no hops, no explanations). */
export function resourceCandidates(
  ix: CompiledDesign,
  src: Extract<End, { kind: 'resource' }>,
  dst: Extract<End, { kind: 'resource' }>,
  family: IpFamily,
  asked: TrafficSet,
  fast = false,
): Candidate[] {
  const out: Candidate[] = [];
  for (const s of src.enis) {
    if (!addressIn(s, family)) continue;
    for (const d of dst.enis) {
      if (s === d || !addressIn(d, family)) continue;
      for (const leg of planPairs(ix, s, d, family)) {
        const checks = [...loadBalancerSourceChecks(src.res, dst.res, d), ...destinationChecks(dst.res, asked), ...leg.forward, ...leg.back];
        const start = startFor(s, asked);
        out.push({ checks, run: runChain(checks, start, fast), family, start, srcEni: s, dstEni: d });
      }
    }
  }
  return out;
}

/** External addresses to a resource: every interface, every atom. */
export function inboundCandidates(
  ix: CompiledDesign,
  src: Extract<End, { kind: 'external' }>,
  dst: Extract<End, { kind: 'resource' }>,
  family: IpFamily,
  asked: TrafficSet,
  fast = false,
): Candidate[] {
  const out: Candidate[] = [];
  const set = src.sets[family];
  if (set.isEmpty()) return out;
  for (const d of dst.enis) {
    if (!addressIn(d, family)) continue;
    for (const atom of atomsOf(set, boundaryCidrs(ix, d, family))) {
      const rep = addressFromValue(family, atom[0]);
      const plan = (desc: string): Check[] => {
        const leg = planIngress(rep, desc, d, family);
        return [passCheck(externalHop(src.ext, src.address?.text)), ...destinationChecks(dst.res, asked), ...leg.forward, ...leg.back];
      };
      const checks = plan(src.address ? src.label : atomDesc(src.ext, family, atom));
      const start = startFor(undefined, asked);
      const whole = src.address ? {} : { wholeChecks: () => plan(src.label) };
      out.push({ checks, run: runChain(checks, start, fast), family, start, dstEni: d, atom, ...whole });
    }
  }
  return out;
}

/** A resource to external addresses: every interface, every atom. */
export function outboundCandidates(
  ix: CompiledDesign,
  src: Extract<End, { kind: 'resource' }>,
  dst: Extract<End, { kind: 'external' }>,
  family: IpFamily,
  asked: TrafficSet,
  fast = false,
): Candidate[] {
  const out: Candidate[] = [];
  const set = dst.sets[family];
  if (set.isEmpty()) return out;
  for (const s of src.enis) {
    if (!addressIn(s, family)) continue;
    for (const atom of atomsOf(set, boundaryCidrs(ix, s, family))) {
      const rep = addressFromValue(family, atom[0]);
      const extHop = externalHop(dst.ext as ExternalEnd, dst.address?.text);
      const plan = (desc: string): Check[] => {
        const leg = planEgress(ix, s, rep, desc, family);
        return [...notAnInitiator(src.res), ...leg.forward, passCheck(extHop), ...leg.back];
      };
      const checks = plan(dst.address ? dst.label : atomDesc(dst.ext, family, atom));
      const start = startFor(s, asked);
      const whole = dst.address ? {} : { wholeChecks: () => plan(dst.label) };
      out.push({ checks, run: runChain(checks, start, fast), family, start, srcEni: s, atom, ...whole });
    }
  }
  return out;
}

/**
 * One atom of an external end, for messages that depend on which addresses: "Internet host
 * 198.51.100.7", "the Internet range 198.51.100.0/24" or "the Internet range 11.0.0.0-100.63.255.255".
 * Singular, so it reads in any message ("... is not a member").
 */
function atomDesc(ext: ExternalEnd, family: IpFamily, atom: Range): string {
  if (atom[0] === atom[1]) return `${ext.name} host ${addressFromValue(family, atom[0]).text}`;
  const cidrs = rangesToCidrs(family, [atom]);
  const range = cidrs.length === 1 ? cidrs[0]!.text : `${addressFromValue(family, atom[0]).text}-${addressFromValue(family, atom[1]).text}`;
  return `the ${ext.name} range ${range}`;
}
