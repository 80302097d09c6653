import { describe, expect, it } from 'vitest';
import { runLint } from '../../core/lint/index.ts';
import { addRule } from '../../core/model/index.ts';
import { threeTier } from '../../core/templates/three-tier.ts';
import { edgeFindings } from './edge-findings.ts';

describe('edgeFindings', () => {
  it('puts the findings about a rule on the connection drawn from it, worst first', () => {
    const added = addRule(threeTier.build(), 'sg-db', 'ingress', { match: { protocol: 'tcp', ports: { from: 22, to: 22 } }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } });
    if (!added.ok) throw new Error(added.error.message);
    const d = added.value;
    const ruleId = d.securityGroups['sg-db']!.ingress.at(-1)!.id;
    const { badges, ids } = edgeFindings(d, runLint(d));
    expect(badges['internet>sg-db']).toBe('medium:4');
    expect(ids['internet>sg-db']).toEqual([
      `sg-admin-port-world:sg-db,${ruleId}`,
      // No design-ineffective-public-rule: the rule does carry a chain (Internet -> web-1 -> db-1:22),
      // which design-transitive-exposure reports on db-1, not on this connection.
      // The new rule covers the CorpNet and VendorNet SSH rules (both rules are the finding's targets), and has no description.
      'design-shadowed-rule:sg-db,ingress,sg-db-in-4',
      'design-shadowed-rule:sg-db,ingress,sg-db-in-2',
      'sg-missing-description:sg-db',
    ]);
    // The shadowed CorpNet and VendorNet SSH rules carry their finding on their own connections.
    expect(badges['corpnet>sg-db']).toBe('low:1');
    expect(badges['vendornet>sg-db']).toBe('low:1');
  });

  it('gives no badge to connections whose rules have no finding', () => {
    // The template's findings are about egress rules, groups and the NACL: none is a drawn connection.
    const d = threeTier.build();
    expect(runLint(d).length).toBeGreaterThan(0);
    expect(edgeFindings(d, runLint(d))).toEqual({ badges: {}, ids: {} });
  });
});
