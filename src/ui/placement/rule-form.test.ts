import { describe, expect, it } from 'vitest';
import { addRule, addSecurityGroup, addVpc, emptyDesign, unwrap } from '../../core/model/index.ts';
import { EMPTY_RULE_FORM, matchLabel, parsePorts, peerLabel, ruleFromForm } from './rule-form.ts';

describe('the rule form', () => {
  it('reads single ports and ranges, and explains anything else', () => {
    expect(parsePorts('443')).toEqual({ ok: true, value: { from: 443, to: 443 } });
    expect(parsePorts(' 1024 - 65535 ')).toEqual({ ok: true, value: { from: 1024, to: 65535 } });
    expect(parsePorts('https').ok).toBe(false);
  });

  it('turns a preset and a source into the model rule', () => {
    expect(ruleFromForm(EMPTY_RULE_FORM)).toEqual({ ok: true, value: { match: { protocol: 'tcp', ports: { from: 443, to: 443 } }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } } });
    expect(ruleFromForm({ ...EMPTY_RULE_FORM, presetId: 'udp', ports: '53', description: ' dns ' })).toMatchObject({ ok: true, value: { match: { protocol: 'udp', ports: { from: 53, to: 53 } }, description: 'dns' } });
    expect(ruleFromForm({ ...EMPTY_RULE_FORM, peerKind: 'security-group', groupId: '' }).ok).toBe(false);
    expect(ruleFromForm({ ...EMPTY_RULE_FORM, presetId: 'all', peerKind: 'security-group', groupId: 'sg-1' })).toEqual({
      ok: true,
      value: { match: { protocol: 'all' }, peer: { kind: 'security-group', groupId: 'sg-1' } },
    });
  });

  it('labels rules the way the console does', () => {
    let d = unwrap(addVpc(emptyDesign(), { id: 'vpc-1', name: 'main', cidr: '10.0.0.0/16' }));
    d = unwrap(addSecurityGroup(d, { id: 'sg-app', vpcId: 'vpc-1', name: 'app-sg' }));
    const input = unwrap(ruleFromForm({ ...EMPTY_RULE_FORM, presetId: 'postgres', peerKind: 'security-group', groupId: 'sg-app' }));
    d = unwrap(addRule(d, 'sg-app', 'ingress', input));
    const rule = d.securityGroups['sg-app']!.ingress[0]!;
    expect([matchLabel(rule), peerLabel(d, rule)]).toEqual(['TCP 5432', 'app-sg']);
    expect(matchLabel({ match: { protocol: 'tcp', ports: { from: 0, to: 65535 } } })).toBe('TCP all ports');
    expect(peerLabel(d, { peer: { kind: 'cidr', cidr: '0.0.0.0/0' } })).toBe('anywhere (0.0.0.0/0)');
  });
});
