/**
 * exposure() skips the (host, resource) pairs that cannot change its answer (exposure-open-rules.ts,
 * exposure-caps.ts);
 * it must answer exactly as the reference that evaluates every pair (reference-exposure.ts), and
 * every hop it reports must be a flow reach() lets through.
 */
import { describe, expect, it } from 'vitest';
import { exposure, reach } from '../index.ts';
import type { Endpoint, ExposureOptions, ExposureResult } from '../types.ts';
import type { Design } from '../../model/types.ts';
import { allTraffic, sg, tcp } from '../../model/builder.ts';
import { topologyT, T } from '../../model/fixtures/topology-t.ts';
import { generateDesign, resourceIds } from '../../../../bench/generate-design.ts';
import { referenceExposure } from './reference-exposure.ts';
import fc from 'fast-check';
import { buildDesign, designRecipeArb } from '../../../../test/oracle/arbitrary-design.ts';

const OPTIONS: ExposureOptions[] = [{}, { multiHop: false }, { flow: { protocol: 'tcp', port: 22 } }, { flow: { protocol: 'udp' } }];

/** Each side on its own copy (its own compiled index), so neither answer leans on the other's memo. */
function agree(d: Design, sources: Endpoint[]): number {
  const mine = structuredClone(d);
  const theirs = structuredClone(d);
  let entries = 0;
  for (const source of sources) {
    for (const options of OPTIONS) {
      const fast = exposure(mine, source, options);
      expect(fast, `${JSON.stringify(source)} ${JSON.stringify(options)}`).toEqual(referenceExposure(theirs, source, options));
      entries += fast.entries.length;
    }
  }
  return entries;
}

const everyone = (d: Design): Endpoint[] => [
  { kind: 'internet' },
  ...Object.keys(d.externalNetworks).map((id): Endpoint => ({ kind: 'external', externalNetworkId: id })),
  ...Object.keys(d.resources).map((id): Endpoint => ({ kind: 'resource', resourceId: id })),
];

describe('exposure agrees with the reference that evaluates every pair', () => {
  it('on T and its variants', { timeout: 30_000 }, () => {
    const variants = [
      topologyT().build(),
      topologyT({ ipv6: true }).build(),
      topologyT().ingress(T.sgApp, tcp(22, sg(T.sgBastion))).build(),
      topologyT().ingress(T.sgApp, allTraffic('0.0.0.0/0')).ingress(T.sgDb, tcp(22, sg(T.sgBastion))).ingress(T.sgBastion, tcp(3389, '10.0.0.0/8')).build(),
    ];
    for (const d of variants) agree(d, [...everyone(d), { kind: 'internet', address: '198.51.100.7' }, { kind: 'internet', address: '10.5.5.5' }]);
  });

  it('on a generated design of 100 ENIs (NACLs, prefix lists, peering, instance groups, load balancers)', { timeout: 60_000 }, () => {
    const d = generateDesign({ enis: 100, seed: 20250611 });
    expect(agree(d, everyone(d))).toBeGreaterThan(500);
  });

  it('on a generated design of 300 ENIs, from the Internet', { timeout: 60_000 }, () => {
    const d = generateDesign({ enis: 300, seed: 7 });
    expect(agree(d, [{ kind: 'internet' }, ...resourceIds(d).slice(0, 10).map((id): Endpoint => ({ kind: 'resource', resourceId: id }))])).toBeGreaterThan(100);
  });
});

describe('exposure agrees with the reference on random designs', () => {
  // Small designs whose NACLs, routes, addresses and groups are drawn at random (test/oracle): the
  // skipping bounds (exposure-open-rules.ts, exposure-caps.ts) must never drop an entry or a chain.
  it.each([false, true])('IPv6 %s', (ipv6) => {
    let entries = 0;
    fc.assert(
      fc.property(designRecipeArb({ ipv6 }), (recipe) => {
        const d = buildDesign(recipe);
        entries += agree(d, everyone(d));
      }),
      { numRuns: 150, seed: ipv6 ? 41 : 40 },
    );
    expect(entries).toBeGreaterThan(150);
  }, 120_000);
});

describe('every hop of an exposure chain is a flow reach() lets through', () => {
  it('on a generated design of 100 ENIs', () => {
    const d = generateDesign({ enis: 100, seed: 20250611 });
    const result: ExposureResult = exposure(d, { kind: 'internet' });
    const checked = new Set<string>();
    for (const e of result.entries) {
      for (const h of e.chain) {
        if (h.from === 'internet' || checked.has(`${h.from}>${h.to}>${h.traffic}`)) continue;
        checked.add(`${h.from}>${h.to}>${h.traffic}`);
        const [proto, first] = firstPacket(e.chain.at(-1) === h ? e.ranges : undefined, h.traffic);
        const r = reach(d, { kind: 'resource', resourceId: h.from }, { kind: 'resource', resourceId: h.to }, proto === 6 ? { protocol: 'tcp', port: first } : proto === 17 ? { protocol: 'udp', port: first } : { protocol: 'all' });
        expect(r.verdict, `${h.from} -> ${h.to} ${h.traffic}`).toBe('reachable');
      }
    }
    expect(checked.size).toBeGreaterThan(20);
  });
});

/** A protocol and port the hop carries: from the entry's machine ranges, else from the hop's text ("tcp 22, 80"). */
function firstPacket(ranges: Record<number, Array<[number, number]>> | undefined, text: string): [number, number] {
  if (ranges) for (const p of [6, 17]) if (ranges[p]) return [p, ranges[p]![0]![0]];
  const m = /^(tcp|udp) (\d+)/.exec(text);
  if (m) return [m[1] === 'tcp' ? 6 : 17, Number(m[2])];
  return [-1, 0];
}
