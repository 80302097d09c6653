import { describe, expect, it } from 'vitest';
import { addRule, addSecurityGroup, addVpc, emptyDesign, MAX_RULES_PER_DIRECTION, unwrap, type Design } from '../../core/model/index.ts';
import { EMPTY_RULE_FORM, formFromRule, parseProtocolNumber, RULE_PRESETS, ruleFromForm } from './rule-form.ts';
import { aclFormIssues, cidrFieldIssue, ruleFormIssues } from './rule-validation.ts';
import { EMPTY_ACL_FORM } from './routing.ts';

function design(): Design {
  let d = unwrap(addVpc(emptyDesign(), { id: 'vpc-1', name: 'main', cidr: '10.0.0.0/16' }));
  d = unwrap(addSecurityGroup(d, { id: 'sg-web', vpcId: 'vpc-1', name: 'web-sg' }));
  return d;
}

describe('the rule form, as the console names it', () => {
  it('offers exactly the console Types people know', () => {
    expect(RULE_PRESETS.map((p) => p.label)).toEqual([
      'SSH', 'HTTP', 'HTTPS', 'RDP', 'MySQL/Aurora', 'PostgreSQL', 'MSSQL', 'Oracle', 'Redis', 'MongoDB', 'DNS (UDP)', 'All ICMP - IPv4', 'All traffic', 'Custom TCP', 'Custom UDP', 'Custom protocol',
    ]);
    expect(unwrap(ruleFromForm({ ...EMPTY_RULE_FORM, presetId: 'dns-udp' })).match).toEqual({ protocol: 'udp', ports: { from: 53, to: 53 } });
    expect(unwrap(ruleFromForm({ ...EMPTY_RULE_FORM, presetId: 'mongodb' })).match).toEqual({ protocol: 'tcp', ports: { from: 27017, to: 27017 } });
  });

  it('takes any IP protocol number for Custom protocol, and points TCP, UDP and ICMP to their own Types', () => {
    expect(unwrap(ruleFromForm({ ...EMPTY_RULE_FORM, presetId: 'protocol', protocolNumber: '50' })).match).toEqual({ protocol: 50 });
    expect(parseProtocolNumber('256').ok).toBe(false);
    expect(parseProtocolNumber('gre').ok).toBe(false);
    expect(parseProtocolNumber('6')).toMatchObject({ ok: false, error: { message: 'Protocol 6 has its own Type: choose Custom TCP.' } });
  });

  it('reads an existing rule back into the form it would be typed in', () => {
    expect(unwrap(formFromRule({ match: { protocol: 'tcp', ports: { from: 22, to: 22 } }, peer: { kind: 'cidr', cidr: '10.0.0.0/8' }, description: 'admins' }))).toEqual({
      ...EMPTY_RULE_FORM,
      presetId: 'ssh',
      cidr: '10.0.0.0/8',
      description: 'admins',
    });
    expect(unwrap(formFromRule({ match: { protocol: 'tcp', ports: { from: 8000, to: 8100 } }, peer: { kind: 'security-group', groupId: 'sg-web' } }))).toMatchObject({
      presetId: 'tcp',
      ports: '8000-8100',
      peerKind: 'security-group',
      groupId: 'sg-web',
    });
    expect(unwrap(formFromRule({ match: { protocol: 47 }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } }))).toMatchObject({ presetId: 'protocol', protocolNumber: '47' });
    // What the form cannot show is refused, not lost on save.
    expect(formFromRule({ match: { protocol: 'icmp', icmp: { type: 8, code: -1 } }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } }).ok).toBe(false);
    expect(formFromRule({ match: { protocol: 'all' }, peer: { kind: 'prefix-list', prefixListId: 'pl-1' } }).ok).toBe(false);
  });
});

describe('checking the rule form as it is typed', () => {
  it('says a CIDR with host bits set is not canonical and offers the block', () => {
    expect(cidrFieldIssue('10.0.0.1/16')).toEqual({ message: '10.0.0.1/16 is not canonical: did you mean 10.0.0.0/16?', suggestion: '10.0.0.0/16' });
    expect(cidrFieldIssue('10.0.0/16')?.message).toMatch(/not an IPv4 CIDR/);
    expect(cidrFieldIssue('10.0.0.0/16')).toBeUndefined();
  });

  it('checks ports, description characters and length field by field', () => {
    const d = design();
    const issues = ruleFormIssues(d, 'sg-web', 'ingress', { ...EMPTY_RULE_FORM, presetId: 'tcp', ports: '70000', description: 'café' });
    expect(issues.ports?.message).toBe('Ports run from 0 to 65535; 70000 is past the end.');
    expect(issues.description?.message).toMatch(/contains "é", which AWS does not allow/);
    expect(ruleFormIssues(d, 'sg-web', 'ingress', { ...EMPTY_RULE_FORM, presetId: 'tcp', ports: '90-80' }).ports?.message).toBe('90-80 goes backwards: write 80-90.');
    expect(ruleFormIssues(d, 'sg-web', 'ingress', { ...EMPTY_RULE_FORM, description: 'x'.repeat(256) }).description?.message).toBe('Description is 256 characters; AWS allows at most 255.');
    expect(ruleFormIssues(d, 'sg-web', 'ingress', EMPTY_RULE_FORM)).toEqual({});
  });

  it('refuses a duplicate on add but not the rule itself on edit, and the 61st rule', () => {
    let d = design();
    d = unwrap(addRule(d, 'sg-web', 'ingress', unwrap(ruleFromForm(EMPTY_RULE_FORM))));
    const id = d.securityGroups['sg-web']!.ingress[0]!.id;
    expect(ruleFormIssues(d, 'sg-web', 'ingress', EMPTY_RULE_FORM).rule?.message).toBe('web-sg already has this ingress rule.');
    expect(ruleFormIssues(d, 'sg-web', 'ingress', EMPTY_RULE_FORM, id)).toEqual({});
    for (let i = 1; i < MAX_RULES_PER_DIRECTION; i++) d = unwrap(addRule(d, 'sg-web', 'ingress', unwrap(ruleFromForm({ ...EMPTY_RULE_FORM, presetId: 'tcp', ports: String(1000 + i) }))));
    expect(ruleFormIssues(d, 'sg-web', 'ingress', { ...EMPTY_RULE_FORM, presetId: 'ssh' }).rule?.message).toMatch(/would have 61 IPv4 ingress rules; AWS allows 60/);
  });

  it('checks ACL entry numbers and CIDRs, then the command', () => {
    const fine = () => ({ ok: true as const, value: design() });
    expect(aclFormIssues({ ...EMPTY_ACL_FORM, ruleNumber: '32767' }, fine).ruleNumber?.message).toMatch(/1 to 32766/);
    expect(aclFormIssues({ ...EMPTY_ACL_FORM, cidr: '192.168.1.5/24' }, fine).cidr?.suggestion).toBe('192.168.1.0/24');
    expect(aclFormIssues(EMPTY_ACL_FORM, fine)).toEqual({});
  });
});
