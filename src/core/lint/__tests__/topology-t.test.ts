import { describe, expect, it } from 'vitest';
import { topologyT } from '../../model/fixtures/topology-t.ts';
import { runLint } from '../run-lint.ts';
import { SCANNER_RULES } from '../rules/scanner-index.ts';

describe('scanner rules on topology T', () => {
  it('report only what a reviewer expects: the default NACL and group, open egress, undescribed rules', () => {
    const found = runLint(topologyT().build(), SCANNER_RULES).map((f) => `${f.severity} ${f.ruleId}: ${f.message}`);
    // The untouched default group at EC2.2's severity (high), the default NACL at EC2.21's (medium).
    expect(found).toEqual([
      'high sg-default-has-rules: Default group of VPC main has 1 inbound and 1 outbound rules',
      'medium nacl-all-ports-world: Network ACL main default rule 100 allows all traffic in from 0.0.0.0/0 on P-a, P-b, A-a and 3 more',
      'low sg-open-egress: LambdaSG allows all traffic out to 0.0.0.0/0 from worker-fn (app tier)',
      'info sg-missing-description: AlbSG has 2 rules without a description',
      'info sg-missing-description: AppSG has 3 rules without a description',
      'info sg-missing-description: BastionSG has 2 rules without a description',
      'info sg-missing-description: DBSG has 1 rule without a description',
      'info sg-missing-description: LambdaSG has 1 rule without a description',
      'info sg-open-egress: BastionSG allows all traffic out to 0.0.0.0/0 from bastion (bastion tier)',
    ]);
  });

  it('every finding has a stable id, anchors, a risk and a fix', () => {
    const a = runLint(topologyT().build(), SCANNER_RULES);
    const b = runLint(topologyT().build(), SCANNER_RULES);
    expect(a.map((f) => f.id)).toEqual(b.map((f) => f.id));
    expect(new Set(a.map((f) => f.id)).size).toBe(a.length);
    for (const f of a) expect(f.anchors.length > 0 && f.risk !== '' && f.fix !== '' && f.targets.length > 0).toBe(true);
  });

  it('S-like change: SSH from the world on the bastion is critical on the rule and on the instance', () => {
    const d = topologyT().ingress('sg-bastion', { match: { protocol: 'tcp', ports: { from: 22, to: 22 } }, peer: '0.0.0.0/0' }).build();
    const found = runLint(d, SCANNER_RULES).filter((f) => f.severity === 'critical').map((f) => f.ruleId);
    expect(found).toEqual(['instance-public-risky-port', 'sg-admin-port-world']);
  });
});
