/**
 * Exposure and the matrix use a fast path (fast-path.ts) that must agree with reach()'s full
 * path evaluation. Checked on a generated design with custom NACLs, prefix lists, peering and
 * group references.
 */
import { describe, expect, it } from 'vitest';
import { reach } from '../index.ts';
import { compile } from '../compile.ts';
import { resourceGrant } from '../grants.ts';
import { askedTraffic } from '../flow-traffic.ts';
import { fastIngressTraffic } from '../fast-path.ts';
import { generateDesign, Rng } from '../../../../bench/generate-design.ts';
import { parseAddress } from '../../net/index.ts';
import type { Flow } from '../types.ts';

const FLOWS: Flow[] = [
  { protocol: 'tcp', port: 22 },
  { protocol: 'tcp', port: 443 },
  { protocol: 'tcp', port: 5432 },
  { protocol: 'tcp', port: 8080 },
  { protocol: 'udp', port: 53 },
  { protocol: 'icmp', icmpType: 8, icmpCode: 0 },
  { protocol: 'all' },
];

const INTERNET_FLOWS: Flow[] = [{ protocol: 'tcp', port: 443 }, { protocol: 'tcp', port: 80 }, { protocol: 'tcp' }, { protocol: 'all' }];

describe('fast path agrees with reach()', () => {
  const d = generateDesign({ enis: 200, seed: 7 });
  const ix = compile(d);
  const resources = [...ix.resources.values()];

  it('between resources: same verdict and same traffic', () => {
    const rng = new Rng(42);
    let reachable = 0;
    for (let i = 0; i < 600; i++) {
      const a = rng.pick(resources);
      const b = rng.pick(resources);
      if (a === b) continue;
      const flow = rng.pick(FLOWS);
      const asked = askedTraffic(flow);
      const fast = resourceGrant(ix, a, b, asked);
      const full = reach(d, { kind: 'resource', resourceId: a.resource.id }, { kind: 'resource', resourceId: b.resource.id }, flow);
      const label = `${a.resource.id} -> ${b.resource.id} ${JSON.stringify(flow)}`;
      expect(full.verdict, label).toBe(fast.isEmpty() ? 'unreachable' : 'reachable');
      if (full.verdict === 'reachable') {
        reachable++;
        expect(full.admitted?.traffic ?? asked.describe(), label).toBe(fast.describe());
      }
    }
    expect(reachable).toBeGreaterThan(20);
  });

  it('from Internet addresses: same verdict and same traffic', () => {
    const rng = new Rng(99);
    const addresses = ['203.0.113.9', '198.51.100.7', '172.20.4.5', '8.8.8.8', '52.216.1.1'];
    let reachable = 0;
    for (const r of resources) {
      for (const text of addresses) {
        const flow = rng.pick(INTERNET_FLOWS);
        const asked = askedTraffic(flow);
        const from = parseAddress(text);
        if (!from.ok) throw new Error(text);
        let fast = asked.intersect(asked).subtract(asked);
        for (const eni of r.enis) fast = fast.union(fastIngressTraffic(ix, r, eni, from.value, asked));
        const full = reach(d, { kind: 'internet', address: text }, { kind: 'resource', resourceId: r.resource.id }, flow);
        const label = `${text} -> ${r.resource.id} ${JSON.stringify(flow)}`;
        expect(full.verdict, label).toBe(fast.isEmpty() ? 'unreachable' : 'reachable');
        if (full.verdict === 'reachable') {
          reachable++;
          expect(full.admitted?.traffic ?? asked.describe(), label).toBe(fast.describe());
        }
      }
    }
    expect(reachable).toBeGreaterThan(0);
  });
});
