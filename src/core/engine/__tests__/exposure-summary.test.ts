/** summariseExposure() and sourcesPhrase(): exposure entries as rows people read. */
import { describe, expect, it } from 'vitest';
import { exposure, sourcesPhrase, summariseExposure } from '../index.ts';
import { threeTier } from '../../templates/three-tier.ts';
import { addRule } from '../../model/index.ts';
import { topologyT, T } from '../../model/fixtures/topology-t.ts';
import { external, internet } from './helpers.ts';

const rows = (d: ReturnType<typeof threeTier.build>, source: Parameters<typeof exposure>[1]) =>
  summariseExposure(d, source, exposure(d, source).entries).map((r) => [r.resourceName, r.traffic, r.routes.map((x) => `${x.traffic}${x.sources ? ` from ${x.sources}` : ''} [${x.chain.map((h) => h.to).join('>')}]`)]);

describe('summariseExposure', () => {
  it('gives one row per resource with the union of its traffic, and names a restricted source', () => {
    const d = threeTier.build();
    expect(rows(d, internet())).toEqual([
      // 80 and 443 from everywhere (the CorpNet row covers the rest of the addresses); 22 and 3389 only from CorpNet.
      // web-2 -> web-1 (tcp 80, 443) is left out: the direct row from everywhere carries the same.
      ['web-1', 'tcp 22, 80, 443, 3389', ['tcp 80, 443 [web-1]', 'tcp 22, 80, 443, 3389 from CorpNet (203.0.113.0/24) [web-1]']],
      ['web-2', 'tcp 22, 80, 443, 3389', ['tcp 80, 443 [web-2]', 'tcp 22, 80, 443, 3389 from CorpNet (203.0.113.0/24) [web-2]']],
      ['app-1', 'tcp 8080', ['tcp 8080 [web-1>app-1]']],
      ['app-2', 'tcp 8080', ['tcp 8080 [web-1>app-2]']],
      ['db-1', 'tcp 5432', ['tcp 5432 [web-1>app-1>db-1]']],
    ]);
  });

  it('leaves the sources unsaid when the whole external network gets in', () => {
    expect(rows(threeTier.build(), external('corpnet'))[0]).toEqual(['web-1', 'tcp 22, 80, 443, 3389', ['tcp 22, 80, 443, 3389 [web-1]']]);
  });

  it('keeps a chain that carries more than the direct way in', () => {
    // With SSH from anywhere on DBSG, web-1 reaches db-1 on 22 while app-1 reaches it on 22 and 5432.
    const added = addRule(threeTier.build(), 'sg-db', 'ingress', { match: { protocol: 'tcp', ports: { from: 22, to: 22 } }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } });
    if (!added.ok) throw new Error(added.error.message);
    const d = added.value;
    expect(rows(d, internet()).find((r) => r[0] === 'db-1')).toEqual(['db-1', 'tcp 22, 5432', ['tcp 22 [web-1>db-1]', 'tcp 22, 5432 [web-1>app-1>db-1]']]);
  });

  it('keeps a single trusted address', () => {
    expect(rows(topologyT().build(), internet()).find((r) => r[0] === 'bastion')).toEqual(['bastion', 'tcp 22', [`tcp 22 from ${T.trustedAdmin} [${T.bastion}]`]]);
  });
});

describe('sourcesPhrase', () => {
  const d = threeTier.build();
  it('names an external network by its exact CIDRs, and lists up to three blocks', () => {
    expect(sourcesPhrase(d, ['203.0.113.0/24'])).toBe('CorpNet (203.0.113.0/24)');
    expect(sourcesPhrase(d, ['198.51.100.7/32', '192.0.2.0/24'])).toBe('198.51.100.7/32 and 192.0.2.0/24');
  });

  it('says what is missing when that is shorter, else how many ranges', () => {
    const internetRows = exposure(d, internet()).entries.find((e) => e.resourceId === 'web-1' && e.traffic === 'tcp 80, 443' && e.sources)!;
    expect(internetRows.sources!.length).toBeGreaterThan(3);
    expect(sourcesPhrase(d, internetRows.sources!)).toBe(`${internetRows.sources!.length} address ranges`);
    const summary = summariseExposure(d, internet(), [internetRows]);
    expect(summary[0]!.routes[0]!.sources).toBe('all but CorpNet (203.0.113.0/24)');
    // With the CorpNet row beside it (same resource, more traffic), the two together are everyone.
    const corp = exposure(d, internet()).entries.find((e) => e.resourceId === 'web-1' && e.sources?.[0] === '203.0.113.0/24')!;
    expect(summariseExposure(d, internet(), [internetRows, corp])[0]!.routes.map((r) => r.sources)).toEqual([undefined, 'CorpNet (203.0.113.0/24)']);
  });
});
