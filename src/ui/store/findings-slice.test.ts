import { beforeEach, describe, expect, it } from 'vitest';
import { runLint, type Finding } from '../../core/lint/index.ts';
import { addRule } from '../../core/model/index.ts';
import { FIRST_VISIT_TEMPLATE } from '../../core/templates/index.ts';
import { badgesOf } from './findings-slice.ts';
import { designStore, openDesign, undo } from './index.ts';

const state = () => designStore.getState();
const finding = (over: Partial<Finding>): Finding => ({
  id: 'x',
  ruleId: 'r',
  severity: 'low',
  message: 'm',
  risk: '',
  fix: '',
  anchors: [],
  targets: [],
  resourceIds: [],
  ...over,
});

beforeEach(() => {
  openDesign(FIRST_VISIT_TEMPLATE.build());
  designStore.setState({ notices: [], selectedId: null, highlightedRule: null, centreRequest: null });
});

describe('findings in the store', () => {
  it('summarises each resource as its worst severity and count', () => {
    const badges = badgesOf([
      finding({ id: 'a', severity: 'low', resourceIds: ['web-1', 'db-1'] }),
      finding({ id: 'b', severity: 'critical', resourceIds: ['db-1', 'db-1'] }),
    ]);
    expect(badges).toEqual({ 'web-1': 'low:1', 'db-1': 'critical:2' });
  });

  it('reveals a rule finding by selecting its group and highlighting the rule', () => {
    const f = finding({ targets: [{ kind: 'rule', groupId: 'sg-db', direction: 'egress', ruleId: 'sg-db-egress-all' }] });
    state().revealFinding(f);
    expect(state().selectedId).toBe('sg-db');
    expect(state().highlightedRule).toBe('sg-db-egress-all');
    expect(state().centreRequest).toBeNull();
    state().select('web-1');
    expect(state().highlightedRule).toBeNull();
  });

  it('reveals a resource finding by selecting and centring the node', () => {
    state().revealFinding(finding({ targets: [{ kind: 'resource', resourceId: 'db-1' }] }));
    expect(state().selectedId).toBe('db-1');
    expect(state().centreRequest).toEqual({ id: 'db-1', n: 1 });
  });

  it('reveals a network ACL finding through a subnet that uses it', () => {
    state().revealFinding(finding({ targets: [{ kind: 'network-acl', networkAclId: 'vpc-prod-default-acl' }] }));
    expect(state().design.subnets[state().selectedId!]).toBeDefined();
  });

  it('applies a quick fix as one undoable edit', () => {
    const ssh = { match: { protocol: 'tcp' as const, ports: { from: 22, to: 22 } }, peer: { kind: 'cidr' as const, cidr: '0.0.0.0/0' } };
    state().run(addRule, 'sg-db', 'ingress', ssh);
    const withSsh = state().design;
    const f = runLint(withSsh).find((x) => x.ruleId === 'sg-admin-port-world')!;
    expect(f.quickFix).toBeDefined();
    expect(state().applyQuickFix(f)).toBe(true);
    expect(runLint(state().design).some((x) => x.ruleId === 'sg-admin-port-world')).toBe(false);
    undo();
    expect(state().design).toBe(withSsh);
  });
});
