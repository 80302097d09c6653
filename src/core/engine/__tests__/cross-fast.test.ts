/**
 * cross-fast.ts evaluates paths across VPCs as sets, without the checks reach() builds; it must
 * give what running those checks gives (candidates.ts planPairs + chain.ts runChain), on every
 * pair of interfaces in different VPCs, both families, for several kinds of traffic.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.ts';
import { runChain } from '../chain.ts';
import { planPairs, startFor } from '../candidates.ts';
import { crossTraffic } from '../cross-fast.ts';
import { askedTraffic } from '../flow-traffic.ts';
import { addressIn } from '../plan-private.ts';
import { TrafficSet } from '../../net/index.ts';
import { generateDesign, Rng } from '../../../../bench/generate-design.ts';
import { TEMPLATES } from '../../templates/index.ts';
import { designArb } from '../../../../test/oracle/arbitrary-design.ts';
import fc from 'fast-check';
import type { Design } from '../../model/types.ts';
import type { CompiledDesign, EniInfo } from '../compiled.ts';

const ASKED = [TrafficSet.all(), askedTraffic({ protocol: 'tcp', port: 443 }), askedTraffic({ protocol: 'udp' }), askedTraffic({ protocol: 'icmp', icmpType: 8, icmpCode: 0 })];

/** What the legs' checks let through, the way reach() runs them. */
function byChecks(ix: CompiledDesign, s: EniInfo, d: EniInfo, family: 4 | 6, asked: TrafficSet): TrafficSet {
  let t = TrafficSet.empty();
  for (const leg of planPairs(ix, s, d, family)) {
    const run = runChain([...leg.forward, ...leg.back], startFor(s, asked), true);
    if (run.blockedAt < 0) t = t.union(run.final.traffic);
  }
  return t;
}

/** Compares cross-VPC pairs (every one, or `sample` drawn at random); returns how many let something through. */
function compare(design: Design, sample?: number): { pairs: number; open: number } {
  const ix = compile(design);
  const enis = [...ix.enis.values()];
  const all: Array<[EniInfo, EniInfo]> = [];
  if (sample === undefined) {
    for (const s of enis) for (const d of enis) if (s.vpc !== d.vpc) all.push([s, d]);
  } else {
    const rng = new Rng(5);
    while (all.length < sample) {
      const s = rng.pick(enis);
      const d = rng.pick(enis);
      if (s.vpc !== d.vpc) all.push([s, d]);
    }
  }
  let pairs = 0;
  let open = 0;
  for (const [s, d] of all) {
    for (const family of [4, 6] as const) {
      if (!addressIn(s, family) || !addressIn(d, family)) continue;
      for (const asked of ASKED) {
        const fast = crossTraffic(ix, s, d, family, asked);
        const full = byChecks(ix, s, d, family, asked);
        expect(fast.describe(), `${s.eni.id} -> ${d.eni.id} IPv${family} ${asked.describe()}`).toBe(full.describe());
        pairs++;
        if (!full.isEmpty()) open++;
      }
    }
  }
  return { pairs, open };
}

describe('cross-VPC paths as sets agree with the checks', () => {
  it('generated design of three VPCs (peerings, NAT and internet gateways, custom ACLs), 3,000 sampled pairs', () => {
    // Generated designs get a VPC per 2,000 interfaces.
    const { pairs, open } = compare(generateDesign({ enis: 5000, seed: 17 }), 3000);
    expect(pairs).toBeGreaterThan(3000);
    // Both outcomes occur, so the comparison is not one of empty sets.
    expect(open).toBeGreaterThan(100);
    expect(open).toBeLessThan(pairs);
  });

  it('random designs of two VPCs (peering states, routes, NAT gateways, NACLs, IPv6), every pair', () => {
    let open = 0;
    let pairs = 0;
    fc.assert(
      fc.property(designArb({ ipv6: true }), (d) => {
        const r = compare(d);
        open += r.open;
        pairs += r.pairs;
      }),
      { numRuns: 300, seed: 2026 },
    );
    expect(open).toBeGreaterThan(50);
    expect(open).toBeLessThan(pairs);
  }, 120_000);

  it('every template, every pair', () => {
    let open = 0;
    for (const t of TEMPLATES) open += compare(t.build()).open;
    expect(open).toBeGreaterThan(0);
  });
});
